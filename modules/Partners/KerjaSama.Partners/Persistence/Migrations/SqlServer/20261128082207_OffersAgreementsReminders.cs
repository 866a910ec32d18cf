using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Partners.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class OffersAgreementsReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreement_documents",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agreements",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Object = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AffairCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    ResponsibleAgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RowId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OfferId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ParentAgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    DprdApprovalRequired = table.Column<bool>(type: "bit", nullable: false),
                    DprdApprovalReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DurationExceptionLegalBasis = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Period = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ReporterKind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    ReporterOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rating = table.Column<int>(type: "int", nullable: false),
                    Recommendation = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ThresholdDays = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RowId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AffairCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    ResponsibleAgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    LetterNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Signatory = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Object = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ProposedForm = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DurationYears = table.Column<int>(type: "int", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_mail",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    To = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClaimedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outgoing_mail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reminder_dispatches",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ThresholdDays = table.Column<int>(type: "int", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FiredBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminder_dispatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agreement_changes",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PreviousEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NewEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_changes_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "partners",
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_parties",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    SignatoryName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SignatoryPosition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Delegation = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_parties_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "partners",
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "offer_recipients",
                schema: "partners",
                columns: table => new
                {
                    OfferId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offer_recipients", x => new { x.OfferId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_offer_recipients_offers_OfferId",
                        column: x => x.OfferId,
                        principalSchema: "partners",
                        principalTable: "offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_changes_AgreementId",
                schema: "partners",
                table: "agreement_changes",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_documents_AgreementId_Kind_Version",
                schema: "partners",
                table: "agreement_documents",
                columns: new[] { "AgreementId", "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreement_parties_AgreementId_OrganisationId",
                schema: "partners",
                table: "agreement_parties",
                columns: new[] { "AgreementId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreement_parties_OrganisationId",
                schema: "partners",
                table: "agreement_parties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_EndsOn",
                schema: "partners",
                table: "agreements",
                column: "EndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_ParentAgreementId",
                schema: "partners",
                table: "agreements",
                column: "ParentAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_AgreementId",
                schema: "partners",
                table: "evaluations",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_OrganisationId_CreatedAt",
                schema: "partners",
                table: "notifications",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_offer_recipients_OrganisationId",
                schema: "partners",
                table: "offer_recipients",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_RowId",
                schema: "partners",
                table: "offers",
                column: "RowId");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_mail_SentAt",
                schema: "partners",
                table: "outgoing_mail",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_reminder_dispatches_AgreementId_EndsOn_ThresholdDays",
                schema: "partners",
                table: "reminder_dispatches",
                columns: new[] { "AgreementId", "EndsOn", "ThresholdDays" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_changes",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "agreement_documents",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "agreement_parties",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "evaluations",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "offer_recipients",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "outgoing_mail",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "reminder_dispatches",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "agreements",
                schema: "partners");

            migrationBuilder.DropTable(
                name: "offers",
                schema: "partners");
        }
    }
}

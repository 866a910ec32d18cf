using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Partners.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class OffersAgreementsReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partners_agreement_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_agreement_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Object = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResponsibleAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentAgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    DprdApprovalRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    DprdApprovalReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DurationExceptionLegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReporterKind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ReporterOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ThresholdDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResponsibleAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Signatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Object = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProposedForm = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DurationYears = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_outgoing_mail",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_outgoing_mail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_reminder_dispatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ThresholdDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_reminder_dispatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners_agreement_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PreviousEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_agreement_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partners_agreement_changes_partners_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "partners_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partners_agreement_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignatoryPosition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Delegation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_agreement_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partners_agreement_parties_partners_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "partners_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partners_offer_recipients",
                columns: table => new
                {
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_offer_recipients", x => new { x.OfferId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_partners_offer_recipients_partners_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "partners_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_partners_agreement_changes_AgreementId",
                table: "partners_agreement_changes",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_agreement_documents_AgreementId_Kind_Version",
                table: "partners_agreement_documents",
                columns: new[] { "AgreementId", "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_agreement_parties_AgreementId_OrganisationId",
                table: "partners_agreement_parties",
                columns: new[] { "AgreementId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_agreement_parties_OrganisationId",
                table: "partners_agreement_parties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_agreements_EndsOn",
                table: "partners_agreements",
                column: "EndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_partners_agreements_ParentAgreementId",
                table: "partners_agreements",
                column: "ParentAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_evaluations_AgreementId",
                table: "partners_evaluations",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_notifications_OrganisationId_CreatedAt",
                table: "partners_notifications",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_partners_offer_recipients_OrganisationId",
                table: "partners_offer_recipients",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_offers_RowId",
                table: "partners_offers",
                column: "RowId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_outgoing_mail_SentAt",
                table: "partners_outgoing_mail",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_partners_reminder_dispatches_AgreementId_EndsOn_ThresholdDays",
                table: "partners_reminder_dispatches",
                columns: new[] { "AgreementId", "EndsOn", "ThresholdDays" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partners_agreement_changes");

            migrationBuilder.DropTable(
                name: "partners_agreement_documents");

            migrationBuilder.DropTable(
                name: "partners_agreement_parties");

            migrationBuilder.DropTable(
                name: "partners_evaluations");

            migrationBuilder.DropTable(
                name: "partners_notifications");

            migrationBuilder.DropTable(
                name: "partners_offer_recipients");

            migrationBuilder.DropTable(
                name: "partners_outgoing_mail");

            migrationBuilder.DropTable(
                name: "partners_reminder_dispatches");

            migrationBuilder.DropTable(
                name: "partners_agreements");

            migrationBuilder.DropTable(
                name: "partners_offers");
        }
    }
}

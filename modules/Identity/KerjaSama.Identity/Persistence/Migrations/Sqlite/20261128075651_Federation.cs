using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Identity.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Federation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InvitationExpiresAt",
                table: "identity_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitationHash",
                table: "identity_users",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "identity_external_logins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_external_logins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identity_external_logins_identity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "identity_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_identity_providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NameClaim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EmailClaim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequireApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_identity_providers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_identity_provider_domains",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_identity_provider_domains", x => x.Domain);
                    table.ForeignKey(
                        name: "FK_identity_identity_provider_domains_identity_identity_providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "identity_identity_providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_users_InvitationHash",
                table: "identity_users",
                column: "InvitationHash");

            migrationBuilder.CreateIndex(
                name: "IX_identity_external_logins_Issuer_Subject",
                table: "identity_external_logins",
                columns: new[] { "Issuer", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_external_logins_UserId",
                table: "identity_external_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_identity_provider_domains_ProviderId",
                table: "identity_identity_provider_domains",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_identity_providers_Issuer",
                table: "identity_identity_providers",
                column: "Issuer",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_identity_providers_OrganisationId",
                table: "identity_identity_providers",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_external_logins");

            migrationBuilder.DropTable(
                name: "identity_identity_provider_domains");

            migrationBuilder.DropTable(
                name: "identity_identity_providers");

            migrationBuilder.DropIndex(
                name: "IX_identity_users_InvitationHash",
                table: "identity_users");

            migrationBuilder.DropColumn(
                name: "InvitationExpiresAt",
                table: "identity_users");

            migrationBuilder.DropColumn(
                name: "InvitationHash",
                table: "identity_users");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Identity.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SessionsEndAndDisabledProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SessionVersion",
                schema: "identity",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                schema: "identity",
                table: "identity_providers",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SessionVersion",
                schema: "identity",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Disabled",
                schema: "identity",
                table: "identity_providers");
        }
    }
}

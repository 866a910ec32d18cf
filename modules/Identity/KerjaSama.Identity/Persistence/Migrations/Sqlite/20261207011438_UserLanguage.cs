using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Identity.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class UserLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "identity_users",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "identity_users");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Identity.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class UserLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "identity",
                table: "users",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                schema: "identity",
                table: "users");
        }
    }
}

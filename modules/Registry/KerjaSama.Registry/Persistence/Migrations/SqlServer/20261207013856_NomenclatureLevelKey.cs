using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Registry.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class NomenclatureLevelKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_nomenclature",
                schema: "registry",
                table: "nomenclature");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                schema: "registry",
                table: "nomenclature",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "any");

            migrationBuilder.AddPrimaryKey(
                name: "PK_nomenclature",
                schema: "registry",
                table: "nomenclature",
                columns: new[] { "Code", "Scope" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_nomenclature",
                schema: "registry",
                table: "nomenclature");

            migrationBuilder.DropColumn(
                name: "Scope",
                schema: "registry",
                table: "nomenclature");

            migrationBuilder.AddPrimaryKey(
                name: "PK_nomenclature",
                schema: "registry",
                table: "nomenclature",
                column: "Code");
        }
    }
}

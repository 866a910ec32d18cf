using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Registry.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class NomenclatureLevelKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_registry_nomenclature",
                table: "registry_nomenclature");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "registry_nomenclature",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "any");

            migrationBuilder.AddPrimaryKey(
                name: "PK_registry_nomenclature",
                table: "registry_nomenclature",
                columns: new[] { "Code", "Scope" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_registry_nomenclature",
                table: "registry_nomenclature");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "registry_nomenclature");

            migrationBuilder.AddPrimaryKey(
                name: "PK_registry_nomenclature",
                table: "registry_nomenclature",
                column: "Code");
        }
    }
}

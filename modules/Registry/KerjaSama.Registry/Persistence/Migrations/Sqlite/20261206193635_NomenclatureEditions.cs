using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Registry.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class NomenclatureEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GovernmentLevels",
                table: "registry_nomenclature",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ParentCode",
                table: "registry_nomenclature",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "registry_nomenclature",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "registry_nomenclature",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_registry_nomenclature_Level",
                table: "registry_nomenclature",
                column: "Level");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_nomenclature_Level",
                table: "registry_nomenclature");

            migrationBuilder.DropColumn(
                name: "GovernmentLevels",
                table: "registry_nomenclature");

            migrationBuilder.DropColumn(
                name: "ParentCode",
                table: "registry_nomenclature");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "registry_nomenclature");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "registry_nomenclature");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Registry.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class NomenclatureEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GovernmentLevels",
                schema: "registry",
                table: "nomenclature",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ParentCode",
                schema: "registry",
                table: "nomenclature",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                schema: "registry",
                table: "nomenclature",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                schema: "registry",
                table: "nomenclature",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_nomenclature_Level",
                schema: "registry",
                table: "nomenclature",
                column: "Level");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_nomenclature_Level",
                schema: "registry",
                table: "nomenclature");

            migrationBuilder.DropColumn(
                name: "GovernmentLevels",
                schema: "registry",
                table: "nomenclature");

            migrationBuilder.DropColumn(
                name: "ParentCode",
                schema: "registry",
                table: "nomenclature");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                schema: "registry",
                table: "nomenclature");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                schema: "registry",
                table: "nomenclature");
        }
    }
}

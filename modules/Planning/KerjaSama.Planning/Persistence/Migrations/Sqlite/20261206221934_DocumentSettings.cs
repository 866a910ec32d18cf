using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DocumentSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "planning_exercise_documents",
                columns: table => new
                {
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    DecreeNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecreeDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecreeSubject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignatoryTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignatoryNip = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planning_exercise_documents", x => x.ExerciseId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_planning_exercise_documents_RegionCode_UpdatedAt",
                table: "planning_exercise_documents",
                columns: new[] { "RegionCode", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "planning_exercise_documents");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class DocumentSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exercise_documents",
                schema: "planning",
                columns: table => new
                {
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    DecreeNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecreeDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecreeSubject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignatoryTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignatoryNip = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exercise_documents", x => x.ExerciseId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exercise_documents_RegionCode_UpdatedAt",
                schema: "planning",
                table: "exercise_documents",
                columns: new[] { "RegionCode", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exercise_documents",
                schema: "planning");
        }
    }
}

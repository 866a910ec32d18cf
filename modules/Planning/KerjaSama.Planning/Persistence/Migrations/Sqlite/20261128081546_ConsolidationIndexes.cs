using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ConsolidationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_planning_matrix_ops_ExerciseId_RowId",
                table: "planning_matrix_ops",
                columns: new[] { "ExerciseId", "RowId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_planning_matrix_ops_ExerciseId_RowId",
                table: "planning_matrix_ops");
        }
    }
}

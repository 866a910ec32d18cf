using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class LiveSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvitedOrganisationIds",
                table: "planning_exercises",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "planning_matrix_ops",
                columns: table => new
                {
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    OpId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorOrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    OverwritesJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planning_matrix_ops", x => new { x.ExerciseId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "planning_matrix_rows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    StampsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CooperationType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planning_matrix_rows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "planning_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planning_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_planning_matrix_ops_ExerciseId_OpId",
                table: "planning_matrix_ops",
                columns: new[] { "ExerciseId", "OpId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_planning_matrix_rows_ExerciseId_AffairCode",
                table: "planning_matrix_rows",
                columns: new[] { "ExerciseId", "AffairCode" });

            migrationBuilder.CreateIndex(
                name: "IX_planning_sessions_ExerciseId",
                table: "planning_sessions",
                column: "ExerciseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "planning_matrix_ops");

            migrationBuilder.DropTable(
                name: "planning_matrix_rows");

            migrationBuilder.DropTable(
                name: "planning_sessions");

            migrationBuilder.DropColumn(
                name: "InvitedOrganisationIds",
                table: "planning_exercises");
        }
    }
}

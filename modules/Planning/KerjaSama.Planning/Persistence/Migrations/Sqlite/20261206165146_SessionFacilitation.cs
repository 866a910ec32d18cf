using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SessionFacilitation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "planning_session_facilitation",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimerActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    TimerLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimerAffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    TimerRowIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TimerDurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    TimerRunning = table.Column<bool>(type: "INTEGER", nullable: false),
                    TimerEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TimerRemainingMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planning_session_facilitation", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "planning_vote_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RowIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    VotesPerOrganisation = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Revealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planning_vote_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "planning_votes",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planning_votes", x => new { x.RoundId, x.OrganisationId, x.RowId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_planning_vote_rounds_ExerciseId",
                table: "planning_vote_rounds",
                column: "ExerciseId");

            migrationBuilder.CreateIndex(
                name: "IX_planning_vote_rounds_SessionId_Number",
                table: "planning_vote_rounds",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_planning_votes_RoundId_RowId",
                table: "planning_votes",
                columns: new[] { "RoundId", "RowId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "planning_session_facilitation");

            migrationBuilder.DropTable(
                name: "planning_vote_rounds");

            migrationBuilder.DropTable(
                name: "planning_votes");
        }
    }
}

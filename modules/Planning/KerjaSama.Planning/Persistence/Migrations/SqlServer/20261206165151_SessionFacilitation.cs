using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SessionFacilitation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "session_facilitation",
                schema: "planning",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TimerActive = table.Column<bool>(type: "bit", nullable: false),
                    TimerLabel = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TimerAffairCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    TimerRowIdsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TimerDurationSeconds = table.Column<int>(type: "int", nullable: false),
                    TimerRunning = table.Column<bool>(type: "bit", nullable: false),
                    TimerEndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    TimerRemainingMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_facilitation", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "vote_rounds",
                schema: "planning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AffairCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    RowIdsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    VotesPerOrganisation = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Revealed = table.Column<bool>(type: "bit", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StartedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vote_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "votes",
                schema: "planning",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RowId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Votes = table.Column<int>(type: "int", nullable: false),
                    OrganisationName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LastUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_votes", x => new { x.RoundId, x.OrganisationId, x.RowId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_vote_rounds_ExerciseId",
                schema: "planning",
                table: "vote_rounds",
                column: "ExerciseId");

            migrationBuilder.CreateIndex(
                name: "IX_vote_rounds_SessionId_Number",
                schema: "planning",
                table: "vote_rounds",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_votes_RoundId_RowId",
                schema: "planning",
                table: "votes",
                columns: new[] { "RoundId", "RowId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_facilitation",
                schema: "planning");

            migrationBuilder.DropTable(
                name: "vote_rounds",
                schema: "planning");

            migrationBuilder.DropTable(
                name: "votes",
                schema: "planning");
        }
    }
}

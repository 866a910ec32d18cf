using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class RowTalkAndSessionMoments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "duplicate_pairs",
                schema: "planning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RowA = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RowB = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AffairCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Field = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "float", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedByOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedByOrganisationName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_pairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "row_comments",
                schema: "planning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RowId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    MentionedOrganisationIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorOrganisationName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ResolvedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ResolvedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ResolvedByOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ResolvedByOrganisationName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_row_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "session_moments",
                schema: "planning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    State = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_moments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_pairs_ExerciseId_RowA_RowB",
                schema: "planning",
                table: "duplicate_pairs",
                columns: new[] { "ExerciseId", "RowA", "RowB" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_row_comments_ExerciseId_RowId",
                schema: "planning",
                table: "row_comments",
                columns: new[] { "ExerciseId", "RowId" });

            migrationBuilder.CreateIndex(
                name: "IX_session_moments_ExerciseId_At",
                schema: "planning",
                table: "session_moments",
                columns: new[] { "ExerciseId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "duplicate_pairs",
                schema: "planning");

            migrationBuilder.DropTable(
                name: "row_comments",
                schema: "planning");

            migrationBuilder.DropTable(
                name: "session_moments",
                schema: "planning");
        }
    }
}

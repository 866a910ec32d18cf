using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Planning.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class LiveSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<Guid>>(
                name: "InvitedOrganisationIds",
                schema: "planning",
                table: "exercises",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "matrix_ops",
                schema: "planning",
                columns: table => new
                {
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    OpId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorOrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OverwritesJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matrix_ops", x => new { x.ExerciseId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "matrix_rows",
                schema: "planning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    StampsJson = table.Column<string>(type: "text", nullable: false),
                    AffairCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CooperationType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedSeq = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedSeq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matrix_rows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "planning",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_matrix_ops_ExerciseId_OpId",
                schema: "planning",
                table: "matrix_ops",
                columns: new[] { "ExerciseId", "OpId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matrix_rows_ExerciseId_AffairCode",
                schema: "planning",
                table: "matrix_rows",
                columns: new[] { "ExerciseId", "AffairCode" });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_ExerciseId",
                schema: "planning",
                table: "sessions",
                column: "ExerciseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matrix_ops",
                schema: "planning");

            migrationBuilder.DropTable(
                name: "matrix_rows",
                schema: "planning");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "planning");

            migrationBuilder.DropColumn(
                name: "InvitedOrganisationIds",
                schema: "planning",
                table: "exercises");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KerjaSama.Meetings.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class MeetingLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Agenda",
                table: "meetings_meetings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "EndsAt",
                table: "meetings_meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "InvitationsSentAt",
                table: "meetings_meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meetings_action_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_action_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings_attendance_corrections",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstJoinAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastLeaveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TotalMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_attendance_corrections", x => new { x.MeetingId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "meetings_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentVersion = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_invitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings_invitees",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_invitees", x => new { x.MeetingId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_meetings_invitees_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_minutes",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_minutes", x => x.MeetingId);
                });

            migrationBuilder.CreateTable(
                name: "meetings_presence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_presence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings_sessions",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExerciseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_sessions", x => x.SessionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_action_items_MeetingId",
                table: "meetings_action_items",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_decisions_MeetingId",
                table: "meetings_decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_invitations_MeetingId_UserId_OrganisationId",
                table: "meetings_invitations",
                columns: new[] { "MeetingId", "UserId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meetings_invitees_OrganisationId",
                table: "meetings_invitees",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_presence_SessionId_ConnectionId",
                table: "meetings_presence",
                columns: new[] { "SessionId", "ConnectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_sessions_MeetingId",
                table: "meetings_sessions",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meetings_action_items");

            migrationBuilder.DropTable(
                name: "meetings_attendance_corrections");

            migrationBuilder.DropTable(
                name: "meetings_decisions");

            migrationBuilder.DropTable(
                name: "meetings_invitations");

            migrationBuilder.DropTable(
                name: "meetings_invitees");

            migrationBuilder.DropTable(
                name: "meetings_minutes");

            migrationBuilder.DropTable(
                name: "meetings_presence");

            migrationBuilder.DropTable(
                name: "meetings_sessions");

            migrationBuilder.DropColumn(
                name: "Agenda",
                table: "meetings_meetings");

            migrationBuilder.DropColumn(
                name: "EndsAt",
                table: "meetings_meetings");

            migrationBuilder.DropColumn(
                name: "InvitationsSentAt",
                table: "meetings_meetings");
        }
    }
}

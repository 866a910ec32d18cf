namespace KerjaSama.Meetings.Attendance;

/// <summary>
/// A secretary's correction of one person's attendance: overrides what presence recorded (or adds someone who took
/// part without joining the live session; <see cref="PersonId"/> is then a new id, not a user).
/// </summary>
internal sealed class AttendanceCorrection
{
    public Guid MeetingId { get; set; }

    public Guid PersonId { get; set; }

    public required string DisplayName { get; set; }

    public Guid OrganisationId { get; set; }

    public required string OrganisationName { get; set; }

    public bool Present { get; set; }

    public DateTimeOffset? FirstJoinAt { get; set; }

    public DateTimeOffset? LastLeaveAt { get; set; }

    public int? TotalMinutes { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CorrectedAt { get; set; }

    public required string CorrectedBy { get; set; }
}

namespace KerjaSama.Meetings.Attendance;

/// <summary>A live session that a meeting opened on its exercise; its presence is the meeting's attendance.</summary>
internal sealed class MeetingSession
{
    public Guid SessionId { get; set; }

    public Guid MeetingId { get; set; }

    public Guid ExerciseId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

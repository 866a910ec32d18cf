namespace KerjaSama.Meetings.Attendance;

/// <summary>One connection of one person in a live session, from join to leave (open while still present).</summary>
internal sealed class PresenceInterval
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid ExerciseId { get; set; }

    public required string ConnectionId { get; set; }

    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    public Guid OrganisationId { get; set; }

    public required string OrganisationName { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }
}

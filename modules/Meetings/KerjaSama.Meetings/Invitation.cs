namespace KerjaSama.Meetings;

/// <summary>One person addressed by a meeting's invitations (in-app and by email).</summary>
internal sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    public Guid OrganisationId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>The meeting's version the last message described (the iCalendar SEQUENCE).</summary>
    public long SentVersion { get; set; }
}

using KerjaSama.Modularity.Persistence;

namespace KerjaSama.Meetings;

/// <summary>A (usually online) meeting run by the secretariat, e.g. a mapping meeting on one exercise.</summary>
internal sealed class Meeting : IVersioned
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Start as an instant; shown in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>End as an instant; after <see cref="StartsAt"/>.</summary>
    public DateTimeOffset EndsAt { get; set; }

    public int DurationMinutes { get; set; }

    public IndonesianTimeZone TimeZone { get; set; }

    public string? Place { get; set; }

    public string? OnlineLink { get; set; }

    public Guid? ExerciseId { get; set; }

    public List<string> Agenda { get; set; } = [];

    public List<MeetingInvitee> Invitees { get; set; } = [];

    /// <summary>When invitations last went out; until then invited users do not see the meeting.</summary>
    public DateTimeOffset? InvitationsSentAt { get; set; }

    public long Version { get; set; }
}

/// <summary>An organisation invited to a meeting (agency, partner government or third party).</summary>
internal sealed class MeetingInvitee
{
    public Guid MeetingId { get; set; }

    public Guid OrganisationId { get; set; }

    public required string OrganisationName { get; set; }

    public required string OrganisationKind { get; set; }
}

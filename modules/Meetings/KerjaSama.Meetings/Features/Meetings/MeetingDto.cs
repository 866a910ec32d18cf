using System.Globalization;

namespace KerjaSama.Meetings.Features.Meetings;

internal sealed record InviteeDto(Guid OrganisationId, string OrganisationName, string Kind);

internal sealed record MeetingDto(Guid Id, string Title, DateTimeOffset StartsAt, string LocalStart, int DurationMinutes, string TimeZone,
    string? Place, string? OnlineLink, Guid? ExerciseId, long Version, DateTimeOffset EndsAt, string LocalEnd, IReadOnlyList<string> Agenda,
    IReadOnlyList<InviteeDto> Invitees, DateTimeOffset? InvitationsSentAt)
{
    public static MeetingDto From(Meeting m) =>
        new(m.Id, m.Title, m.StartsAt, Local(m, m.StartsAt), m.DurationMinutes, m.TimeZone.ToString().ToUpperInvariant(), m.Place, m.OnlineLink,
            m.ExerciseId, m.Version, m.EndsAt, Local(m, m.EndsAt), m.Agenda,
            [.. m.Invitees.OrderBy(i => i.OrganisationName, StringComparer.Ordinal).Select(i => new InviteeDto(i.OrganisationId, i.OrganisationName, i.OrganisationKind))],
            m.InvitationsSentAt);

    public static string Local(Meeting m, DateTimeOffset instant) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{instant.ToOffset(TimeSpan.FromHours((int)m.TimeZone)):yyyy-MM-dd HH:mm} {m.TimeZone.ToString().ToUpperInvariant()}");
}

using System.Globalization;

namespace KerjaSama.Meetings.Features;

internal sealed record MeetingDto(Guid Id, string Title, DateTimeOffset StartsAt, string LocalStart, int DurationMinutes, string TimeZone,
    string? Place, string? OnlineLink, Guid? ExerciseId, long Version)
{
    public static MeetingDto From(Meeting m)
    {
        var local = m.StartsAt.ToOffset(TimeSpan.FromHours((int)m.TimeZone));
        return new(m.Id, m.Title, m.StartsAt, string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} {m.TimeZone.ToString().ToUpperInvariant()}"), m.DurationMinutes,
            m.TimeZone.ToString().ToUpperInvariant(), m.Place, m.OnlineLink, m.ExerciseId, m.Version);
    }
}

namespace KerjaSama.Meetings.Attendance;

internal sealed record PresencePeriod(DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

/// <summary>
/// One person's attendance of a meeting: first join, last leave (null while still present), total time present
/// (overlapping connections counted once) and the periods it comes from; <see cref="Corrected"/> when a secretary
/// changed it by hand.
/// </summary>
internal sealed record AttendanceRow(Guid PersonId, string DisplayName, Guid OrganisationId, string OrganisationName, bool Present,
    DateTimeOffset? FirstJoinAt, DateTimeOffset? LastLeaveAt, double TotalSeconds, bool StillPresent, bool Corrected, string? Note,
    IReadOnlyList<PresencePeriod> Periods)
{
    public int TotalMinutes => (int)Math.Round(TotalSeconds / 60.0);
}

internal sealed record OrganisationAttendance(Guid OrganisationId, string OrganisationName, int People, bool Invited);

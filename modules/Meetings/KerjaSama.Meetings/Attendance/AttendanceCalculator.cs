using KerjaSama.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Attendance;

/// <summary>Attendance of a meeting from the presence in its live sessions, merged per person, then the corrections applied.</summary>
internal sealed class AttendanceCalculator(MeetingsDb db, TimeProvider clock)
{
    public async Task<List<AttendanceRow>> ForMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.MeetingId == meetingId).Select(s => s.SessionId).ToListAsync(ct);
        var intervals = sessions.Count == 0
            ? []
            : await db.Presence.AsNoTracking().Where(p => sessions.Contains(p.SessionId)).ToListAsync(ct);
        var corrections = await db.Corrections.AsNoTracking().Where(c => c.MeetingId == meetingId).ToListAsync(ct);
        return Merge(intervals, corrections, clock.GetUtcNow());
    }

    /// <summary>Pure: one row per person (all their connections and sessions), corrections overriding, absent people left out.</summary>
    public static List<AttendanceRow> Merge(IReadOnlyList<PresenceInterval> intervals, IReadOnlyList<AttendanceCorrection> corrections,
        DateTimeOffset now)
    {
        var rows = new Dictionary<Guid, AttendanceRow>();
        foreach (var person in intervals.GroupBy(i => i.UserId))
        {
            var ordered = person.OrderBy(i => i.JoinedAt).ToList();
            var latest = ordered[^1];
            var stillPresent = ordered.Any(i => i.LeftAt is null);
            rows[person.Key] = new AttendanceRow(person.Key, latest.DisplayName, latest.OrganisationId, latest.OrganisationName, true,
                ordered[0].JoinedAt, stillPresent ? null : ordered.Max(i => i.LeftAt), UnionSeconds(ordered, now), stillPresent, false, null,
                [.. ordered.Select(i => new PresencePeriod(i.JoinedAt, i.LeftAt))]);
        }

        foreach (var c in corrections)
        {
            rows.TryGetValue(c.PersonId, out var recorded);
            rows[c.PersonId] = new AttendanceRow(c.PersonId, c.DisplayName, c.OrganisationId, c.OrganisationName, c.Present,
                c.FirstJoinAt ?? recorded?.FirstJoinAt, c.LastLeaveAt ?? recorded?.LastLeaveAt,
                c.TotalMinutes is { } minutes ? minutes * 60.0 : recorded?.TotalSeconds ?? 0, recorded?.StillPresent ?? false, true, c.Note,
                recorded?.Periods ?? []);
        }

        return [.. rows.Values.Where(r => r.Present).OrderBy(r => r.OrganisationName, StringComparer.Ordinal)
            .ThenBy(r => r.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>Seconds covered by the union of the periods (an open period runs until now).</summary>
    private static double UnionSeconds(List<PresenceInterval> ordered, DateTimeOffset now)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? start = null, end = null;
        foreach (var i in ordered)
        {
            var left = i.LeftAt ?? (now > i.JoinedAt ? now : i.JoinedAt);
            if (start is null || i.JoinedAt > end)
            {
                if (start is not null)
                    total += end!.Value - start.Value;
                (start, end) = (i.JoinedAt, left);
            }
            else if (left > end)
            {
                end = left;
            }
        }

        if (start is not null)
            total += end!.Value - start.Value;
        return Math.Round(total.TotalSeconds, 3);
    }

    public static List<OrganisationAttendance> PerOrganisation(IReadOnlyList<AttendanceRow> rows, Meeting meeting) =>
        [.. rows.GroupBy(r => r.OrganisationId)
            .Select(g => new OrganisationAttendance(g.Key, g.First().OrganisationName, g.Count(), meeting.Invitees.Any(i => i.OrganisationId == g.Key)))
            .Concat(meeting.Invitees.Where(i => rows.All(r => r.OrganisationId != i.OrganisationId))
                .Select(i => new OrganisationAttendance(i.OrganisationId, i.OrganisationName, 0, true)))
            .OrderBy(o => o.OrganisationName, StringComparer.Ordinal)];
}

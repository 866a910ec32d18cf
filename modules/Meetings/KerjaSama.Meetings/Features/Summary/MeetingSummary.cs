using KerjaSama.Meetings.Attendance;
using KerjaSama.Meetings.Features.Meetings;
using KerjaSama.Meetings.Features.Sessions;
using KerjaSama.Meetings.Minutes;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Planning.Contracts.Sessions;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features.Summary;

internal sealed record RowsByOrganisation(Guid OrganisationId, string OrganisationName, int Rows);

internal sealed record RowsByAffair(string? AffairCode, int Rows);

/// <summary>Everything the meeting page and the exported minutes show after (or during) a meeting.</summary>
internal sealed record MeetingSummary(MeetingDto Meeting, IReadOnlyList<MeetingSessionDto> Sessions, IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<OrganisationAttendance> Organisations, IReadOnlyList<RowsByOrganisation> RowsPerOrganisation,
    IReadOnlyList<RowsByAffair> RowsPerAffair, int RowsAdded, MinutesDto Minutes, IReadOnlyList<DecisionDto> Decisions,
    IReadOnlyList<ActionItemDto> ActionItems, IReadOnlyList<VoteRoundResult>? Votes = null);

internal sealed class SummaryBuilder(MeetingsDb db, AttendanceCalculator attendance, SessionCommands sessions, MinutesCommands minutes,
    IMatrixContributions contributions, IVoteResults votes)
{
    public async Task<MeetingSummary?> BuildAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return null;
        var sessionList = await sessions.ListAsync(meetingId, ct);
        var rows = await attendance.ForMeetingAsync(meetingId, ct);
        IReadOnlyList<RowsAdded> added = meeting.ExerciseId is { } exerciseId && sessionList.Count > 0
            ? await contributions.RowsAddedAsync(exerciseId, [.. sessionList.Select(s => s.SessionId)], ct)
            : [];
        return new MeetingSummary(MeetingDto.From(meeting), sessionList, rows, AttendanceCalculator.PerOrganisation(rows, meeting),
            [.. added.GroupBy(a => a.OrganisationId).Select(g => new RowsByOrganisation(g.Key, g.First().OrganisationName, g.Sum(a => a.Count)))
                .OrderByDescending(r => r.Rows).ThenBy(r => r.OrganisationName, StringComparer.Ordinal)],
            [.. added.GroupBy(a => a.AffairCode).Select(g => new RowsByAffair(g.Key, g.Sum(a => a.Count)))
                .OrderBy(r => r.AffairCode ?? "~", StringComparer.Ordinal)],
            added.Sum(a => a.Count),
            (await minutes.GetAsync(meetingId, ct))!, await minutes.DecisionsAsync(meetingId, ct), await minutes.ActionItemsAsync(meetingId, ct),
            meeting.ExerciseId is { } voted && sessionList.Count > 0 ? await votes.RoundsAsync(voted, [.. sessionList.Select(s => s.SessionId)], ct) : []);
    }
}

using KerjaSama.Meetings.Attendance;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Sessions;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Meetings.Features;

internal sealed record MeetingSessionDto(Guid SessionId, Guid ExerciseId, string State, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <summary>The outcome of opening or closing: the session, or an error code (and message) for a problem answer.</summary>
internal sealed record SessionOutcome(MeetingSessionDto? Session, string? ErrorCode = null, string? Error = null, int Status = 200);

/// <summary>Opens and closes the live session on a meeting's exercise through Planning's contract and links it to the meeting.</summary>
internal sealed class SessionCommands(MeetingsDb db, ILiveSessionControl live, TimeProvider clock)
{
    public async Task<SessionOutcome> OpenAsync(Guid meetingId, Caller caller, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return new(null, "meeting_not_found", $"No meeting has the id {meetingId}.", 404);
        if (meeting.ExerciseId is not { } exerciseId)
            return new(null, "no_exercise", "This meeting works on no mapping exercise: set one first.", 409);
        var status = await live.OpenAsync(exerciseId, Actor(caller), [.. meeting.Invitees.Select(i => i.OrganisationId)], ct);
        if (status.ErrorCode is { } code)
            return new(null, code, status.ErrorMessage, code == "forbidden" ? 403 : code == "exercise_not_found" ? 404 : 409);
        var link = await db.Sessions.FirstOrDefaultAsync(s => s.SessionId == status.SessionId, ct);
        if (link is null)
        {
            link = new MeetingSession { SessionId = status.SessionId, MeetingId = meetingId, ExerciseId = exerciseId, OpenedAt = clock.GetUtcNow() };
            db.Sessions.Add(link);
            await db.SaveChangesAsync(ct);
        }
        else if (link.MeetingId != meetingId)
        {
            return new(null, "session_of_another_meeting", "The exercise's open session belongs to another meeting; close it there first.", 409);
        }

        return new(ToDto(link, status.State));
    }

    public async Task<SessionOutcome> CloseAsync(Guid meetingId, Caller caller, CancellationToken ct)
    {
        var link = await db.Sessions.Where(s => s.MeetingId == meetingId && s.ClosedAt == null).OrderByDescending(s => s.OpenedAt).FirstOrDefaultAsync(ct);
        if (link is null)
            return new(null, "no_open_session", "This meeting has no open live session.", 409);
        var status = await live.CloseAsync(link.SessionId, Actor(caller), ct);
        if (status.ErrorCode is "session_closed" or "unknown_session" or null)
        {
            // Closed now or already (e.g. through Planning's own endpoint): record it either way.
            await db.Entry(link).ReloadAsync(ct);
            link.ClosedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return new(ToDto(link, "closed"));
        }

        return new(null, status.ErrorCode, status.ErrorMessage, status.ErrorCode == "forbidden" ? 403 : 409);
    }

    public async Task<List<MeetingSessionDto>> ListAsync(Guid meetingId, CancellationToken ct) =>
        [.. (await db.Sessions.AsNoTracking().Where(s => s.MeetingId == meetingId).OrderBy(s => s.OpenedAt).ToListAsync(ct))
            .Select(s => ToDto(s, s.ClosedAt is null ? "open" : "closed"))];

    private static SessionActor Actor(Caller c) => new(c.UserId, c.DisplayName, c.OrganisationId, c.OrganisationName, c.Role);

    private static MeetingSessionDto ToDto(MeetingSession s, string state) => new(s.SessionId, s.ExerciseId, state, s.OpenedAt, s.ClosedAt);
}

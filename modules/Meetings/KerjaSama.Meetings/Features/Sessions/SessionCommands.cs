using KerjaSama.Meetings.Attendance;
using KerjaSama.Meetings.Persistence;
using KerjaSama.Modularity.Http;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Meetings.Features.Sessions;

internal sealed record MeetingSessionDto(Guid SessionId, Guid ExerciseId, string State, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <summary>Opens and closes the live session on a meeting's exercise through Planning's contract and links it to the meeting.</summary>
internal sealed class SessionCommands(MeetingsDb db, ILiveSessionControl live, TimeProvider clock)
{
    public async Task<Outcome<MeetingSessionDto>> OpenAsync(Guid meetingId, Caller caller, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitees).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return Outcome<MeetingSessionDto>.Fail(StatusCodes.Status404NotFound, "meeting_not_found", $"No meeting has the id {meetingId}.");
        if (meeting.ExerciseId is not { } exerciseId)
            return Outcome<MeetingSessionDto>.Fail(StatusCodes.Status409Conflict, "no_exercise", "This meeting works on no mapping exercise: set one first.");
        var status = await live.OpenAsync(exerciseId, Actor(caller), [.. meeting.Invitees.Select(i => i.OrganisationId)], ct);
        if (status.ErrorCode is { } code)
            return Outcome<MeetingSessionDto>.Fail(code == RejectionCodes.Forbidden ? 403 : code == "exercise_not_found" ? 404 : 409, code, status.ErrorMessage ?? code);
        var link = await db.Sessions.FirstOrDefaultAsync(s => s.SessionId == status.SessionId, ct);
        if (link is null)
        {
            link = new MeetingSession { SessionId = status.SessionId, MeetingId = meetingId, ExerciseId = exerciseId, OpenedAt = clock.GetUtcNow() };
            db.Sessions.Add(link);
            await db.SaveChangesAsync(ct);
        }
        else if (link.MeetingId != meetingId)
        {
            return Outcome<MeetingSessionDto>.Fail(StatusCodes.Status409Conflict, "session_of_another_meeting", "The exercise's open session belongs to another meeting; close it there first.");
        }

        return ToDto(link, status.State);
    }

    public async Task<Outcome<MeetingSessionDto>> CloseAsync(Guid meetingId, Caller caller, CancellationToken ct)
    {
        var link = await db.Sessions.Where(s => s.MeetingId == meetingId && s.ClosedAt == null).OrderByDescending(s => s.OpenedAt).FirstOrDefaultAsync(ct);
        if (link is null)
            return Outcome<MeetingSessionDto>.Fail(StatusCodes.Status409Conflict, "no_open_session", "This meeting has no open live session.");
        var status = await live.CloseAsync(link.SessionId, Actor(caller), ct);
        if (status.ErrorCode is RejectionCodes.SessionClosed or RejectionCodes.UnknownSession or null)
        {
            // Closed now or already (e.g. through Planning's own endpoint): record it either way.
            await db.Entry(link).ReloadAsync(ct);
            link.ClosedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return ToDto(link, "closed");
        }

        return Outcome<MeetingSessionDto>.Fail(status.ErrorCode == RejectionCodes.Forbidden ? 403 : 409, status.ErrorCode, status.ErrorMessage ?? status.ErrorCode);
    }

    public async Task<List<MeetingSessionDto>> ListAsync(Guid meetingId, CancellationToken ct) =>
        [.. (await db.Sessions.AsNoTracking().Where(s => s.MeetingId == meetingId).OrderBy(s => s.OpenedAt).ToListAsync(ct))
            .Select(s => ToDto(s, s.ClosedAt is null ? "open" : "closed"))];

    private static SessionActor Actor(Caller c) => new(c.UserId, c.DisplayName, c.OrganisationId, c.OrganisationName, c.Role);

    private static MeetingSessionDto ToDto(MeetingSession s, string state) => new(s.SessionId, s.ExerciseId, state, s.OpenedAt, s.ClosedAt);
}

using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Contracts.Sessions;
using KerjaSama.Planning.Live.Hub;
using KerjaSama.Planning.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live;

/// <summary>The Contracts face of opening and closing live sessions; the matrix grain stays the one that decides.</summary>
internal sealed class LiveSessionControl(IDbContextFactory<PlanningDb> factory, IGrainFactory grains, SessionDirectory sessions,
    PresenceEvents presence) : ILiveSessionControl
{
    public async Task<LiveSessionStatus> OpenAsync(Guid exerciseId, SessionActor actor, IReadOnlyCollection<Guid> inviteOrganisationIds,
        CancellationToken cancellationToken)
    {
        var caller = ToCaller(actor);
        if (!caller.CanFacilitate)
            return Refused(exerciseId, RejectionCodes.Forbidden, "Only facilitators open live sessions.");
        if (!await InviteAsync(exerciseId, inviteOrganisationIds, cancellationToken))
            return Refused(exerciseId, "exercise_not_found", $"No mapping exercise has the id {exerciseId}.");
        var grain = grains.GetGrain<IMatrixGrain>(exerciseId);
        await grain.Reload();
        var info = await grain.OpenSession(caller);
        return ToStatus(info);
    }

    public async Task<LiveSessionStatus> CloseAsync(Guid sessionId, SessionActor actor, CancellationToken cancellationToken)
    {
        if (await sessions.ExerciseOfAsync(sessionId, cancellationToken) is not { } exerciseId)
            return new LiveSessionStatus(sessionId, Guid.Empty, "", RejectionCodes.UnknownSession, $"No live session has the id {sessionId}.");
        var info = await grains.GetGrain<IMatrixGrain>(exerciseId).ChangeSessionState(ToCaller(actor), sessionId, SessionStates.Closed);
        if (info.Error is null)
            await presence.ClosedAsync(sessionId, exerciseId);
        return ToStatus(info);
    }

    public async Task<LiveSessionStatus?> CurrentAsync(Guid exerciseId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Exercises.AnyAsync(e => e.Id == exerciseId, cancellationToken))
            return null;
        return await grains.GetGrain<IMatrixGrain>(exerciseId).GetSession() is { } info ? ToStatus(info) : null;
    }

    /// <summary>Adds the organisations to the exercise's invitations; false when the exercise does not exist.</summary>
    private async Task<bool> InviteAsync(Guid exerciseId, IReadOnlyCollection<Guid> organisationIds, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var exercise = await db.Exercises.FirstOrDefaultAsync(e => e.Id == exerciseId, ct);
            if (exercise is null)
                return false;
            var missing = organisationIds.Where(id => !exercise.InvitedOrganisationIds.Contains(id)).Distinct().ToList();
            if (missing.Count == 0)
                return true;
            exercise.InvitedOrganisationIds = [.. exercise.InvitedOrganisationIds, .. missing];
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Someone changed the exercise meanwhile: read it again and add the missing ones to that.
            }
        }
    }

    private static Caller ToCaller(SessionActor a) => new(a.UserId, a.DisplayName, a.OrganisationId, a.OrganisationName, a.Role);

    private static LiveSessionStatus Refused(Guid exerciseId, string code, string message) => new(Guid.Empty, exerciseId, "", code, message);

    private static LiveSessionStatus ToStatus(SessionInfo info) =>
        new(info.SessionId, info.ExerciseId, info.State, info.Error?.Code, info.Error?.Message);
}

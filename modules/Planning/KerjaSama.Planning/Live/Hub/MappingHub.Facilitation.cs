using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Live.Facilitation;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>
/// Facilitation over <c>/hubs/mapping</c> (<see cref="FacilitationHubNames"/>): prioritisation votes, the agenda
/// timer and the facilitator's view. Every call needs a joined session and answers a <see cref="FacilitationResult"/>;
/// the grain checks role, invitation, round and allowance, and a refused call changes nothing.
/// </summary>
internal sealed partial class MappingHub
{
    public Task<FacilitationResult> StartVote(StartVoteRequest request) =>
        FacilitateAsync(request?.SessionId, (grain, caller) => grain.StartVote(caller,
            new VoteStart(request!.SessionId, request.Label ?? "", request.AffairCode, request.RowIds, request.VotesPerOrganisation)));

    public Task<FacilitationResult> CastVote(Guid sessionId, Guid roundId, Guid rowId) =>
        FacilitateAsync(sessionId, (grain, caller) => grain.Vote(caller, sessionId, roundId, rowId, 1));

    public Task<FacilitationResult> RetractVote(Guid sessionId, Guid roundId, Guid rowId) =>
        FacilitateAsync(sessionId, (grain, caller) => grain.Vote(caller, sessionId, roundId, rowId, -1));

    public Task<FacilitationResult> RevealVote(Guid sessionId, Guid roundId) =>
        FacilitateAsync(sessionId, (grain, caller) => grain.ChangeVote(caller, sessionId, roundId, "reveal"));

    public Task<FacilitationResult> CloseVote(Guid sessionId, Guid roundId) =>
        FacilitateAsync(sessionId, (grain, caller) => grain.ChangeVote(caller, sessionId, roundId, "close"));

    public Task<FacilitationResult> SetTimer(SetTimerRequest request) =>
        FacilitateAsync(request?.SessionId, (grain, caller) => grain.SetTimer(caller,
            new TimerChange(request!.SessionId, request.Action ?? "", request.Label, request.AffairCode, request.RowIds, request.Seconds)));

    public Task<FacilitationResult> ShareView(FacilitatorView view) => Share(view, false);

    public Task<FacilitationResult> BringEveryone(FacilitatorView view) => Share(view, true);

    private Task<FacilitationResult> Share(FacilitatorView? view, bool bringEveryone) =>
        FacilitateAsync(view?.SessionId, (grain, caller) => grain.ShareView(caller,
            new ViewMessage(view!.SessionId, view.AffairCode, view.Search, view.TopRowId, view.FocusRowId, bringEveryone, "", 0)));

    private async Task<FacilitationResult> FacilitateAsync(Guid? sessionId, Func<IMatrixGrain, Caller, Task<FacilitationSnapshot>> call)
    {
        if (sessionId is not { } session || session == Guid.Empty)
            return FacilitationViews.Refused(RejectionCodes.InvalidOp, "A facilitation call needs a sessionId.");
        var connection = Connection;
        if (guard.Refusal(connection) is { } refusal)
            return FacilitationViews.Refused(refusal, "Your membership or role changed; sign in again.");
        if (connection.Revoked.TryGetValue(session, out var revoked))
            return FacilitationViews.Refused(revoked, "Your organisation is no longer invited to this mapping exercise.");
        if (!connection.Joined.TryGetValue(session, out var exerciseId))
            return FacilitationViews.Refused(RejectionCodes.NotJoined, "Join the session first.");
        var caller = connection.Caller;
        var snapshot = await call(grains.GetGrain<IMatrixGrain>(exerciseId), caller);
        return FacilitationViews.ToResult(snapshot, caller, fanout.Clock.GetUtcNow());
    }

    /// <summary>Join's last step: the connection's view group and the session's facilitation state.</summary>
    private async Task<JoinResult> WithFacilitationAsync(Caller caller, Guid sessionId, Guid exerciseId, JoinResult result)
    {
        var key = FacilitationViews.Key(caller);
        fanout.AddViewer(sessionId, key);
        await Groups.AddToGroupAsync(Context.ConnectionId, FacilitationViews.Group(sessionId, key));
        var snapshot = await grains.GetGrain<IMatrixGrain>(exerciseId).GetFacilitation(sessionId);
        // A facilitation state that cannot be read now leaves the join whole; the next event brings it.
        return snapshot.Error is null ? result with { Facilitation = FacilitationViews.ToState(snapshot, caller, fanout.Clock.GetUtcNow()) } : result;
    }

    private Task LeaveFacilitationAsync(Guid sessionId, Caller caller) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, FacilitationViews.Group(sessionId, FacilitationViews.Key(caller)));
}

using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>
/// <c>/hubs/mapping</c>: the live mapping session contract of docs/architecture.md. Authorised at connect (policy) and
/// on every call (the caller is re-read from the connection's principal and the grain checks invitation, role and
/// row ownership). Errors of <c>Submit</c> are rejected acks with a code; errors of <c>Join</c> are hub errors
/// whose message starts with the code. A database that cannot be reached is retryable: <c>not_committed</c> on
/// <c>Submit</c> (send the same op id again), <c>database_unavailable</c> on <c>Join</c>.
/// </summary>
[Authorize(Policy = Policies.Member)]
internal sealed partial class MappingHub(IGrainFactory grains, SessionDirectory sessions, MatrixFanout fanout, PresenceEvents presence,
    LiveConnectionGuard guard, MatrixGrains matrices) : Microsoft.AspNetCore.SignalR.Hub<IMappingClient>
{
    private LiveConnection Connection =>
        LiveConnectionGuard.Of(Context) ?? throw new HubException(LiveText.Hub(LiveConnectionGuard.SessionEnded, "sign in again."));

    /// <summary>The connection's caller while its membership and role still hold; otherwise the call fails.</summary>
    private Caller CurrentCaller
    {
        get
        {
            var connection = Connection;
            return guard.Refusal(connection) is { } refusal
                ? throw new HubException(LiveText.Hub(refusal, "your membership or role changed; sign in again."))
                : connection.Caller;
        }
    }

    public override Task OnConnectedAsync() => guard.AttachAsync(Context, "mapping");

    public async Task<JoinResult> Join(Guid sessionId, long sinceSeq)
    {
        var caller = CurrentCaller;
        var connection = Connection;
        Guid? found;
        try
        {
            found = await sessions.ExerciseOfAsync(sessionId, Context.ConnectionAborted);
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            throw new HubException(LiveText.Hub(StoreFailures.UnavailableCode, "the database cannot be reached at the moment; join again in a few seconds."));
        }

        var exerciseId = found ?? throw new HubException(LiveText.Hub(RejectionCodes.UnknownSession, "no such live session."));
        var grain = grains.GetGrain<IMatrixGrain>(exerciseId);
        var alreadyJoined = connection.Joined.ContainsKey(sessionId);
        if (!alreadyJoined)
        {
            // Checked before the connection enters the session's group: an uninvited caller never receives an op.
            if (await grain.CheckJoin(caller, sessionId) is { } refused)
                throw new HubException(LiveText.Hub(refused.Code, refused.Message));
            await fanout.AcquireAsync(exerciseId, sinceSeq);
            await Groups.AddToGroupAsync(Context.ConnectionId, MatrixFanout.Group(sessionId));
        }

        var outcome = await grain.Join(caller, Context.ConnectionId, sessionId, sinceSeq);
        if (outcome.Error is { } error)
        {
            if (!alreadyJoined)
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, MatrixFanout.Group(sessionId));
                await fanout.ReleaseAsync(exerciseId);
            }

            throw new HubException(LiveText.Hub(error.Code, error.Message));
        }

        connection.Joined[sessionId] = exerciseId;
        connection.Revoked.TryRemove(sessionId, out _);
        if (!alreadyJoined && outcome.State != SessionStates.Closed)
            await presence.JoinedAsync(caller, sessionId, exerciseId, Context.ConnectionId);
        return await WithFacilitationAsync(caller, sessionId, exerciseId, LiveMapping.ToJoinResult(outcome));
    }

    public async Task<Ack> Submit(SubmitOp op)
    {
        if (op is null || op.OpId == Guid.Empty || op.RowId == Guid.Empty)
            return Rejected(op?.OpId ?? Guid.Empty, RejectionCodes.InvalidOp, "An op needs an opId and a rowId.");
        var connection = Connection;
        if (guard.Refusal(connection) is { } refusal)
            return Rejected(op.OpId, refusal, "Your membership or role changed; sign in again.");
        var caller = connection.Caller;
        if (connection.Revoked.TryGetValue(op.SessionId, out var revoked))
            return Rejected(op.OpId, revoked, "Your organisation is no longer invited to this mapping exercise.");
        if (!connection.Joined.TryGetValue(op.SessionId, out var exerciseId))
            return Rejected(op.OpId, RejectionCodes.NotJoined, "Join the session before submitting to it.");
        if (!guard.TryAcquireSubmit(caller.UserId))
            return Rejected(op.OpId, RejectionCodes.RateLimited, "Too many edits in a short time; send this one again in a moment (same op id).");
        Dictionary<string, string?> fields;
        try
        {
            fields = (op.Fields ?? []).ToDictionary(kv => kv.Key, kv => FieldValues.ToJson(kv.Value), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is NotSupportedException or System.Text.Json.JsonException or ArgumentException)
        {
            return Rejected(op.OpId, RejectionCodes.InvalidValue, "A field value could not be read.");
        }

        var result = await matrices.Matrix(exerciseId)
            .Submit(caller, new OpRequest(op.SessionId, op.OpId, op.Kind ?? "", op.RowId, fields, op.BaseSeq));
        return LiveMapping.ToAck(result);
    }

    public async Task Focus(Guid sessionId, Guid? rowId, string? field)
    {
        _ = CurrentCaller;
        if (Connection.Joined.TryGetValue(sessionId, out var exerciseId))
            await grains.GetGrain<IMatrixGrain>(exerciseId).Focus(Context.ConnectionId, rowId, field is { Length: <= 64 } ? field : null);
    }

    public async Task Leave(Guid sessionId)
    {
        if (LiveConnectionGuard.Of(Context) is { } connection && connection.Joined.TryRemove(sessionId, out var exerciseId))
        {
            await guard.LeaveAsync(connection, sessionId, exerciseId);
            await LeaveFacilitationAsync(sessionId, connection.Caller);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (LiveConnectionGuard.Of(Context) is not { } connection)
            return;
        guard.Disconnected(Context.ConnectionId);
        foreach (var sessionId in connection.Joined.Keys.ToList())
        {
            if (connection.Joined.TryRemove(sessionId, out var exerciseId))
                await guard.LeaveAsync(connection, sessionId, exerciseId);
        }
    }

    private static Ack Rejected(Guid opId, string code, string message) =>
        new() { OpId = opId, Outcome = AckOutcomes.Rejected, Error = LiveText.Error(code, message) };
}

using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>
/// <c>/hubs/mapping</c>: the live mapping session contract of ARCHITECTURE.md. Authorised at connect (policy) and
/// on every call (the caller is re-read from the connection's principal and the grain checks invitation, role and
/// row ownership). Errors of <c>Submit</c> are rejected acks with a code; errors of <c>Join</c> are hub errors
/// whose message starts with the code. A database that cannot be reached is retryable: <c>not_committed</c> on
/// <c>Submit</c> (send the same op id again), <c>database_unavailable</c> on <c>Join</c>.
/// </summary>
[Authorize(Policy = Policies.Member)]
internal sealed class MappingHub(IGrainFactory grains, SessionDirectory sessions, MatrixFanout fanout, PresenceEvents presence)
    : Microsoft.AspNetCore.SignalR.Hub
{
    private Dictionary<Guid, Guid> Joined =>
        (Dictionary<Guid, Guid>)(Context.Items.TryGetValue("joined", out var j) ? j! : Context.Items["joined"] = new Dictionary<Guid, Guid>());

    private Caller CurrentCaller => Caller.From(Context.User) ?? throw new HubException("unauthenticated: sign in again.");

    public override Task OnConnectedAsync()
    {
        if (Caller.From(Context.User) is null)
            Context.Abort();
        return Task.CompletedTask;
    }

    public async Task<JoinResult> Join(Guid sessionId, long sinceSeq)
    {
        var caller = CurrentCaller;
        Guid? found;
        try
        {
            found = await sessions.ExerciseOfAsync(sessionId, Context.ConnectionAborted);
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            throw new HubException($"{StoreFailures.UnavailableCode}: the database cannot be reached at the moment; join again in a few seconds.");
        }

        var exerciseId = found ?? throw new HubException("unknown_session: no such live session.");
        var grain = grains.GetGrain<IMatrixGrain>(exerciseId);
        var alreadyJoined = Joined.ContainsKey(sessionId);
        if (!alreadyJoined)
        {
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

            throw new HubException($"{error.Code}: {error.Message}");
        }

        Joined[sessionId] = exerciseId;
        if (!alreadyJoined && outcome.State != SessionStates.Closed)
            await presence.JoinedAsync(caller, sessionId, exerciseId, Context.ConnectionId);
        return LiveMapping.ToJoinResult(outcome);
    }

    public async Task<Ack> Submit(SubmitOp op)
    {
        if (op is null || op.OpId == Guid.Empty || op.RowId == Guid.Empty)
            return Rejected(op?.OpId ?? Guid.Empty, "invalid_op", "An op needs an opId and a rowId.");
        var caller = CurrentCaller;
        if (!Joined.TryGetValue(op.SessionId, out var exerciseId))
            return Rejected(op.OpId, "not_joined", "Join the session before submitting to it.");
        Dictionary<string, string?> fields;
        try
        {
            fields = (op.Fields ?? []).ToDictionary(kv => kv.Key, kv => FieldValues.ToJson(kv.Value), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is NotSupportedException or System.Text.Json.JsonException or ArgumentException)
        {
            return Rejected(op.OpId, "invalid_value", "A field value could not be read.");
        }

        var result = await grains.GetGrain<IMatrixGrain>(exerciseId)
            .Submit(caller, new OpRequest(op.SessionId, op.OpId, op.Kind ?? "", op.RowId, fields, op.BaseSeq));
        return LiveMapping.ToAck(result);
    }

    public async Task Focus(Guid sessionId, Guid? rowId, string? field)
    {
        _ = CurrentCaller;
        if (Joined.TryGetValue(sessionId, out var exerciseId))
            await grains.GetGrain<IMatrixGrain>(exerciseId).Focus(Context.ConnectionId, rowId, field is { Length: <= 64 } ? field : null);
    }

    public async Task Leave(Guid sessionId)
    {
        if (Joined.Remove(sessionId, out var exerciseId))
            await LeaveAsync(sessionId, exerciseId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (sessionId, exerciseId) in Joined.ToList())
            await LeaveAsync(sessionId, exerciseId);
        Joined.Clear();
    }

    private async Task LeaveAsync(Guid sessionId, Guid exerciseId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, MatrixFanout.Group(sessionId));
        await grains.GetGrain<IMatrixGrain>(exerciseId).Leave(Context.ConnectionId);
        await fanout.ReleaseAsync(exerciseId);
        if (Caller.From(Context.User) is { } caller)
            await presence.LeftAsync(caller.UserId, sessionId, exerciseId, Context.ConnectionId);
    }

    private static Ack Rejected(Guid opId, string code, string message) =>
        new() { OpId = opId, Outcome = AckOutcomes.Rejected, Error = new AckError { Code = code, Message = message } };
}

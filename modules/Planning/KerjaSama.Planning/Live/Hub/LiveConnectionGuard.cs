using System.Collections.Concurrent;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>
/// Keeps open hub connections honest after they were authorised: every few seconds (<see cref="LiveGuardOptions"/>)
/// it re-reads the memberships of the users connected to this host and the invitations of the exercises they joined.
/// A connection whose user was suspended or disabled, or whose role changed, is closed; a connection whose organisation
/// is no longer invited leaves the session's group and is told so (<c>Revoked</c>), and its submits are refused.
/// Each host guards its own connections, so this holds across a cluster. Hub calls also check the last reading.
/// </summary>
internal sealed partial class LiveConnectionGuard(
    IMemberDirectory members, IDbContextFactory<PlanningDb> factory, IHubContext<MappingHub, IMappingClient> hub, IGrainFactory grains,
    MatrixFanout fanout, PresenceEvents presence, IOptions<LiveGuardOptions> options, LiveMetrics metrics, ILogger<LiveConnectionGuard> logger)
    : BackgroundService
{
    public const string SessionEnded = "session_ended";
    public const string NotInvited = RejectionCodes.NotInvited;

    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<MemberContact>> _standing = new();
    private readonly SubmitBuckets _submits = new(options.Value.SubmitBurst, options.Value.SubmitsPerSecond);

    private const string ConnectionKey = "live.connection";

    /// <summary>
    /// For a hub's <c>OnConnectedAsync</c>: registers the connection, or aborts it when its principal does not hold
    /// (no caller, or a membership or role that changed since the token was issued). <paramref name="hub"/> names the
    /// hub for the connection count (<see cref="LiveMetrics"/>).
    /// </summary>
    public async Task AttachAsync(HubCallerContext context, string hub)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            context.Abort();
            return;
        }

        var standing = await members.ActiveMembershipsOfUsersAsync([caller.UserId], context.ConnectionAborted);
        _standing[caller.UserId] = standing;
        if (!Holds(caller, standing))
        {
            context.Abort();
            return;
        }

        var connection = new LiveConnection(context, caller, hub);
        context.Items[ConnectionKey] = connection;
        _connections[context.ConnectionId] = connection;
        metrics.Connected(hub);
    }

    /// <summary>The registered connection of a hub context, or null (never attached, or aborted at connect).</summary>
    public static LiveConnection? Of(HubCallerContext context) =>
        context.Items.TryGetValue(ConnectionKey, out var c) ? c as LiveConnection : null;

    public void Disconnected(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection))
            metrics.Disconnected(connection.Hub);
    }

    /// <summary>Why a call of this connection is refused now, or null.</summary>
    public string? Refusal(LiveConnection connection)
    {
        if (connection.Ended is { } ended)
            return ended;
        return _standing.TryGetValue(connection.Caller.UserId, out var standing) && !Holds(connection.Caller, standing) ? SessionEnded : null;
    }

    /// <summary>False when the user sent more submits than the per-user rate allows; nothing is then queued.</summary>
    public bool TryAcquireSubmit(Guid userId)
    {
        return _submits.TryTake(userId);
    }

    /// <summary>Takes the connection out of a session: group, grain presence, this host's fan-out, attendance.</summary>
    public async Task LeaveAsync(LiveConnection connection, Guid sessionId, Guid exerciseId)
    {
        var connectionId = connection.Context.ConnectionId;
        await hub.Groups.RemoveFromGroupAsync(connectionId, MatrixFanout.Group(sessionId));
        await grains.GetGrain<IMatrixGrain>(exerciseId).Leave(connectionId);
        await fanout.ReleaseAsync(exerciseId);
        await presence.LeftAsync(connection.Caller.UserId, sessionId, exerciseId, connectionId);
    }

    private static bool Holds(Caller caller, IReadOnlyList<MemberContact> standing) =>
        standing.Any(m => m.OrganisationId == caller.OrganisationId && m.Role == caller.Role);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.Value.RevalidateSeconds)));
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that cannot be reached keeps the last reading; the next tick tries again.
                LogSweepFailed(ex);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal async Task SweepAsync(CancellationToken ct)
    {
        _submits.Sweep();
        var connections = _connections.Values.ToList();
        if (connections.Count == 0)
        {
            _standing.Clear();
            return;
        }

        var users = connections.Select(c => c.Caller.UserId).Distinct().ToList();
        var memberships = (await members.ActiveMembershipsOfUsersAsync(users, ct)).ToLookup(m => m.UserId);
        foreach (var stale in _standing.Keys.Except(users).ToList())
            _standing.TryRemove(stale, out _);
        foreach (var user in users)
            _standing[user] = [.. memberships[user]];

        foreach (var connection in connections.Where(c => !Holds(c.Caller, _standing[c.Caller.UserId])))
            await EndAsync(connection);

        var joined = connections.Where(c => c.Ended is null && !c.Caller.CanFacilitate)
            .SelectMany(c => c.Joined.Select(j => (Connection: c, SessionId: j.Key, ExerciseId: j.Value))).ToList();
        if (joined.Count == 0)
            return;
        var exerciseIds = joined.Select(j => j.ExerciseId).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var invited = (await db.Exercises.AsNoTracking().Where(e => exerciseIds.Contains(e.Id))
                .Select(e => new { e.Id, e.InvitedOrganisationIds }).ToListAsync(ct))
            .ToDictionary(e => e.Id, e => e.InvitedOrganisationIds.ToHashSet());
        foreach (var (connection, sessionId, exerciseId) in joined)
        {
            if (invited.TryGetValue(exerciseId, out var organisations) && organisations.Contains(connection.Caller.OrganisationId))
                continue;
            if (!connection.Joined.TryRemove(sessionId, out _))
                continue;
            connection.Revoked[sessionId] = NotInvited;
            await LeaveAsync(connection, sessionId, exerciseId);
            await hub.Clients.Client(connection.Context.ConnectionId).Revoked(sessionId, NotInvited);
            LogRevoked(connection.Caller.UserId, connection.Caller.OrganisationId, sessionId);
        }
    }

    private async Task EndAsync(LiveConnection connection)
    {
        connection.Ended = SessionEnded;
        // Leave every session first, so that no op reaches the connection while it closes.
        foreach (var sessionId in connection.Joined.Keys.ToList())
        {
            if (connection.Joined.TryRemove(sessionId, out var exerciseId))
                await LeaveAsync(connection, sessionId, exerciseId);
        }

        LogEnded(connection.Caller.UserId, connection.Context.ConnectionId);
        connection.Context.Abort();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking live connections failed; keeping the last reading")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live connection {ConnectionId} of user {UserId} closed: membership or role no longer holds")]
    private partial void LogEnded(Guid userId, string connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} of organisation {OrganisationId} removed from session {SessionId}: no longer invited")]
    private partial void LogRevoked(Guid userId, Guid organisationId, Guid sessionId);
}

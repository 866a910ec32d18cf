using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Monitor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Monitor;

/// <summary>
/// <c>/hubs/monitor</c>, the secretariat's live monitor. <c>WatchSession(sessionId)</c> or <c>WatchAll()</c> answers a
/// snapshot and from then on the server sends <c>Monitor(SessionMonitor)</c> whenever a watched session's figures
/// change. A client keeps, per session, the snapshot with the highest <c>revision</c>, and after a reconnect calls
/// <c>Watch…</c> again for a fresh snapshot.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class MonitorHub(MonitorFeed feed, MonitorQueries queries, IHubContext<MonitorHub, IMonitorClient> hub, Live.Hub.LiveConnectionGuard guard) : Hub<IMonitorClient>
{

    private const string WatchesKey = "monitor.watches";

    private List<IAsyncDisposable> Watches =>
        (List<IAsyncDisposable>)(Context.Items.TryGetValue(WatchesKey, out var w) ? w! : Context.Items[WatchesKey] = new List<IAsyncDisposable>());

    // A suspended administrator or a changed role closes the connection (the guard re-checks every few seconds).
    public override Task OnConnectedAsync() => guard.AttachAsync(Context, "monitor");

    private void RequireStanding()
    {
        if (Live.Hub.LiveConnectionGuard.Of(Context) is not { } connection || guard.Refusal(connection) is not null)
        {
            throw new HubException(Live.LiveText.Hub(Live.Hub.LiveConnectionGuard.SessionEnded, "your membership or role changed; sign in again."));
        }
    }

    public async Task<SessionMonitor> WatchSession(Guid sessionId)
    {
        RequireStanding();
        var watch = await feed.WatchAsync(sessionId, PushTo(Context.ConnectionId), Context.ConnectionAborted)
            ?? throw new HubException(Live.LiveText.Hub(RejectionCodes.UnknownSession, "no such live session."));
        Watches.Add(watch);
        return await queries.SessionAsync(sessionId, MonitorQueries.DefaultFeed, Context.ConnectionAborted)
            ?? throw new HubException(Live.LiveText.Hub(RejectionCodes.UnknownSession, "no such live session."));
    }

    public async Task<MonitorOverview> WatchAll()
    {
        RequireStanding();
        Watches.Add((await feed.WatchAsync(null, PushTo(Context.ConnectionId), Context.ConnectionAborted))!);
        return await queries.OverviewAsync(MonitorQueries.DefaultFeed, Context.ConnectionAborted);
    }

    public async Task Unwatch()
    {
        foreach (var watch in Watches)
            await watch.DisposeAsync();
        Watches.Clear();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        guard.Disconnected(Context.ConnectionId);
        return Unwatch();
    }

    private Func<SessionMonitor, Task> PushTo(string connectionId) =>
        monitor => hub.Clients.Client(connectionId).Monitor(monitor);
}

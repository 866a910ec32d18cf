namespace KerjaSama.Planning.Contracts.Monitor;

/// <summary>The names of <c>/hubs/monitor</c>'s methods (client → server) and events (server → client).</summary>
public static class MonitorHubNames
{
    public const string Path = "/hubs/monitor";

    /// <summary><c>WatchSession(sessionId)</c> → <see cref="SessionMonitor"/>, then <see cref="Monitor"/> events.</summary>
    public const string WatchSession = "WatchSession";

    /// <summary><c>WatchAll()</c> → the overview of every open session.</summary>
    public const string WatchAll = "WatchAll";

    /// <summary><c>Unwatch()</c>: no more events for this connection.</summary>
    public const string Unwatch = "Unwatch";

    /// <summary>Event: <see cref="IMonitorClient.Monitor"/>.</summary>
    public const string Monitor = nameof(IMonitorClient.Monitor);
}

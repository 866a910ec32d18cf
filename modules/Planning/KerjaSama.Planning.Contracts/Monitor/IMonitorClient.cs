namespace KerjaSama.Planning.Contracts.Monitor;

/// <summary>The events <c>/hubs/monitor</c> sends to the secretariat's monitor (server → client).</summary>
public interface IMonitorClient
{
    /// <summary>The watched session as it is now (sent again whenever it changes).</summary>
    Task Monitor(SessionMonitor monitor);
}

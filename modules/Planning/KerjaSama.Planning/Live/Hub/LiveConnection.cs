using System.Collections.Concurrent;
using KerjaSama.Modularity.Security;
using Microsoft.AspNetCore.SignalR;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>One open hub connection as the revocation guard sees it: who it is and which sessions it joined.</summary>
internal sealed class LiveConnection(HubCallerContext context, Caller caller, string hub)
{
    public HubCallerContext Context { get; } = context;

    public Caller Caller { get; } = caller;

    /// <summary>Which hub the connection is open on (<c>mapping</c> or <c>monitor</c>): the metrics' only tag.</summary>
    public string Hub { get; } = hub;

    /// <summary>Joined sessions: session id → exercise id. Whoever removes an entry does the leaving (hub or guard).</summary>
    public ConcurrentDictionary<Guid, Guid> Joined { get; } = new();

    /// <summary>Sessions this connection was removed from because its organisation is no longer invited.</summary>
    public ConcurrentDictionary<Guid, string> Revoked { get; } = new();

    /// <summary>Set when the principal no longer holds (suspended, disabled, role changed): every call is refused.</summary>
    public string? Ended { get; set; }
}

namespace KerjaSama.Planning.Contracts.Live;

/// <summary>The names of <c>/hubs/mapping</c>'s methods (client → server) and events (server → client).</summary>
public static class HubNames
{
    public const string Path = "/hubs/mapping";

    public const string Join = "Join";
    public const string Submit = "Submit";
    public const string Focus = "Focus";
    public const string Leave = "Leave";

    public const string Applied = nameof(IMappingClient.Applied);
    public const string Presence = nameof(IMappingClient.Presence);
    public const string SessionState = nameof(IMappingClient.SessionState);

    /// <summary>The caller's organisation is no longer invited: (sessionId, code).</summary>
    public const string Revoked = nameof(IMappingClient.Revoked);
}

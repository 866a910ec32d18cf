namespace KerjaSama.Planning.Contracts.Live;

public static class SessionStates
{
    public const string Open = "open";

    /// <summary>Read-only for everyone but facilitators.</summary>
    public const string Locked = "locked";

    public const string Closed = "closed";
}

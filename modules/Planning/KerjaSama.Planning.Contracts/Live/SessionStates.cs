namespace KerjaSama.Planning.Contracts.Live;

public static class SessionStates
{
    public const string Open = "open";

    /// <summary>Read-only for everyone but facilitators.</summary>
    public const string Locked = "locked";

    public const string Closed = "closed";

    /// <summary>What pages show for each state (Bahasa Indonesia first).</summary>
    public static readonly IReadOnlyList<KerjaSama.SharedKernel.CodeLabel> Labels =
    [
        new(Open, "Berlangsung", "Open"),
        new(Locked, "Dikunci", "Locked"),
        new(Closed, "Ditutup", "Closed"),
    ];
}

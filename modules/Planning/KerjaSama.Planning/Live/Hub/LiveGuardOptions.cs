namespace KerjaSama.Planning.Live.Hub;

/// <summary><c>KerjaSama:Live</c>: how often open connections are re-checked, and how fast one user may submit.</summary>
internal sealed class LiveGuardOptions
{
    public const string Section = "KerjaSama:Live";

    /// <summary>Seconds between re-checks of every open connection's membership, role and invitation (revocation delay).</summary>
    public double RevalidateSeconds { get; set; } = 2;

    /// <summary>Submits per second one user may sustain over the hub (token bucket refill), across their connections on a host.</summary>
    public int SubmitsPerSecond { get; set; } = 20;

    /// <summary>Submits one user may send in a burst before the refill rate applies.</summary>
    public int SubmitBurst { get; set; } = 60;
}

namespace KerjaSama.LoadGen;

/// <summary>
/// A workload: sessions × clients per session × edits per second per client, for a duration. A flood scenario adds
/// one more client, in a session of its own, sending <see cref="FloodPerSecond"/> edits per second.
/// </summary>
internal sealed record Scenario(string Name, int Sessions, int ClientsPerSession, double EditsPerSecond, int Seconds, int FloodPerSecond = 0)
{
    public static readonly Scenario[] All =
    [
        new("small", 10, 5, 2, 20),
        new("meeting", 5, 40, 1, 30),
        new("burst", 1, 50, 10, 15),
        // Issue 17's scale figures: 2,000 and 5,000 connected clients in sessions of 40, one edit per 20 s each.
        new("scale-2000", 50, 40, 0.05, 30),
        new("scale-5000", 125, 40, 0.05, 30),
        // The meeting's load plus one client sending 1,000 edits per second: the others must stay within target and
        // the flooder must get rate-limit rejections, not an ever-growing queue.
        new("flood", 5, 40, 1, 20, FloodPerSecond: 1000),
    ];

    public int Clients => Sessions * ClientsPerSession;
}

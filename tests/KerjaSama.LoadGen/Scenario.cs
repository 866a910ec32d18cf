namespace KerjaSama.LoadGen;

/// <summary>A workload: sessions × clients per session × edits per second per client, for a duration.</summary>
internal sealed record Scenario(string Name, int Sessions, int ClientsPerSession, double EditsPerSecond, int Seconds)
{
    public static readonly Scenario[] All =
    [
        new("small", 10, 5, 2, 20),
        new("meeting", 5, 40, 1, 30),
        new("burst", 1, 50, 10, 15),
        new("scale", 50, 40, 0.1, 20),
    ];

    public int Clients => Sessions * ClientsPerSession;
}

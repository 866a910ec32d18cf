namespace KerjaSama.TestKit;

/// <summary>
/// The real clock plus an offset the test moves forward: a test that needs "some time passes" advances it instead of
/// sleeping. Time still runs, so tokens, timeouts and timestamps stay ordered.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}

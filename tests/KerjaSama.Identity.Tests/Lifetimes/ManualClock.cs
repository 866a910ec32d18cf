namespace KerjaSama.Identity.Tests.Lifetimes;

/// <summary>The system clock plus an offset the test moves forward: time keeps flowing, and jumps when told to.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

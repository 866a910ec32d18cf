using KerjaSama.Planning.Live.Hub;
using Xunit;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>
/// The per-user submit limit of the hub on a hand-driven clock (the hub test <c>HubRateLimitTests</c> proves the
/// rejection and that nothing is stored; these pin the arithmetic: burst, refill, cap, one bucket per user).
/// </summary>
public sealed class SubmitBucketsTests
{
    private sealed class HandClock : TimeProvider
    {
        public long Ticks { get; set; } = 1_000;

        public override long TimestampFrequency => 1_000;

        public override long GetTimestamp() => Ticks;
    }

    [Fact]
    public void A_user_gets_the_burst_then_one_more_per_refill_interval_and_never_more_than_the_burst()
    {
        var clock = new HandClock();
        var buckets = new SubmitBuckets(burst: 3, perSecond: 2, clock);
        var user = Guid.NewGuid();

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => buckets.TryTake(user)));

        clock.Ticks += 499; // not quite one token (2 per second = one per 500 ms)
        Assert.False(buckets.TryTake(user));
        clock.Ticks += 1;
        Assert.True(buckets.TryTake(user));
        Assert.False(buckets.TryTake(user));

        clock.Ticks += 60_000; // a minute idle refills to the burst, not beyond
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => buckets.TryTake(user)));
    }

    [Fact]
    public void Users_do_not_share_a_bucket_and_full_buckets_are_forgotten_by_the_sweep()
    {
        var clock = new HandClock();
        var buckets = new SubmitBuckets(burst: 1, perSecond: 1, clock);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True(buckets.TryTake(a));
        Assert.False(buckets.TryTake(a));
        Assert.True(buckets.TryTake(b));

        clock.Ticks += 500;
        buckets.Sweep();
        Assert.Equal(2, buckets.Count); // half refilled: kept

        clock.Ticks += 500;
        buckets.Sweep();
        Assert.Equal(0, buckets.Count); // full again: forgotten
        Assert.True(buckets.TryTake(a));
        Assert.False(buckets.TryTake(a));
    }
}

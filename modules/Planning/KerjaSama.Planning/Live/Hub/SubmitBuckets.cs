using System.Collections.Concurrent;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>
/// One token bucket per user for hub submits: <paramref name="burst"/> tokens, refilled at <paramref name="perSecond"/>,
/// computed from the elapsed time when a submit asks (no timers). Every submit of every connection passes here, so it
/// takes only its own user's lock: the framework's partitioned limiter locked one dictionary for every acquisition and
/// for its 100 ms replenishment sweep, and that lock showed up contended in the profile of build/bench.sh (ADR 0020).
/// </summary>
internal sealed class SubmitBuckets(int burst, int perSecond, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<Guid, Bucket> _buckets = new();
    private readonly double _burst = Math.Max(1, burst);
    private readonly double _perTick = Math.Max(1, perSecond) / (double)(clock ?? TimeProvider.System).TimestampFrequency;

    private sealed class Bucket(double tokens, long at)
    {
        public readonly Lock Gate = new();
        public double Tokens = tokens;
        public long At = at;
    }

    /// <summary>Takes one token from the user's bucket; false (nothing taken) when it is empty.</summary>
    public bool TryTake(Guid userId)
    {
        var now = _clock.GetTimestamp();
        var bucket = _buckets.GetOrAdd(userId, static (_, s) => new Bucket(s._burst, s.now), (_burst, now));
        lock (bucket.Gate)
        {
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + (now - bucket.At) * _perTick);
            bucket.At = Math.Max(bucket.At, now);
            if (bucket.Tokens < 1)
                return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    /// <summary>How many users have a bucket now.</summary>
    public int Count => _buckets.Count;

    /// <summary>Forgets buckets that are full again (users idle for a while), so the map does not grow with every user ever seen.</summary>
    public void Sweep()
    {
        var now = _clock.GetTimestamp();
        foreach (var (user, bucket) in _buckets)
        {
            lock (bucket.Gate)
            {
                if (bucket.Tokens + (now - bucket.At) * _perTick < _burst)
                    continue;
            }

            _buckets.TryRemove(new KeyValuePair<Guid, Bucket>(user, bucket));
        }
    }
}

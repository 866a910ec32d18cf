using System.Diagnostics.Metrics;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The live sessions' own instruments (meter <c>KerjaSama.Live</c>), written where the work happens: the grain's group
/// commit, this host's fan-out and the hubs' connect and disconnect. Plain System.Diagnostics.Metrics: the host decides
/// where they go (OpenTelemetry, docs/deployment.md "Observability"). Tags are few and fixed (hub name, outcome), so
/// recording allocates nothing and no exercise or user id ever becomes a time series.
/// </summary>
internal sealed class LiveMetrics
{
    public const string MeterName = "KerjaSama.Live";

    private static readonly KeyValuePair<string, object?> CommittedTag = new("outcome", "committed");
    private static readonly KeyValuePair<string, object?> FailedTag = new("outcome", "failed");

    private readonly Counter<long> _opsApplied;
    private readonly Counter<long> _opsRejected;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<long> _commitBatch;
    private readonly Histogram<double> _fanoutDuration;
    // Current values, observed when a reader collects: a reader that starts late (or a second host in the same process)
    // sees the count itself, never a stream of +1/-1 it joined halfway (which made the gauges go negative).
    private long _mappingConnections;
    private long _monitorConnections;
    private long _sessionsActive;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _opsApplied = meter.CreateCounter<long>("kerjasama.live.ops.applied", "{op}",
            "Ops committed and acknowledged as applied by the matrix grains on this silo.");
        _opsRejected = meter.CreateCounter<long>("kerjasama.live.ops.rejected", "{op}",
            "Ops answered with a rejected ack (validation, rights, or a failed commit).");
        _commitDuration = meter.CreateHistogram<double>("kerjasama.live.commit.duration", "ms",
            "Time of one group commit (op log and rows in one transaction), tagged committed or failed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });
        _commitBatch = meter.CreateHistogram<long>("kerjasama.live.commit.batch_size", "{op}",
            "Ops carried by one group commit.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
        _fanoutDuration = meter.CreateHistogram<double>("kerjasama.live.fanout.duration", "ms",
            "Time from this host receiving a committed batch to its sends to the session's connections having completed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048] });
        meter.CreateObservableUpDownCounter("kerjasama.live.hub.connections", () => new[]
            {
                new Measurement<long>(Interlocked.Read(ref _mappingConnections), new KeyValuePair<string, object?>("hub", "mapping")),
                new Measurement<long>(Interlocked.Read(ref _monitorConnections), new KeyValuePair<string, object?>("hub", "monitor")),
            }, "{connection}", "Authorised hub connections open on this host, tagged hub=mapping or monitor.");
        meter.CreateObservableUpDownCounter("kerjasama.live.sessions.active", () => Interlocked.Read(ref _sessionsActive), "{session}",
            "Live sessions open or locked whose matrix grain is active on this silo (the sum over hosts is the cluster's).");
    }

    public void Committed(int applied, int rejected, int batch, TimeSpan commit)
    {
        _commitDuration.Record(commit.TotalMilliseconds, CommittedTag);
        _commitBatch.Record(batch);
        _opsApplied.Add(applied);
        if (rejected > 0)
            _opsRejected.Add(rejected);
    }

    public void CommitFailed(int refused, TimeSpan commit)
    {
        _commitDuration.Record(commit.TotalMilliseconds, FailedTag);
        _opsRejected.Add(refused);
    }

    public void Rejected(int count)
    {
        if (count > 0)
            _opsRejected.Add(count);
    }

    public void FannedOut(TimeSpan elapsed) => _fanoutDuration.Record(elapsed.TotalMilliseconds);

    public void Connected(string hub) => Interlocked.Increment(ref Connections(hub));

    public void Disconnected(string hub) => Interlocked.Decrement(ref Connections(hub));

    public void SessionActive(bool active)
    {
        if (active)
            Interlocked.Increment(ref _sessionsActive);
        else
            Interlocked.Decrement(ref _sessionsActive);
    }

    private ref long Connections(string hub) => ref hub == "monitor" ? ref _monitorConnections : ref _mappingConnections;
}

using KerjaSama.Planning.Contracts.Monitor;
using KerjaSama.Planning.Live;
using KerjaSama.Planning.Live.Hub;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KerjaSama.Planning.Monitor;

/// <summary>
/// Pushes recomputed monitor snapshots to this host's watchers (monitor hub connections and interactive pages).
/// Holds the watched matrices on the host's <see cref="MatrixFanout"/> (the same observer path as the mapping hub),
/// marks a matrix dirty on each batch, presence change or state change it observes, and recomputes dirty sessions
/// from the database at most every <see cref="Coalesce"/>: an edit reaches the monitor well within a second
/// while a burst of edits costs one recomputation.
/// </summary>
internal sealed partial class MonitorFeed : IHostedService, IDisposable
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Rescan = TimeSpan.FromSeconds(2);

    private readonly MonitorQueries _queries;
    private readonly MatrixFanout _fanout;
    private readonly SessionDirectory _sessions;
    private readonly ILogger<MonitorFeed> _logger;
    private readonly Lock _lock = new();
    private readonly List<Watcher> _watchers = [];
    private readonly HashSet<Guid> _dirty = [];
    private readonly HashSet<Guid> _held = [];
    private readonly Dictionary<Guid, Guid> _liveSessionOf = [];
    private readonly Dictionary<Guid, Guid> _news = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _reconcile = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public MonitorFeed(MonitorQueries queries, MatrixFanout fanout, SessionDirectory sessions, ILogger<MonitorFeed> logger)
    {
        (_queries, _fanout, _sessions, _logger) = (queries, fanout, sessions, logger);
        _fanout.Activity += OnActivity;
    }

    /// <summary>One watcher: of one session (with its exercise) or, with no session, of every live session.</summary>
    private sealed record Watcher(Guid? SessionId, Guid ExerciseId, Func<SessionMonitor, Task> Push);

    /// <summary>
    /// Starts pushing snapshots of the session (or, when <paramref name="sessionId"/> is null, of every live session)
    /// to <paramref name="push"/>. Returns once the matrices are observed, so a snapshot read afterwards misses nothing;
    /// null when there is no such session. Dispose the answer to stop.
    /// </summary>
    public async Task<IAsyncDisposable?> WatchAsync(Guid? sessionId, Func<SessionMonitor, Task> push, CancellationToken ct)
    {
        var exerciseId = Guid.Empty;
        if (sessionId is { } id)
        {
            if (await _sessions.ExerciseOfAsync(id, ct) is not { } found)
                return null;
            exerciseId = found;
        }

        var watcher = new Watcher(sessionId, exerciseId, push);
        lock (_lock)
            _watchers.Add(watcher);
        await ReconcileAsync(ct);
        return new Unwatch(this, watcher);
    }

    private sealed class Unwatch(MonitorFeed feed, Watcher watcher) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            lock (feed._lock)
                feed._watchers.Remove(watcher);
            await feed.ReconcileAsync(CancellationToken.None);
        }
    }

    private void OnActivity(Guid exerciseId)
    {
        lock (_lock)
        {
            if (!_held.Contains(exerciseId))
                return;
            _dirty.Add(exerciseId);
        }

        _wake.Release();
    }

    /// <summary>Holds on the fan-out exactly the matrices some watcher needs (the live ones for overall watchers).</summary>
    private async Task ReconcileAsync(CancellationToken ct)
    {
        await _reconcile.WaitAsync(ct);
        try
        {
            HashSet<Guid> wanted;
            bool overall;
            lock (_lock)
            {
                wanted = [.. _watchers.Where(w => w.SessionId is not null).Select(w => w.ExerciseId)];
                overall = _watchers.Any(w => w.SessionId is null);
            }

            var live = overall ? await _queries.LiveSessionsAsync(ct) : [];
            wanted.UnionWith(live.Select(l => l.ExerciseId));
            List<Guid> acquire, release;
            lock (_lock)
            {
                // Sessions that opened or closed since the last scan are news to the overall watchers.
                var before = _liveSessionOf.ToList();
                _liveSessionOf.Clear();
                foreach (var (sessionId, exerciseId) in live)
                    _liveSessionOf[exerciseId] = sessionId;
                if (overall)
                {
                    foreach (var (exerciseId, sessionId) in _liveSessionOf.Concat(before).Except(before.Intersect(_liveSessionOf)))
                    {
                        _news[sessionId] = exerciseId;
                        _dirty.Add(exerciseId);
                    }
                }

                acquire = [.. wanted.Except(_held)];
                release = [.. _held.Except(wanted)];
                _held.UnionWith(acquire);
                _held.ExceptWith(release);
            }

            foreach (var exerciseId in acquire)
                await _fanout.AcquireAsync(exerciseId, -1);
            foreach (var exerciseId in release)
                await _fanout.ReleaseAsync(exerciseId);
        }
        finally
        {
            _reconcile.Release();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var lastScan = DateTime.UtcNow;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(Rescan, ct);
                await Task.Delay(Coalesce, ct);
                while (_wake.CurrentCount > 0)
                    await _wake.WaitAsync(ct);
                if (DateTime.UtcNow - lastScan >= Rescan)
                {
                    lastScan = DateTime.UtcNow;
                    await ReconcileAsync(ct);
                }

                await PushDirtyAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFeedFailed(ex);
            }
        }
    }

    private async Task PushDirtyAsync(CancellationToken ct)
    {
        List<Guid> dirty;
        List<Watcher> watchers;
        Dictionary<Guid, Guid> overall;
        lock (_lock)
        {
            dirty = [.. _dirty];
            _dirty.Clear();
            watchers = [.. _watchers];
            overall = new(_news);
            foreach (var (exerciseId, sessionId) in _liveSessionOf)
                overall[sessionId] = exerciseId;
            _news.Clear();
        }

        foreach (var exerciseId in dirty)
        {
            var sessions = watchers.Where(w => w.SessionId is not null && w.ExerciseId == exerciseId).Select(w => w.SessionId!.Value).ToHashSet();
            if (watchers.Any(w => w.SessionId is null))
                sessions.UnionWith(overall.Where(o => o.Value == exerciseId).Select(o => o.Key));
            foreach (var sessionId in sessions)
            {
                if (await _queries.SessionAsync(sessionId, MonitorQueries.DefaultFeed, ct) is not { } monitor)
                    continue;
                var sends = watchers.Where(w => w.SessionId == sessionId || (w.SessionId is null && overall.ContainsKey(sessionId)))
                    .Select(w => SendAsync(w, monitor));
                await Task.WhenAll(sends);
            }
        }
    }

    private async Task SendAsync(Watcher watcher, SessionMonitor monitor)
    {
        try
        {
            await watcher.Push(monitor);
        }
        catch (Exception ex)
        {
            LogPushFailed(ex, monitor.SessionId);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _fanout.Activity -= OnActivity;
        await _stopping.CancelAsync();
        if (_loop is not null)
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _wake.Dispose();
        _reconcile.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live monitor could not recompute its figures")]
    private partial void LogFeedFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A monitor watcher of session {SessionId} could not be reached")]
    private partial void LogPushFailed(Exception exception, Guid sessionId);
}

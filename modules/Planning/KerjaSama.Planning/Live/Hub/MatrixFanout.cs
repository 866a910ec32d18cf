using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KerjaSama.Planning.Live.Hub;

/// <summary>
/// This host's one observer of the matrix grains that have connections here: the grain notifies each host once per
/// batch, and the host sends each op once to the session's SignalR group (SignalR serialises a group message once
/// per protocol). Keeps per-matrix order: an op that arrives after a gap makes it fetch the missing ops first.
/// Subscriptions are renewed well before the grain's observer expiry, and each renewal catches up on missed ops.
/// </summary>
internal sealed partial class MatrixFanout(
    IGrainFactory grains, MatrixGrains matrices, IHubContext<MappingHub, IMappingClient> hub, LiveMetrics metrics, TimeProvider clock, ILogger<MatrixFanout> logger)
    : IMatrixObserver, IHostedService, IDisposable
{
    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private IMatrixObserver? _reference;
    private Task? _renewal;

    // The gate lives as long as the host; semaphores without a wait handle hold nothing to dispose.
#pragma warning disable CA1001
    private sealed class Entry
#pragma warning restore CA1001
    {
        public int Connections;
        public long LastSeq = -1;
        public readonly SemaphoreSlim Gate = new(1, 1);

        // Batches handed over by a matrix grain on this host (Deliver), waiting for the drain.
        public readonly Queue<List<OpMessage>> Pending = new();
        public bool Draining;
    }

    /// <summary>
    /// Raised (with the exercise id) after each batch of applied ops, presence change or session state change this
    /// host observes; the live monitor recomputes its figures from it. Handlers must not block.
    /// </summary>
    public event Action<Guid>? Activity;

    /// <summary>
    /// How often subscriptions are renewed (and missed ops caught up): also the longest a host's clients wait for
    /// live ops after the host that held their matrix died and the grain moved.
    /// </summary>
    private static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(5);

    public static string Group(Guid sessionId) => $"session:{sessionId:N}";

    private IMatrixObserver Reference
    {
        get
        {
            lock (_lock)
            {
                if (_reference is null)
                {
                    _reference = grains.CreateObjectReference<IMatrixObserver>(this);
                    LocalObserverId = _reference.GetGrainId();
                }

                return _reference;
            }
        }
    }

    /// <summary>
    /// The id of this host's observer reference once it exists: a matrix grain active on this host recognises it among
    /// its subscribers and hands batches over with <see cref="Deliver"/> instead of an Orleans message.
    /// </summary>
    public GrainId? LocalObserverId { get; private set; }

    /// <summary>
    /// A batch from a matrix grain on this host. Queued per matrix and sent by one drain, in the order the grain
    /// committed (the grain never waits for it, as with a one-way observer call).
    /// </summary>
    public void Deliver(Guid exerciseId, List<OpMessage> ops)
    {
        Entry? entry;
        lock (_lock)
            _entries.TryGetValue(exerciseId, out entry);
        if (entry is null)
        {
            // Released meanwhile: nobody here to send to, but the monitor and the duplicates still hear of it.
            ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Fanout.OnApplied(s.ExerciseId, s.Ops), (Fanout: this, ExerciseId: exerciseId, Ops: ops),
                preferLocal: false);
            return;
        }

        lock (entry.Pending)
        {
            entry.Pending.Enqueue(ops);
            if (entry.Draining)
                return;
            entry.Draining = true;
        }

        // The drain starts here, on the grain's thread, and sends what it can before the grain's turn goes on: at the
        // rates of a meeting the batch is written to every connection's pipe without waiting, and the thread-pool hop
        // this saves was one of the platform's extra hops per edit (ADR 0020, fifth cut). It runs as a task of the
        // default scheduler, so anything it has to wait for (a contended connection, a catch-up) continues on the
        // thread pool and never on the grain's scheduler; the grain does not wait for it.
        new Task<Task>(static s => ((DrainStart)s!).Run(), new DrainStart(this, exerciseId, entry)).RunSynchronously(TaskScheduler.Default);
    }

    private sealed record DrainStart(MatrixFanout Fanout, Guid ExerciseId, Entry Entry)
    {
        public Task Run() => Fanout.DrainAsync(ExerciseId, Entry);
    }

    private async Task DrainAsync(Guid exerciseId, Entry entry)
    {
        while (true)
        {
            List<OpMessage> ops;
            lock (entry.Pending)
            {
                if (!entry.Pending.TryDequeue(out ops!))
                {
                    entry.Draining = false;
                    return;
                }
            }

            try
            {
                await OnApplied(exerciseId, ops).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogFanoutFailed(ex, exerciseId);
            }
        }
    }

    public async Task AcquireAsync(Guid exerciseId, long seq)
    {
        bool first;
        lock (_lock)
        {
            if (!_entries.TryGetValue(exerciseId, out var entry))
                _entries[exerciseId] = entry = new Entry();
            first = entry.Connections++ == 0;
            // Only a new subscription takes the joiner's position; a later joiner catches up through Join itself,
            // and lowering the mark would re-send old ops to everyone already in the group.
            if (entry.LastSeq < 0)
                entry.LastSeq = seq;
        }

        if (first)
            await grains.GetGrain<IMatrixGrain>(exerciseId).Subscribe(Reference);
    }

    public async Task ReleaseAsync(Guid exerciseId)
    {
        bool last;
        lock (_lock)
        {
            last = _entries.TryGetValue(exerciseId, out var entry) && --entry.Connections == 0;
            if (last)
                _entries.Remove(exerciseId);
        }

        if (last)
            await grains.GetGrain<IMatrixGrain>(exerciseId).Unsubscribe(Reference);
    }

    public async Task OnApplied(Guid exerciseId, List<OpMessage> ops)
    {
        Activity?.Invoke(exerciseId);
        WakeDuplicates(exerciseId, ops);
        Entry? entry;
        lock (_lock)
            _entries.TryGetValue(exerciseId, out entry);
        if (entry is null || ops.Count == 0)
            return;
        var started = clock.GetTimestamp();
        await entry.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (entry.LastSeq >= 0 && ops[0].Seq > entry.LastSeq + 1)
                ops = [.. await matrices.Matrix(exerciseId).OpsSince(entry.LastSeq, int.MaxValue).ConfigureAwait(false)];
            await SendAsync(entry, ops).ConfigureAwait(false);
            metrics.FannedOut(clock.GetElapsedTime(started));
        }
        catch (Exception ex)
        {
            LogFanoutFailed(ex, exerciseId);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Sends the ops this host has not sent yet, in order.</summary>
    private async Task SendAsync(Entry entry, List<OpMessage> ops)
    {
        // Start every send before awaiting any: each connection's writes are queued in call order, so order holds
        // while a slow reader no longer holds up the whole batch for everyone else.
        var sends = new List<Task>(ops.Count);
        foreach (var op in ops)
        {
            if (op.Seq <= entry.LastSeq)
                continue;
            sends.Add(hub.Clients.Group(Group(op.SessionId)).Applied(LiveMapping.ToApplied(op)));
            entry.LastSeq = op.Seq;
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
    }

    /// <summary>
    /// After a renewal: sends what this host missed. When the host holding a matrix dies, the grain reactivates
    /// elsewhere without this host's subscription; the ops applied until the renewal reached nobody here, and in a
    /// session that then falls quiet no later op would carry them.
    /// </summary>
    private async Task CatchUpAsync(Guid exerciseId)
    {
        Entry? entry;
        lock (_lock)
            _entries.TryGetValue(exerciseId, out entry);
        if (entry is null)
            return;
        await entry.Gate.WaitAsync();
        try
        {
            if (entry.LastSeq >= 0)
                await SendAsync(entry, await grains.GetGrain<IMatrixGrain>(exerciseId).OpsSince(entry.LastSeq, int.MaxValue));
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    public Task OnPresence(Guid exerciseId, Guid sessionId, List<ParticipantMessage> participants)
    {
        Activity?.Invoke(exerciseId);
        return hub.Clients.Group(Group(sessionId)).Presence(sessionId, participants.Select(LiveMapping.ToParticipant).ToList());
    }

    public Task OnSessionState(Guid exerciseId, Guid sessionId, string state)
    {
        Activity?.Invoke(exerciseId);
        return hub.Clients.Group(Group(sessionId)).SessionState(sessionId, state);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _renewal = RenewAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_renewal is not null)
            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RenewalPeriod);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Guid[] exercises;
            lock (_lock)
                exercises = [.. _entries.Keys];
            foreach (var exerciseId in exercises)
            {
                try
                {
                    await grains.GetGrain<IMatrixGrain>(exerciseId).Subscribe(Reference);
                    await CatchUpAsync(exerciseId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFanoutFailed(ex, exerciseId);
                }
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fan-out of matrix {ExerciseId} failed")]
    private partial void LogFanoutFailed(Exception exception, Guid exerciseId);
}

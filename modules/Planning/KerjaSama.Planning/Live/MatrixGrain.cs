using KerjaSama.Modularity.Persistence;
using KerjaSama.Modularity.Security;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Persistence;
using KerjaSama.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace KerjaSama.Planning.Live;

/// <summary>
/// Sequences and durably stores every op on one matrix. Submissions queue; one loop takes everything queued,
/// validates and applies each op in order to a copy of the touched rows, commits the whole batch (log + rows) in one
/// transaction, and only then acknowledges and fans out (group commit). Reentrant so that ops queue while a commit
/// is in flight; the loop runs one batch at a time.
/// </summary>
[Reentrant]
#pragma warning disable CA1001 // The gate has no wait handle (never awaited with a timeout): nothing to dispose.
internal sealed partial class MatrixGrain(
    IDbContextFactory<PlanningDb> factory, MatrixStore store, IRegionDirectory regions, IAffairCatalog affairs,
    IOrganisationDirectory organisations, INomenclatureCatalog nomenclature, TimeProvider clock, ILogger<MatrixGrain> logger,
    IOptions<RejectedOpsOptions> rejectedOps, LiveMetrics metrics, Hub.MatrixFanout? fanout = null)
    : Grain, IMatrixGrain
#pragma warning restore CA1001
{
    private const int RecentCapacity = 20_000;
    private const int MaxBatch = 512;

    private readonly Queue<(Caller Caller, OpRequest Op, TaskCompletionSource<OpResult> Done)> _queue = new();
    private readonly Dictionary<string, ParticipantMessage> _participants = new(StringComparer.Ordinal);
    private readonly RejectedOps _rejected = new(rejectedOps.Value.Capacity);
    private readonly HashSet<Guid> _joinedOrganisations = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ObserverManager<IMatrixObserver> _observers = null!;
    private Dictionary<Guid, RowState> _rows = [];
    private Dictionary<Guid, long> _applied = [];
    private List<OpMessage> _recent = [];
    private ValidationContext _validation = null!;
    private HashSet<Guid> _invited = [];
    private MappingSession? _session;
    private long _seq;
    private bool _flushing;

    // Ops arriving less than BusyGapMs apart on average (a moving average of the gaps) make the matrix "busy": its
    // commits then leave the grain's turn free while the fsync runs, so the ops arriving meanwhile go in the next
    // batch (MatrixStore.CommitAsync). Quieter matrices commit on the turn, which saves two thread hops per edit.
    private const double BusyGapMs = 5;
    private double _arrivalGapMs = 1_000;
    private long _lastArrival;
    private bool _loaded;
    private bool _presenceDirty;
    private bool _countedActive;

    private Guid ExerciseId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _observers = new ObserverManager<IMatrixObserver>(TimeSpan.FromMinutes(3), logger);
        // Kept alive while anyone is connected or observing; presence goes out 200 ms after it changes (MarkPresence),
        // so an idle matrix costs no timer turn five times a second.
        this.RegisterGrainTimer(KeepAliveAsync, KeepAlivePeriod, KeepAlivePeriod);
        // A database that cannot be reached does not fail the activation (every call would then fail with an
        // activation error): the grain stays up unloaded and each call tries again (EnsureLoadedAsync).
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await TryLoadLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Loads the exercise and the matrix from the database unless loaded; false when the database cannot be reached.
    /// The caller holds the gate, so no batch runs on a half-loaded state.
    /// </summary>
    private async Task<bool> TryLoadLockedAsync(CancellationToken ct = default)
    {
        if (_loaded)
            return true;
        try
        {
            await LoadExerciseAsync(ct);
            (_rows, _applied, _recent, _seq) = await store.LoadAsync(ExerciseId, _session?.Id, RecentCapacity, ct);
            _loaded = true;
            CountSession();
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            LogLoadFailed(ExerciseId, ex.GetBaseException().Message);
        }

        return _loaded;
    }

    /// <summary>Like <see cref="TryLoadLockedAsync"/>, taking the gate (for calls outside a batch).</summary>
    private async Task<bool> EnsureLoadedAsync()
    {
        if (_loaded)
            return true;
        await _gate.WaitAsync();
        try
        {
            return await TryLoadLockedAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The error of a call refused because the database cannot be reached: nothing was done; retry.</summary>
    private static FieldError Unavailable(string code) =>
        new(code, "The database cannot be reached at the moment; nothing was changed. Send it again (same op id) in a few seconds.");

    /// <summary>For calls whose answer has no error field: fails with the database's own failure (a 503 over REST).</summary>
    private async Task RequireLoadedAsync()
    {
        if (!await EnsureLoadedAsync())
            throw new TimeoutException($"The database cannot be reached at the moment; matrix {ExerciseId} is not loaded. Try again in a few seconds.");
    }

    private async Task LoadExerciseAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var exercise = await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == ExerciseId, ct)
            ?? throw new InvalidOperationException($"No mapping exercise {ExerciseId}.");
        _session = await db.Sessions.AsNoTracking().Where(s => s.ExerciseId == ExerciseId).OrderByDescending(s => s.OpenedAt)
            .FirstOrDefaultAsync(ct);
        var region = await regions.FindAsync(exercise.RegionCode, ct);
        var neighbours = await regions.GetNeighboursAsync(exercise.RegionCode, ct);
        _invited = [.. exercise.InvitedOrganisationIds];
        _validation = new ValidationContext(exercise.RegionCode, region?.Level ?? "provinsi", exercise.StartYear, exercise.EndYear,
            neighbours, affairs, regions, organisations, nomenclature);
    }

    public async Task Reload()
    {
        if (await EnsureLoadedAsync())
        {
            await LoadExerciseAsync(CancellationToken.None);
            CountSession();
        }
    }

    /// <summary>Keeps <c>kerjasama.live.sessions.active</c> in step with this activation's current session.</summary>
    private void CountSession()
    {
        var active = _loaded && _session is { State: not SessionStates.Closed };
        if (active == _countedActive)
            return;
        _countedActive = active;
        metrics.SessionActive(active);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_countedActive)
        {
            _countedActive = false;
            metrics.SessionActive(false);
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<OpResult> Submit(Caller caller, OpRequest op)
    {
        if (_applied.TryGetValue(op.OpId, out var seq))
            return Task.FromResult(new OpResult(op.OpId, seq, AckOutcomes.Duplicate, null, []));
        if (_rejected.TryGet(op.OpId, out var rejected))
            return Task.FromResult(rejected);
        NoteArrival(); // only ops that will be committed count towards "busy": a resent duplicate is answered at once
        var done = new TaskCompletionSource<OpResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue((caller, op, done));
        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }

        return done.Task;
    }

    private void NoteArrival()
    {
        var now = clock.GetTimestamp();
        if (_lastArrival != 0)
            _arrivalGapMs = (_arrivalGapMs * 0.8) + (clock.GetElapsedTime(_lastArrival, now).TotalMilliseconds * 0.2);
        _lastArrival = now;
    }

    private async Task FlushAsync()
    {
        try
        {
            // Adaptive group commit: an op that finds the queue idle is committed at once; ops that arrive while a
            // commit is in flight queue up and go together in the next transaction (one fsync for all of them), so
            // batches grow with the load and nobody waits for a fixed window (build/bench.sh, ADR 0020).
            while (_queue.Count > 0)
                await FlushBatchAsync();
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task FlushBatchAsync()
    {
        // Register batches (MatrixGrain.Register.cs) take the same gate: one batch at a time keeps seq gap-free.
        await _gate.WaitAsync();
        try
        {
            await FlushQueuedAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FlushQueuedAsync()
    {
        if (!await TryLoadLockedAsync())
        {
            // Nothing can be checked against or written to the matrix: refuse everything queued, to be sent again.
            var refused = Unavailable(RejectionCodes.NotCommitted);
            metrics.Rejected(_queue.Count);
            while (_queue.TryDequeue(out var queued))
                queued.Done.TrySetResult(new OpResult(queued.Op.OpId, 0, AckOutcomes.Rejected, refused, []));
            return;
        }

        var batch = new List<(Caller Caller, OpRequest Op, TaskCompletionSource<OpResult> Done)>();
        while (_queue.Count > 0 && batch.Count < MaxBatch)
            batch.Add(_queue.Dequeue());

        try
        {
            await ResolveOpIdsAsync(batch.Where(b => b.Op.SessionId != _session?.Id).Select(b => b.Op.OpId));
        }
        catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
        {
            var refused = Unavailable(RejectionCodes.NotCommitted);
            metrics.Rejected(batch.Count);
            foreach (var (_, op, done) in batch)
                done.TrySetResult(new OpResult(op.OpId, 0, AckOutcomes.Rejected, refused, []));
            return;
        }

        var touched = new Dictionary<Guid, (RowState Row, bool IsNew)>();
        var accepted = new List<(OpMessage Message, TaskCompletionSource<OpResult> Done)>();
        var batchOpIds = new Dictionary<Guid, long>();
        var seq = _seq;
        var rejectedCount = 0;
        foreach (var (caller, op, done) in batch)
        {
            if (_applied.TryGetValue(op.OpId, out var earlier) || batchOpIds.TryGetValue(op.OpId, out earlier))
            {
                done.TrySetResult(new OpResult(op.OpId, earlier, AckOutcomes.Duplicate, null, []));
                continue;
            }

            OpMessage? message;
            FieldError? error;
            try
            {
                (message, error) = await ApplyAsync(caller, op, seq + 1, touched);
            }
            catch (Exception ex) when (StoreFailures.IsUnavailable(ex))
            {
                // A check needed the database (a code or region look-up) and it cannot be reached: nothing of the batch
                // is stored; every op not yet answered is refused with the retryable code, to be sent again.
                var refused = Unavailable(RejectionCodes.NotCommitted);
                metrics.Rejected(batch.Count);
                foreach (var (_, pending, waiting) in batch)
                    waiting.TrySetResult(new OpResult(pending.OpId, 0, AckOutcomes.Rejected, refused, []));
                return;
            }

            if (error is not null)
            {
                var result = new OpResult(op.OpId, 0, AckOutcomes.Rejected, error, []);
                _rejected.Add(result);
                done.TrySetResult(result);
                rejectedCount++;
                continue;
            }

            seq++;
            batchOpIds[op.OpId] = seq;
            accepted.Add((message!, done));
        }

        if (accepted.Count == 0)
        {
            metrics.Rejected(rejectedCount);
            return;
        }

        var started = clock.GetTimestamp();
        try
        {
            await store.CommitAsync(ExerciseId, [.. accepted.Select(a => a.Message)], touched.Values, CancellationToken.None,
                busy: _queue.Count > 0 || _arrivalGapMs < BusyGapMs);
        }
        catch (Exception ex)
        {
            LogCommitFailed(ex, ExerciseId, accepted.Count);
            metrics.Rejected(rejectedCount);
            metrics.CommitFailed(accepted.Count + _queue.Count, clock.GetElapsedTime(started));
            // The store may know more than this activation (a commit whose answer was lost on a dropped connection,
            // or another activation committed during a split or a failover): reload from the database before the
            // next batch rather than reuse stale sequence numbers. A resent op the store has is then a duplicate.
            _loaded = false;
            var retry = new FieldError(RejectionCodes.NotCommitted, "The edit could not be saved; send it again with the same op id.");
            foreach (var (message, done) in accepted)
                done.TrySetResult(new OpResult(message.OpId, 0, AckOutcomes.Rejected, retry, []));
            while (_queue.TryDequeue(out var queued))
                queued.Done.TrySetResult(new OpResult(queued.Op.OpId, 0, AckOutcomes.Rejected, retry, []));
            return;
        }

        metrics.Committed(accepted.Count, rejectedCount, accepted.Count, clock.GetElapsedTime(started));
        _seq = seq;
        foreach (var (row, _) in touched.Values)
            _rows[row.Id] = row;
        foreach (var (message, done) in accepted)
        {
            _applied[message.OpId] = message.Seq;
            _recent.Add(message);
            done.TrySetResult(new OpResult(message.OpId, message.Seq, AckOutcomes.Applied, null, message.Overwrites));
        }

        if (_recent.Count > RecentCapacity + 2_000)
            _recent.RemoveRange(0, _recent.Count - RecentCapacity);
        var messages = accepted.Select(a => a.Message).ToList();
        await NotifyAppliedAsync(messages);
    }

    /// <summary>
    /// Adds to the op-id index the ops among <paramref name="opIds"/> that the log holds although the index does not
    /// (it covers the current session and the recent tail: an op of an earlier session, or sent outside a session, may
    /// come back after a reactivation). Ops of the current session never need it.
    /// </summary>
    private async Task ResolveOpIdsAsync(IEnumerable<Guid> opIds)
    {
        var unknown = opIds.Where(id => !_applied.ContainsKey(id)).ToHashSet();
        if (unknown.Count == 0)
            return;
        foreach (var (opId, seq) in await store.FindOpsAsync(ExerciseId, unknown, CancellationToken.None))
            _applied[opId] = seq;
    }

    /// <summary>Checks and applies one op to the batch's copy of its row; nothing is stored until the commit.</summary>
    // register: an op of the register path (MatrixGrain.Register.cs), authorised there.
    private async ValueTask<(OpMessage? Message, FieldError? Error)> ApplyAsync(Caller caller, OpRequest op, long seq,
        Dictionary<Guid, (RowState Row, bool IsNew)> touched, bool register = false)
    {
        if (!register && AuthorizeWrite(caller, op) is { } denied)
            return (null, denied);

        var current = touched.TryGetValue(op.RowId, out var t) ? t.Row : _rows.GetValueOrDefault(op.RowId);
        RowState row;
        var isNew = false;
        switch (op.Kind)
        {
            case OpKinds.Add:
                if (current is not null)
                    return (null, new FieldError(RejectionCodes.RowExists, $"A row with the id {op.RowId} exists already."));
                row = new RowState { Id = op.RowId, Owner = caller.OrganisationId, CreatedSeq = seq };
                isNew = true;
                break;
            case OpKinds.Update or OpKinds.Remove:
                if (current is null || current.Removed)
                    return (null, new FieldError(RejectionCodes.UnknownRow, $"No row {op.RowId} in this matrix."));
                if (!register && !caller.CanFacilitate && current.Owner != caller.OrganisationId)
                    return (null, new FieldError(RejectionCodes.Forbidden, "Only the owning organisation or a facilitator may change this row."));
                row = current.Clone();
                isNew = t.IsNew;
                break;
            default:
                return (null, new FieldError("unknown_kind", $"'{op.Kind}' is not row.add, row.update or row.remove."));
        }

        if (op.Kind == OpKinds.Remove && op.Fields.Count > 0)
            return (null, new FieldError(RejectionCodes.InvalidOp, "A removal carries no fields."));
        if (op.Kind == OpKinds.Update && op.Fields.Count == 0)
            return (null, new FieldError(RejectionCodes.InvalidOp, "An update needs at least one field."));

        var canonical = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, json) in op.Fields)
        {
            // Where a row was postponed from is what it may resume to: only the lifecycle writes it (CheckStatusChange).
            if (field == MatrixFieldNames.PostponedFrom)
                return (null, new FieldError("read_only_field", "'postponedFrom' is kept by the server: the status a postponed row resumes to.", field));
            if (field == MatrixFieldNames.Status && !caller.CanFacilitate && !register)
                return (null, new FieldError(RejectionCodes.Forbidden, "Only facilitators change a row's status during a session.", field));
            if (!register && MatrixFieldSchema.SystemFields.Contains(field))
                return (null, new FieldError(RejectionCodes.Forbidden, $"'{field}' is set by consolidation and review, not in a live session.", field));
            var (value, error) = await MatrixFieldSchema.ValidateAsync(field, json, _validation, CancellationToken.None);
            if (error is not null)
                return (null, error);
            canonical[field] = value;
        }

        if (op.Kind != OpKinds.Remove && MatrixFieldSchema.CheckStatusChange(op.Kind == OpKinds.Add ? null : row.Values, canonical) is { } badMove)
            return (null, badMove);
        if (op.Kind != OpKinds.Remove && Lifecycle.AdoptionRule.Check(caller, op.Kind == OpKinds.Add ? null : row.Values, canonical) is { } notAdoptable)
            return (null, notAdoptable);

        var author = AuthorMessage.From(caller);
        var overwrites = new List<OverwriteMessage>();
        foreach (var (field, value) in canonical)
        {
            if (row.Stamps.TryGetValue(field, out var stamp) && stamp.Seq > op.BaseSeq && stamp.Author.UserId != caller.UserId)
                overwrites.Add(new OverwriteMessage(field, stamp.Seq, stamp.Author, row.Values.GetValueOrDefault(field)));
            if (value is null)
                row.Values.Remove(field);
            else
                row.Values[field] = value;
            row.Stamps[field] = new Stamp(seq, author);
        }

        if (op.Kind == OpKinds.Add && !row.Values.ContainsKey(MatrixFieldNames.Status))
        {
            row.Values[MatrixFieldNames.Status] = "\"diusulkan\"";
            canonical[MatrixFieldNames.Status] = "\"diusulkan\"";
            row.Stamps[MatrixFieldNames.Status] = new Stamp(seq, author);
        }

        if (op.Kind == OpKinds.Remove)
            row.Removed = true;
        else if (await MatrixFieldSchema.CheckRowAsync(row.Values, _validation, CancellationToken.None) is { } ruleBroken)
            return (null, ruleBroken);

        row.UpdatedSeq = seq;
        touched[row.Id] = (row, isNew);
        return (new OpMessage(op.SessionId, seq, op.OpId, op.Kind, op.RowId, canonical, author, clock.GetUtcNow(), overwrites), null);
    }

    private FieldError? AuthorizeWrite(Caller caller, OpRequest op)
    {
        if (!caller.CanContribute)
            return new FieldError(RejectionCodes.Forbidden, "Observers read the matrix; they do not edit it.");
        if (!CanAccess(caller))
            return new FieldError(RejectionCodes.NotInvited, "Your organisation is not invited to this mapping exercise.");
        if (op.SessionId == Guid.Empty)
            return caller.CanFacilitate ? null : new FieldError(RejectionCodes.Forbidden, "Outside a live session only facilitators edit the matrix.");
        if (_session is null || _session.Id != op.SessionId)
            return new FieldError(RejectionCodes.UnknownSession, "This is not the exercise's current live session.");
        return _session.State switch
        {
            SessionStates.Closed => new FieldError(RejectionCodes.SessionClosed, "The session is closed."),
            SessionStates.Locked when !caller.CanFacilitate => new FieldError(RejectionCodes.SessionLocked, "The session is locked: only facilitators edit."),
            _ => null,
        };
    }

    private bool CanAccess(Caller caller) => caller.CanFacilitate || _invited.Contains(caller.OrganisationId);

    public async Task<JoinOutcome> Join(Caller caller, string connectionId, Guid sessionId, long sinceSeq)
    {
        var refused = await CheckJoin(caller, sessionId);
        if (refused is not null || _session is null)
            return Failed(sessionId, refused ?? new FieldError(RejectionCodes.UnknownSession, "No such live session."));
        if (sinceSeq < 0 || sinceSeq > _seq)
            return Failed(sessionId, new FieldError("invalid_seq", $"sinceSeq must be between 0 and {_seq}."));

        if (_session.State != SessionStates.Closed)
        {
            _participants[connectionId] = new ParticipantMessage(caller, null, null);
            _joinedOrganisations.Add(caller.OrganisationId);
            MarkPresence();
        }

        List<RowMessage>? rows = null;
        List<OpMessage> ops = [];
        if (sinceSeq == 0)
        {
            rows = [.. _rows.Values.Where(r => !r.Removed).OrderBy(r => r.CreatedSeq)
                .Select(r => new RowMessage(r.Id, r.Owner, new Dictionary<string, string>(r.Values, StringComparer.Ordinal), r.UpdatedSeq))];
        }
        else
        {
            ops = await OpsSince(sinceSeq, int.MaxValue);
        }

        return new JoinOutcome(null, sessionId, _seq, _session.State, rows, ops, [.. _participants.Values]);
    }

    private JoinOutcome Failed(Guid sessionId, FieldError error) => new(error, sessionId, _seq, "", null, [], []);

    public async Task<List<OpMessage>> OpsSince(long sinceSeq, int max)
    {
        await RequireLoadedAsync();
        var first = _recent.Count > 0 ? _recent[0].Seq : _seq + 1;
        if (sinceSeq + 1 >= first)
        {
            var start = (int)(sinceSeq + 1 - first);
            return _recent.GetRange(start, Math.Min(max, _recent.Count - start));
        }

        return await store.OpsSinceAsync(ExerciseId, sinceSeq, max, CancellationToken.None);
    }

    public Task Leave(string connectionId)
    {
        if (_participants.Remove(connectionId))
            MarkPresence();
        return Task.CompletedTask;
    }

    public Task Focus(string connectionId, Guid? rowId, string? field)
    {
        if (_participants.TryGetValue(connectionId, out var p) && (p.FocusRowId != rowId || p.FocusField != field))
        {
            _participants[connectionId] = p with { FocusRowId = rowId, FocusField = field };
            MarkPresence();
        }

        return Task.CompletedTask;
    }

    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PresenceDelay = TimeSpan.FromMilliseconds(200);
    private IGrainTimer? _presenceTimer;

    private Task KeepAliveAsync(CancellationToken ct)
    {
        if (_participants.Count > 0 || _observers.Count > 0)
            DelayDeactivation(TimeSpan.FromMinutes(30));
        return Task.CompletedTask;
    }

    /// <summary>Presence changed: sent once, <see cref="PresenceDelay"/> later, however many changes come meanwhile.</summary>
    private void MarkPresence()
    {
        _presenceDirty = true;
        _presenceTimer ??= this.RegisterGrainTimer(PresenceTickAsync, PresenceDelay, Timeout.InfiniteTimeSpan);
    }

    private async Task PresenceTickAsync(CancellationToken ct)
    {
        _presenceTimer?.Dispose();
        _presenceTimer = null;
        if (_participants.Count > 0 || _observers.Count > 0)
            DelayDeactivation(TimeSpan.FromMinutes(30));
        if (!_presenceDirty || _session is null)
            return;
        _presenceDirty = false;
        var participants = _participants.Values.ToList();
        var sessionId = _session.Id;
        await _observers.Notify(o => o.OnPresence(ExerciseId, sessionId, participants));
    }

    public async Task<SessionInfo> OpenSession(Caller caller)
    {
        await RequireLoadedAsync();
        if (!caller.CanFacilitate)
            return new SessionInfo(Guid.Empty, ExerciseId, "", new FieldError(RejectionCodes.Forbidden, "Only facilitators open live sessions."), _seq);
        if (_session is { State: not SessionStates.Closed })
            return Info();
        var session = new MappingSession
        {
            Id = Guid.CreateVersion7(), ExerciseId = ExerciseId, State = SessionStates.Open, OpenedAt = clock.GetUtcNow(), OpenedBy = caller.UserId,
        };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Sessions.Add(session);
            db.SessionMoments.Add(SessionMoment.Of(session.Id, ExerciseId, SessionStates.Open, session.OpenedAt, _seq, caller));
            await db.SaveChangesAsync();
        }

        _session = session;
        CountSession();
        _participants.Clear();
        _joinedOrganisations.Clear();
        await NotifyStateAsync();
        return Info();
    }

    public async Task<SessionInfo> ChangeSessionState(Caller caller, Guid sessionId, string state)
    {
        await RequireLoadedAsync();
        if (!caller.CanFacilitate)
            return Info(new FieldError(RejectionCodes.Forbidden, "Only facilitators lock, unlock or close a session."));
        if (_session is null || _session.Id != sessionId)
            return Info(new FieldError(RejectionCodes.UnknownSession, "No such live session."));
        if (_session.State == SessionStates.Closed)
            return Info(new FieldError(RejectionCodes.SessionClosed, "The session is closed."));
        if (state is not (SessionStates.Open or SessionStates.Locked or SessionStates.Closed))
            return Info(new FieldError("invalid_state", "open, locked or closed."));
        if (_session.State == state)
            return Info();

        var changed = new MappingSession
        {
            Id = _session.Id, ExerciseId = ExerciseId, State = state, OpenedAt = _session.OpenedAt, OpenedBy = _session.OpenedBy,
            ClosedAt = state == SessionStates.Closed ? clock.GetUtcNow() : null,
        };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Sessions.Update(changed);
            db.SessionMoments.Add(SessionMoment.Of(changed.Id, ExerciseId, state, changed.ClosedAt ?? clock.GetUtcNow(), _seq, caller));
            await db.SaveChangesAsync();
        }

        _session = changed;
        CountSession();
        if (state == SessionStates.Closed)
            _participants.Clear();
        await NotifyStateAsync();
        return Info();
    }

    public async Task<PresenceSnapshot> GetPresence()
    {
        await RequireLoadedAsync();
        return new PresenceSnapshot(_session?.Id ?? Guid.Empty, [.. _participants.Values], [.. _joinedOrganisations]);
    }

    public async Task<SessionInfo?> GetSession()
    {
        await RequireLoadedAsync();
        return _session is null ? null : Info();
    }

    private SessionInfo Info(FieldError? error = null) =>
        new(_session?.Id ?? Guid.Empty, ExerciseId, _session?.State ?? "", error, _seq);

    private async Task NotifyStateAsync()
    {
        var (id, state) = (_session!.Id, _session.State);
        MarkPresence();
        await _observers.Notify(o => o.OnSessionState(ExerciseId, id, state));
    }

    public Task Subscribe(IMatrixObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IMatrixObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Matrix {ExerciseId} could not be loaded, the database is unavailable ({Reason}); calls are refused until it answers")]
    private partial void LogLoadFailed(Guid exerciseId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit of {Count} op(s) on matrix {ExerciseId} failed; none acknowledged")]
    private partial void LogCommitFailed(Exception exception, Guid exerciseId, int count);
}

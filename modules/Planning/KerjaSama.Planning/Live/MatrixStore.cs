using System.Text;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KerjaSama.Planning.Live;

/// <summary>Reads and writes a matrix for its grain: the op log and the rows, one transaction per batch.</summary>
internal sealed class MatrixStore(IDbContextFactory<PlanningDb> factory) : IDisposable
{
    // SQLite has one writer per file. Matrices committing at once would otherwise meet SQLITE_BUSY and retry in a
    // loop, burning CPU and adding hundreds of milliseconds at the tail; queueing here costs nothing. Servers
    // (PostgreSQL, SQL Server) write concurrently and pass straight through.
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    // SQLite only: the writer's connection and its prepared statements (guarded by SqliteWriter).
    private (SqliteConnection Connection, MatrixCommitSql.Prepared Statements)? _writer;

    // SQLite only: the background checkpoints of the writer's WAL (see Checkpoint).
    private static readonly TimeSpan CheckpointPeriod = TimeSpan.FromSeconds(1);
    private Timer? _checkpoints;
    private int _uncheckpointed;
    private int _checkpointing;

    /// <summary>
    /// The rows, the last <paramref name="recent"/> ops, and the op-id index of what may be sent again: the ops of the
    /// current session and of that tail. Older op ids stay in the database and are looked up when one comes back
    /// (<see cref="FindOpsAsync"/>), so an activation does not read every op id the exercise ever had.
    /// </summary>
    public async Task<(Dictionary<Guid, RowState> Rows, Dictionary<Guid, long> OpIds, List<OpMessage> Recent, long Seq)> LoadAsync(
        Guid exerciseId, Guid? sessionId, int recent, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Rows.AsNoTracking().Where(r => r.ExerciseId == exerciseId).ToListAsync(ct);
        var seq = await db.Ops.Where(o => o.ExerciseId == exerciseId).MaxAsync(o => (long?)o.Seq, ct) ?? 0;
        var tail = await db.Ops.AsNoTracking().Where(o => o.ExerciseId == exerciseId && o.Seq > seq - recent)
            .OrderBy(o => o.Seq).ToListAsync(ct);
        var opIds = tail.ToDictionary(o => o.OpId, o => o.Seq);
        var first = tail.Count == 0 ? seq + 1 : tail[0].Seq;
        if (sessionId is { } current)
        {
            foreach (var o in await db.Ops.AsNoTracking().Where(o => o.ExerciseId == exerciseId && o.SessionId == current && o.Seq < first)
                .Select(o => new { o.OpId, o.Seq }).ToListAsync(ct))
                opIds[o.OpId] = o.Seq;
        }

        return (rows.ToDictionary(r => r.Id, ToState), opIds, [.. tail.Select(ToMessage)], seq);
    }

    public async Task<List<OpMessage>> OpsSinceAsync(Guid exerciseId, long sinceSeq, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ops = await db.Ops.AsNoTracking().Where(o => o.ExerciseId == exerciseId && o.Seq > sinceSeq)
            .OrderBy(o => o.Seq).Take(max).ToListAsync(ct);
        return [.. ops.Select(ToMessage)];
    }

    /// <summary>
    /// Appends the ops and writes the rows they changed, atomically, without change tracking (<see cref="MatrixCommitSql"/>).
    /// Fails, writing nothing, unless every op and row statement touched exactly one record.
    /// <c>busy</c>: ops arrive on that matrix faster than a commit takes. On SQLite the commit then always goes to the
    /// writer loop, so the caller's turn is free and the ops arriving meanwhile queue for the next batch; otherwise a
    /// commit that finds the writer idle runs at once on the caller's thread (two thread hops fewer per edit).
    /// </summary>
    public async Task CommitAsync(Guid exerciseId, IReadOnlyList<OpMessage> ops, IEnumerable<(RowState Row, bool IsNew)> rows, CancellationToken ct,
        bool busy = false)
    {
        var records = new List<MatrixOpRecord>(ops.Count);
        foreach (var op in ops)
            records.Add(ToRecord(exerciseId, op));
        var inserted = new List<MatrixRow>();
        var updated = new List<MatrixRow>();
        foreach (var (row, isNew) in rows)
            (isNew ? inserted : updated).Add(ToEntity(exerciseId, row));

        var target = _target ??= await CommitTargetAsync(ct);
        if (target.IsSqlite)
        {
            await CommitOnSqliteAsync(target, exerciseId, records, inserted, updated, busy, ct);
            return;
        }

        // Servers: a pooled connection of the provider, no DbContext (creating one per commit was the largest share of
        // the allocations per edit in the profile of build/bench.sh).
        await using var connection = target.Provider.CreateConnection()!;
        connection.ConnectionString = target.ConnectionString;
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var affected = 0;
        foreach (var command in target.Sql.Commands(connection, records, inserted, updated))
        {
            await using (command)
            {
                command.Transaction = transaction;
                affected += await command.ExecuteNonQueryAsync(ct);
            }
        }

        Expect(exerciseId, affected, records.Count + inserted.Count + updated.Count);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Where commits go: read once from a context of the host's provider (one provider per host).</summary>
    private sealed record CommitTarget(MatrixCommitSql Sql, bool IsSqlite, string ConnectionString, System.Data.Common.DbProviderFactory Provider);

    private CommitTarget? _target;

    private async Task<CommitTarget> CommitTargetAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        return new CommitTarget(MatrixCommitSql.For(db), db.Database.IsSqlite(), db.Database.GetConnectionString()!,
            System.Data.Common.DbProviderFactories.GetFactory(connection)!);
    }

    /// <summary>
    /// SQLite has one writer per file: commits queue for one writer loop, which runs off the caller's thread on one
    /// connection kept open with its statements prepared. The loop takes every commit queued while the previous one
    /// was in flight, from any matrix, and writes them in one transaction (one fsync). The grain's turn is not
    /// blocked while the fsync runs, so its own next ops queue up behind it and go together too (adaptive group
    /// commit across matrices; ADR 0020, fourth cut).
    /// </summary>
    private Task CommitOnSqliteAsync(CommitTarget target, Guid exerciseId, List<MatrixOpRecord> records,
        List<MatrixRow> inserted, List<MatrixRow> updated, bool busy, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var commit = new PendingCommit(exerciseId, records, inserted, updated);
        bool inline = false, start = false;
        lock (_pendingGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!busy && !_writing)
            {
                inline = true;
            }
            else
            {
                _pending.Add(commit);
                start = !_writing;
            }

            _writing = true;
        }

        if (inline)
            return CommitInline(target, commit);
        if (start)
            StartWriteLoop(target);
        return commit.Done.Task;
    }

    /// <summary>
    /// A commit that found the writer idle, on the caller's thread; commits queued meanwhile go to the writer loop.
    /// </summary>
    private Task CommitInline(CommitTarget target, PendingCommit commit)
    {
        Exception? failure = null;
        SqliteWriter.Wait();
        try
        {
            Write(target, [commit]);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            SqliteWriter.Release();
        }

        bool start;
        lock (_pendingGate)
        {
            start = _pending.Count > 0;
            if (!start)
                _writing = false;
        }

        if (start)
            StartWriteLoop(target);
        return failure is null ? Task.CompletedTask : Task.FromException(failure);
    }

    private void StartWriteLoop(CommitTarget target) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Store.WriteLoop(state.Target), (Store: this, Target: target), preferLocal: false);

    /// <summary>One matrix's batch waiting for the SQLite writer.</summary>
    private sealed record PendingCommit(Guid ExerciseId, List<MatrixOpRecord> Records, List<MatrixRow> Inserted, List<MatrixRow> Updated)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Expected => Records.Count + Inserted.Count + Updated.Count;
    }

    private readonly Lock _pendingGate = new();
    private List<PendingCommit> _pending = [];
    private bool _writing;
    private bool _disposed;

    private void WriteLoop(CommitTarget target)
    {
        while (true)
        {
            List<PendingCommit> group;
            lock (_pendingGate)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }

                group = _pending;
                _pending = [];
            }

            SqliteWriter.Wait();
            try
            {
                WriteGroup(target, group);
            }
            finally
            {
                SqliteWriter.Release();
            }
        }
    }

    /// <summary>
    /// Writes a group in one transaction. If anything in it fails, nothing of it is kept and each batch is written
    /// again in a transaction of its own, so a bad batch fails alone and the others still commit.
    /// </summary>
    private void WriteGroup(CommitTarget target, List<PendingCommit> group)
    {
        try
        {
            Write(target, group);
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var commit in group)
            {
                try
                {
                    Write(target, [commit]);
                }
                catch (Exception ex)
                {
                    commit.Done.TrySetException(ex);
                    continue;
                }

                commit.Done.TrySetResult();
            }

            return;
        }
        catch (Exception ex)
        {
            group[0].Done.TrySetException(ex);
            return;
        }

        foreach (var commit in group)
            commit.Done.TrySetResult();
    }

    /// <summary>
    /// The writer's connection. synchronous=FULL is set, not left to the SQLite build's default: every commit is
    /// flushed to disk before its ack, so an acknowledged op survives a power cut, not only a killed process (ADR 0020).
    /// Checkpoints move the WAL into the database file (and fsync it): run in the commit they would add milliseconds to
    /// one unlucky batch, so this connection leaves them to a background loop.
    /// </summary>
    internal static SqliteConnection OpenWriter(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// One transaction on the writer connection (opened on first use). A failure rolls back, closes that connection
    /// and leaves the next write to open a fresh one; the caller completes nothing of a failed write.
    /// </summary>
    private void Write(CommitTarget target, List<PendingCommit> commits)
    {
        if (_writer is null)
        {
            var connection = OpenWriter(target.ConnectionString);
            _writer = (connection, target.Sql.Prepare(connection));
            _checkpoints ??= new Timer(Checkpoint, target.ConnectionString, CheckpointPeriod, CheckpointPeriod);
        }

        var (writer, statements) = _writer.Value;
        try
        {
            using var transaction = writer.BeginTransaction();
            foreach (var commit in commits)
            {
                var affected = 0;
                foreach (var op in commit.Records)
                    affected += Run(statements.InsertOp(op), transaction);
                foreach (var row in commit.Inserted)
                    affected += Run(statements.InsertRow(row), transaction);
                foreach (var row in commit.Updated)
                    affected += Run(statements.UpdateRow(row), transaction);
                Expect(commit.ExerciseId, affected, commit.Expected);
            }

            transaction.Commit();
            Volatile.Write(ref _uncheckpointed, 1);
        }
        catch
        {
            CloseWriter();
            throw;
        }

        static int Run(System.Data.Common.DbCommand command, System.Data.Common.DbTransaction transaction)
        {
            command.Transaction = transaction;
            return command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// A passive checkpoint of what the writer committed since the last one, on its own connection: it never waits for
    /// the writer and the writer never waits for it (WAL mode); readers keep the frames they still need.
    /// </summary>
    private void Checkpoint(object? connectionString)
    {
        if (Interlocked.Exchange(ref _uncheckpointed, 0) == 0 || Interlocked.Exchange(ref _checkpointing, 1) == 1)
            return;
        try
        {
            using var connection = new SqliteConnection((string)connectionString!);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Busy or closing: the next tick tries again.
            Volatile.Write(ref _uncheckpointed, 1);
        }
        finally
        {
            Volatile.Write(ref _checkpointing, 0);
        }
    }

    private static void Expect(Guid exerciseId, int affected, int expected)
    {
        if (affected != expected)
            throw new DbUpdateConcurrencyException($"The commit of matrix {exerciseId} touched {affected} records instead of {expected}; nothing was written.");
    }

    private void CloseWriter()
    {
        if (_writer is { } writer)
        {
            writer.Statements.Dispose();
            writer.Connection.Dispose();
            _writer = null;
        }
    }

    /// <summary>
    /// Refuses new commits, lets the writer loop finish what is queued (every queued commit is completed, written or
    /// failed), then closes the writer connection.
    /// </summary>
    public void Dispose()
    {
        lock (_pendingGate)
            _disposed = true;
        var drained = SpinWait.SpinUntil(() => { lock (_pendingGate) return !_writing; }, TimeSpan.FromSeconds(30));
        _checkpoints?.Dispose();
        if (!drained)
            return; // the writer is stuck in the database; leave its connection to the loop rather than pull it away
        SqliteWriter.Wait();
        try
        {
            CloseWriter();
        }
        finally
        {
            SqliteWriter.Release();
        }
    }

    /// <summary>The seqs of those op ids that the log holds (a resent op the grain's index does not cover).</summary>
    public async Task<Dictionary<Guid, long>> FindOpsAsync(Guid exerciseId, IReadOnlyCollection<Guid> opIds, CancellationToken ct)
    {
        if (opIds.Count == 0)
            return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Ops.AsNoTracking().Where(o => o.ExerciseId == exerciseId && opIds.Contains(o.OpId))
            .ToDictionaryAsync(o => o.OpId, o => o.Seq, ct);
    }

    private static RowState ToState(MatrixRow r) => new()
    {
        Id = r.Id,
        Owner = r.OwnerOrganisationId,
        Values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.ValuesJson)!
            .ToDictionary(kv => kv.Key, kv => kv.Value.GetRawText(), StringComparer.Ordinal),
        Stamps = new(JsonSerializer.Deserialize<Dictionary<string, Stamp>>(r.StampsJson)!, StringComparer.Ordinal),
        Removed = r.Removed,
        CreatedSeq = r.CreatedSeq,
        UpdatedSeq = r.UpdatedSeq,
    };

    private static MatrixRow ToEntity(Guid exerciseId, RowState s) => new()
    {
        Id = s.Id,
        ExerciseId = exerciseId,
        OwnerOrganisationId = s.Owner,
        ValuesJson = ValuesJson(s.Values),
        StampsJson = JsonSerializer.Serialize(s.Stamps),
        AffairCode = Text(s.Values, MatrixFieldNames.AffairCode),
        CooperationType = Text(s.Values, MatrixFieldNames.CooperationType),
        Status = Text(s.Values, MatrixFieldNames.Status),
        Removed = s.Removed,
        CreatedSeq = s.CreatedSeq,
        UpdatedSeq = s.UpdatedSeq,
    };

    /// <summary>Builds the JSON object from canonical values without re-parsing them.</summary>
    public static string ValuesJson(Dictionary<string, string> values)
    {
        var sb = new StringBuilder("{");
        foreach (var (key, json) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 1)
                sb.Append(',');
            sb.Append(JsonSerializer.Serialize(key)).Append(':').Append(json);
        }

        return sb.Append('}').ToString();
    }

    private static string? Text(Dictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var json) ? JsonSerializer.Deserialize<string>(json) : null;

    private static MatrixOpRecord ToRecord(Guid exerciseId, OpMessage op) => new()
    {
        ExerciseId = exerciseId,
        Seq = op.Seq,
        OpId = op.OpId,
        SessionId = op.SessionId,
        Kind = op.Kind,
        RowId = op.RowId,
        FieldsJson = JsonSerializer.Serialize(op.Fields),
        AuthorUserId = op.Author.UserId,
        AuthorName = op.Author.DisplayName,
        AuthorOrganisationId = op.Author.OrganisationId,
        AuthorOrganisationName = op.Author.OrganisationName,
        At = op.At,
        OverwritesJson = op.Overwrites.Count == 0 ? null : JsonSerializer.Serialize(op.Overwrites),
    };

    public static OpMessage ToMessage(MatrixOpRecord r) => new(
        r.SessionId, r.Seq, r.OpId, r.Kind, r.RowId,
        JsonSerializer.Deserialize<Dictionary<string, string?>>(r.FieldsJson)!,
        new AuthorMessage(r.AuthorUserId, r.AuthorName, r.AuthorOrganisationId, r.AuthorOrganisationName),
        r.At,
        r.OverwritesJson is null ? [] : JsonSerializer.Deserialize<List<OverwriteMessage>>(r.OverwritesJson)!);
}

using KerjaSama.Planning.Contracts.Live;

namespace KerjaSama.Planning.Sync;

/// <summary>
/// The sync engine of a matrix replica: the rows as the server has them, caught up strictly in sequence order, and
/// this user's edits (queued, sent in order, laid over the rows until the server's Applied op confirms them). No
/// SignalR, no timers, not thread-safe: the caller feeds it what its connection brings, under its own lock. The
/// board's TypeScript twin (<c>Board/src/sync/engine.ts</c>) follows the same conformance vectors (ADR 0024).
/// </summary>
public sealed class SyncEngine(Guid userId, Guid organisationId, Guid sessionId, Action<AppliedEffect>? onApplied = null)
{
    /// <summary>Rejections that stored nothing: the same op goes again a moment later.</summary>
    public static readonly IReadOnlyList<string> RetryableCodes = [RejectionCodes.RateLimited, RejectionCodes.NotCommitted];

    private readonly SortedDictionary<long, AppliedOp> _buffered = [];
    private readonly HashSet<Guid> _queuedIds = [];
    private long _order;
    private int _noticeIds;

    public Guid SessionId { get; } = sessionId;

    public Dictionary<Guid, ReplicaRow> Rows { get; } = [];

    public long Seq { get; private set; }

    /// <summary>A snapshot has been taken: later joins ask only for what follows <see cref="Seq"/>.</summary>
    public bool Ready { get; private set; }

    public bool Joined { get; private set; }

    public bool Joining { get; private set; }

    /// <summary>The session's state as the last join said.</summary>
    public string? State { get; set; }

    /// <summary>Edits not yet acknowledged, in the order they go.</summary>
    public List<SubmitOp> Queue { get; } = [];

    /// <summary>Ops acknowledged with a sequence not yet seen as Applied: still laid over the rows.</summary>
    public Dictionary<Guid, (SubmitOp Op, long Seq)> Acked { get; } = [];

    /// <summary>Refused edits, newest first.</summary>
    public List<RejectedEdit> Rejected { get; } = [];

    /// <summary>Overwrite notices, newest first.</summary>
    public List<OverwriteNotice> Notices { get; } = [];

    /// <summary>Edits not yet confirmed by an Applied op: queued plus acknowledged.</summary>
    public int PendingCount => Queue.Count + Acked.Count;

    /// <summary>Takes back a queue and rejections kept across a restart; every restored op counts as queued.</summary>
    public void Restore(IEnumerable<SubmitOp> queue, IEnumerable<RejectedEdit> rejected)
    {
        Queue.Clear();
        Queue.AddRange(queue);
        Rejected.Clear();
        Rejected.AddRange(rejected);
        foreach (var op in Queue)
            _queuedIds.Add(op.OpId);
    }

    /// <summary>A join is about to be sent: the sequence to join from (0 asks for a snapshot).</summary>
    public long BeginJoin()
    {
        Joining = true;
        Joined = false;
        return Ready ? Seq : 0;
    }

    /// <summary>The join's answer: a snapshot or the ops since, then what arrived meanwhile. True when a gap remains (join again).</summary>
    public bool CompleteJoin(JoinResult join)
    {
        if (join.Rows is not null)
        {
            Rows.Clear();
            foreach (var r in join.Rows)
                Rows[r.RowId] = new ReplicaRow { Id = r.RowId, Owner = r.OwnerOrganisationId, Fields = Clean(r.Fields), Seq = r.Seq, Order = ++_order };
            Seq = join.Seq;
        }

        foreach (var op in join.Ops)
            _buffered[op.Seq] = op;
        State = join.State;
        Joining = false;
        Joined = true;
        Ready = true;
        Drain();
        return _buffered.Count > 0;
    }

    /// <summary>The join failed or the connection went: nothing is sent until the next join.</summary>
    public void Disconnected()
    {
        Joined = false;
        Joining = false;
    }

    /// <summary>An op the server pushed (Applied).</summary>
    public ReceiveOutcome Receive(AppliedOp op)
    {
        if (op.Seq <= Seq && Ready)
            return ReceiveOutcome.Old;
        if (Joining || !Ready)
        {
            _buffered[op.Seq] = op;
            return ReceiveOutcome.Buffered;
        }

        if (op.Seq > Seq + 1)
        {
            // A gap: keep it, and join again from the last sequence seen (the missing ops come with the answer).
            _buffered[op.Seq] = op;
            return ReceiveOutcome.Gap;
        }

        Apply(op);
        Drain();
        return ReceiveOutcome.Applied;
    }

    private void Drain()
    {
        while (_buffered.Count > 0 && _buffered.First().Key <= Seq)
            _buffered.Remove(_buffered.First().Key);
        while (_buffered.Remove(Seq + 1, out var next))
            Apply(next);
    }

    private void Apply(AppliedOp op)
    {
        Seq = op.Seq;
        var byOther = op.Author.UserId != userId;
        var removed = false;
        switch (op.Kind)
        {
            case OpKinds.Add:
                Rows[op.RowId] = new ReplicaRow { Id = op.RowId, Owner = op.Author.OrganisationId, Fields = Clean(op.Fields), Seq = op.Seq, Order = ++_order };
                break;
            case OpKinds.Update when Rows.TryGetValue(op.RowId, out var row):
                Write(row, op.Fields);
                row.Seq = op.Seq;
                break;
            case OpKinds.Remove:
                removed = Rows.Remove(op.RowId);
                break;
        }

        List<OverwriteNotice> notices = [];
        foreach (var o in op.Overwrites)
        {
            if (!byOther || o.PreviousAuthor.UserId != userId)
                continue;
            var notice = new OverwriteNotice(++_noticeIds, op.Author.DisplayName, op.Author.OrganisationName, op.RowId, o.Field,
                o.PreviousValue, op.Fields.GetValueOrDefault(o.Field));
            Notices.Insert(0, notice);
            notices.Add(notice);
        }

        foreach (var (opId, _) in Acked.Where(a => a.Value.Seq <= Seq).ToList())
            Acked.Remove(opId);
        onApplied?.Invoke(new AppliedEffect(op, byOther, removed, notices));
    }

    /// <summary>A local edit: queued (kept until acknowledged) and laid over the rows at once.</summary>
    public SubmitOp Edit(string kind, Guid rowId, Dictionary<string, object?> fields, Guid opId)
    {
        var op = new SubmitOp { SessionId = SessionId, OpId = opId, Kind = kind, RowId = rowId, Fields = fields, BaseSeq = Seq };
        if (!Joined || Queue.Count > 0)
            _queuedIds.Add(opId);
        Queue.Add(op);
        return op;
    }

    /// <summary>The op to send now (the first of the queue, while joined), or null.</summary>
    public SubmitOp? Next() => Joined && Queue.Count > 0 ? Queue[0] : null;

    /// <summary>The server's answer to <paramref name="op"/>.</summary>
    public AckResult Acknowledge(SubmitOp op, Ack ack)
    {
        if (ack.Outcome == AckOutcomes.Rejected && ack.Error is { } retry && RetryableCodes.Contains(retry.Code))
            return AckResult.Retry;
        Queue.RemoveAll(q => q.OpId == op.OpId);
        var wasQueued = _queuedIds.Remove(op.OpId);
        if (ack.Outcome == AckOutcomes.Rejected)
        {
            var error = ack.Error ?? new AckError { Code = "rejected", Message = "Rejected." };
            var field = error.Field ?? op.Fields.Keys.FirstOrDefault();
            Rejected.Insert(0, new RejectedEdit(op.OpId, op.RowId, field, error.Code, error.Message, wasQueued,
                field is null ? null : op.Fields.GetValueOrDefault(field)));
            return AckResult.Rejected;
        }

        if (ack.Seq > Seq)
            Acked[op.OpId] = (op, ack.Seq);
        return AckResult.Confirmed;
    }

    public RejectedEdit? DismissRejected(Guid opId)
    {
        var dismissed = Rejected.Find(r => r.OpId == opId);
        if (dismissed is not null)
            Rejected.Remove(dismissed);
        return dismissed;
    }

    /// <summary>The server's rows with this user's unsent and unconfirmed edits laid over them, in arrival order.</summary>
    public IReadOnlyList<ReplicaRow> ViewRows()
    {
        var view = new Dictionary<Guid, ReplicaRow>(Rows);
        var overlaid = new HashSet<Guid>();
        foreach (var op in Acked.Values.Select(a => a.Op).Concat(Queue))
        {
            switch (op.Kind)
            {
                case OpKinds.Add when !view.ContainsKey(op.RowId):
                    view[op.RowId] = new ReplicaRow { Id = op.RowId, Owner = organisationId, Fields = Clean(op.Fields), Seq = long.MaxValue, Order = long.MaxValue, Pending = true };
                    overlaid.Add(op.RowId);
                    break;
                case OpKinds.Update when view.TryGetValue(op.RowId, out var row):
                    if (overlaid.Add(op.RowId))
                        view[op.RowId] = row = new ReplicaRow { Id = row.Id, Owner = row.Owner, Fields = new(row.Fields), Seq = row.Seq, Order = row.Order, Pending = row.Pending };
                    Write(row, op.Fields);
                    row.PendingFields.UnionWith(op.Fields.Keys);
                    break;
                case OpKinds.Remove:
                    view.Remove(op.RowId);
                    break;
            }
        }

        return [.. view.Values.OrderBy(r => r.Order)];
    }

    private static void Write(ReplicaRow row, Dictionary<string, object?> fields)
    {
        foreach (var (field, value) in fields)
        {
            if (value is null)
                row.Fields.Remove(field);
            else
                row.Fields[field] = value;
        }
    }

    private static Dictionary<string, object?> Clean(Dictionary<string, object?>? fields) =>
        fields?.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value) ?? [];
}

// The sync engine of a matrix replica: the rows as the server has them, caught up strictly in sequence order, and this
// user's edits (queued, sent in order, laid over the rows until the server's Applied op confirms them). No DOM, no
// SignalR, no timers: the caller feeds it what the connection brings and asks it what to send. The C# twin
// (KerjaSama.Planning.Sync.SyncEngine) follows the same conformance vectors (Board/sync-vectors/*.json, ADR 0024).
import {
  AckOutcomes, OpKinds, RejectionCodes,
  type Ack, type AppliedOp, type FieldValue, type JoinResult, type SubmitOp,
} from '../contracts.g';

export interface ReplicaRow {
  id: string;
  owner: string;
  fields: Record<string, FieldValue>;
  seq: number;
  order: number;
  /** Changes whenever what the row shows changes (server value, this user's overlay, a touch). */
  ver: number;
  /** This user's unconfirmed fields (overlay rows only). */
  pendingFields?: Set<string>;
  /** Added by this user and not yet confirmed. */
  pending?: boolean;
}

export interface RejectedEdit { opId: string; rowId: string; field: string | null; code: string; message: string; wasQueued: boolean; value?: FieldValue }

export interface OverwriteNotice { id: number; by: string; organisationName: string; rowId: string; field: string; yours: FieldValue; theirs: FieldValue }

/** What survives a reload (the board keeps it in localStorage). */
export interface QueueState { queue: SubmitOp[]; rejected: RejectedEdit[] }

/** One op applied to the replica, for the caller's side effects (drawing, "removed while you edit"). */
export interface AppliedEffect { op: AppliedOp; rowId: string; byOther: boolean; removed: boolean; notices: OverwriteNotice[] }

/** What became of a received op: applied (with any buffered ones it unblocked), already seen, waiting for the join, or a gap to catch up. */
export type ReceiveOutcome = 'applied' | 'old' | 'buffered' | 'gap';

/** What became of an acknowledged op: send it again (same op id), confirmed, or rejected for good. */
export type AckResult = 'retry' | 'confirmed' | 'rejected';

/** Rejections that stored nothing: the same op goes again a moment later. */
export const retryableCodes: readonly string[] = [RejectionCodes.RateLimited, RejectionCodes.NotCommitted];

export class SyncEngine {
  readonly rows = new Map<string, ReplicaRow>();
  readonly notices: OverwriteNotice[] = [];
  /** Ops acknowledged with a sequence not yet seen as Applied: still laid over the rows (op id → op and seq). */
  readonly acked = new Map<string, { op: SubmitOp; seq: number }>();
  stored: QueueState = { queue: [], rejected: [] };
  seq = 0;
  /** A snapshot has been taken: later joins ask only for what follows `seq`. */
  ready = false;
  joined = false;
  joining = false;

  private buffered = new Map<number, AppliedOp>();
  private readonly queuedIds = new Set<string>();
  private order = 0;
  private verClock = 0;
  private noticeIds = 0;
  private overlayCache: ReplicaRow[] | null = null;

  constructor(
    readonly userId: string,
    readonly organisationId: string,
    readonly sessionId: string,
    private readonly onApplied: (effect: AppliedEffect) => void = () => {},
  ) {}

  /** Takes back a queue and rejections kept across a reload; every restored op counts as queued. */
  restore(state: QueueState): void {
    this.stored = { queue: [...state.queue], rejected: [...state.rejected] };
    for (const op of this.stored.queue) this.queuedIds.add(op.OpId);
    this.overlayCache = null;
  }

  // ---- join and catch-up ----

  /** A join is about to be sent: the sequence to join from (0 asks for a snapshot). */
  beginJoin(): number {
    this.joining = true;
    this.joined = false;
    return this.ready ? this.seq : 0;
  }

  /** The join's answer: a snapshot or the ops since, then what arrived meanwhile. True when a gap remains (join again). */
  completeJoin(join: JoinResult): boolean {
    if (join.Rows) {
      this.rows.clear();
      for (const r of join.Rows) {
        const id = r.RowId.toLowerCase();
        this.rows.set(id, { id, owner: r.OwnerOrganisationId.toLowerCase(), fields: clean(r.Fields), seq: r.Seq, order: ++this.order, ver: ++this.verClock });
      }
      this.seq = join.Seq;
      this.overlayCache = null;
    }
    for (const op of join.Ops ?? []) this.buffered.set(op.Seq, op);
    this.joining = false;
    this.joined = true;
    this.ready = true;
    this.drain();
    return this.buffered.size > 0;
  }

  /** The join failed or the connection went: nothing is sent until the next join. */
  disconnected(): void {
    this.joined = false;
    this.joining = false;
  }

  /** An op the server pushed (Applied). */
  receive(op: AppliedOp): ReceiveOutcome {
    if (op.Seq <= this.seq && this.ready) return 'old';
    if (this.joining || !this.ready) {
      this.buffered.set(op.Seq, op);
      return 'buffered';
    }
    if (op.Seq > this.seq + 1) {
      // A gap: keep it, and join again from the last sequence seen (the missing ops come with the answer).
      this.buffered.set(op.Seq, op);
      return 'gap';
    }
    this.apply(op);
    this.drain();
    return 'applied';
  }

  private drain(): void {
    for (const s of [...this.buffered.keys()]) if (s <= this.seq) this.buffered.delete(s);
    for (let next = this.buffered.get(this.seq + 1); next; next = this.buffered.get(this.seq + 1)) {
      this.buffered.delete(next.Seq);
      this.apply(next);
    }
  }

  private apply(op: AppliedOp): void {
    this.seq = op.Seq;
    const rowId = op.RowId.toLowerCase();
    const fields = op.Fields ?? {};
    const byOther = op.Author.UserId.toLowerCase() !== this.userId;
    let removed = false;
    switch (op.Kind) {
      case OpKinds.Add:
        this.rows.set(rowId, { id: rowId, owner: op.Author.OrganisationId.toLowerCase(), fields: clean(fields), seq: op.Seq, order: ++this.order, ver: ++this.verClock });
        break;
      case OpKinds.Update: {
        const row = this.rows.get(rowId);
        if (row) {
          for (const [k, v] of Object.entries(fields)) {
            if (v === null || v === undefined) delete row.fields[k];
            else row.fields[k] = v;
          }
          row.seq = op.Seq;
          row.ver = ++this.verClock;
        }
        break;
      }
      case OpKinds.Remove:
        removed = this.rows.delete(rowId);
        break;
    }
    const notices: OverwriteNotice[] = [];
    for (const o of op.Overwrites ?? []) {
      if (byOther && o.PreviousAuthor.UserId.toLowerCase() === this.userId) {
        const notice = { id: ++this.noticeIds, by: op.Author.DisplayName, organisationName: op.Author.OrganisationName, rowId, field: o.Field,
          yours: o.PreviousValue, theirs: fields[o.Field] ?? null };
        this.notices.unshift(notice);
        notices.push(notice);
      }
    }
    for (const [opId, a] of this.acked) if (a.seq <= this.seq) this.acked.delete(opId);
    this.overlayCache = null;
    this.onApplied({ op, rowId, byOther, removed, notices });
  }

  // ---- this user's edits ----

  /** A local edit: queued (kept until acknowledged) and laid over the rows at once. */
  edit(kind: string, rowId: string, fields: Record<string, FieldValue>, opId: string): SubmitOp {
    const op: SubmitOp = { SessionId: this.sessionId, OpId: opId, Kind: kind, RowId: rowId, Fields: fields, BaseSeq: this.seq };
    if (!this.joined || this.stored.queue.length > 0) this.queuedIds.add(opId);
    this.stored.queue.push(op);
    this.overlayCache = null;
    return op;
  }

  /** The op to send now (the first of the queue, while joined), or null. */
  next(): SubmitOp | null {
    return this.joined && this.stored.queue.length > 0 ? this.stored.queue[0] : null;
  }

  /** The server's answer to `op`. */
  acknowledge(op: SubmitOp, ack: Ack): AckResult {
    const code = ack.Error?.Code;
    if (ack.Outcome === AckOutcomes.Rejected && code !== undefined && retryableCodes.includes(code)) return 'retry';
    this.stored.queue = this.stored.queue.filter(q => q.OpId !== op.OpId);
    const wasQueued = this.queuedIds.delete(op.OpId);
    this.overlayCache = null;
    if (ack.Outcome === AckOutcomes.Rejected) {
      const error = ack.Error ?? { Code: 'rejected', Message: 'Rejected.', Field: null };
      const field = error.Field ?? Object.keys(op.Fields)[0] ?? null;
      const rowId = op.RowId.toLowerCase();
      this.touch(rowId);
      this.stored.rejected.unshift({ opId: op.OpId, rowId, field, code: error.Code, message: error.Message, wasQueued, value: field ? op.Fields[field] ?? null : null });
      return 'rejected';
    }
    if (ack.Seq > this.seq) this.acked.set(op.OpId, { op, seq: ack.Seq });
    return 'confirmed';
  }

  dismissRejected(opId: string): RejectedEdit | undefined {
    const dismissed = this.stored.rejected.find(r => r.opId === opId);
    this.stored.rejected = this.stored.rejected.filter(r => r.opId !== opId);
    return dismissed;
  }

  /** Marks a row as changed (its overlay or its error changed). */
  touch(rowId: string): void {
    const row = this.rows.get(rowId);
    if (row) row.ver = ++this.verClock;
    this.overlayCache = null;
  }

  /** Edits not yet confirmed by an Applied op: queued plus acknowledged. */
  get pendingCount(): number { return this.stored.queue.length + this.acked.size; }

  // ---- the rows as this user sees them ----

  /**
   * The server's rows with this user's unsent and unconfirmed edits laid over them, in arrival order. Rows without
   * such edits are the server's own objects; overlaid rows are copies whose version changes with the overlay.
   */
  viewRows(): ReplicaRow[] {
    if (this.overlayCache) return this.overlayCache;
    const pending = [...[...this.acked.values()].map(a => a.op), ...this.stored.queue];
    const view = new Map<string, ReplicaRow>(this.rows);
    const overlaid = new Set<string>();
    for (const op of pending) {
      const rowId = op.RowId.toLowerCase();
      switch (op.Kind) {
        case OpKinds.Add:
          if (!view.has(rowId)) {
            view.set(rowId, { id: rowId, owner: this.organisationId, fields: clean(op.Fields), seq: Number.MAX_SAFE_INTEGER,
              order: Number.MAX_SAFE_INTEGER, ver: 0, pending: true, pendingFields: new Set() });
            overlaid.add(rowId);
          }
          break;
        case OpKinds.Update: {
          let row = view.get(rowId);
          if (!row) break;
          if (!overlaid.has(rowId)) {
            row = { ...row, fields: { ...row.fields }, pendingFields: new Set() };
            view.set(rowId, row);
            overlaid.add(rowId);
          }
          for (const [k, v] of Object.entries(op.Fields)) {
            if (v === null || v === undefined) delete row.fields[k];
            else row.fields[k] = v;
            row.pendingFields!.add(k);
          }
          break;
        }
        case OpKinds.Remove:
          view.delete(rowId);
          break;
      }
    }
    for (const id of overlaid) {
      const row = view.get(id);
      // A version from the overlay's content: the same overlay draws once, a changed one again.
      if (row) row.ver = hash(JSON.stringify(row.fields) + '|' + [...row.pendingFields!].join(',') + '|' + (this.rows.get(id)?.ver ?? 0)) * -1 - 1;
    }
    this.overlayCache = [...view.values()].sort((a, b) => a.order - b.order);
    return this.overlayCache;
  }

  /** The server's rows (no overlay): what every replica should converge to. */
  snapshot(): { seq: number; rows: Record<string, { owner: string; fields: Record<string, FieldValue> }> } {
    const rows: Record<string, { owner: string; fields: Record<string, FieldValue> }> = {};
    for (const r of this.rows.values()) rows[r.id] = { owner: r.owner, fields: { ...r.fields } };
    return { seq: this.seq, rows };
  }
}

function clean(fields: Record<string, FieldValue> | null | undefined): Record<string, FieldValue> {
  const result: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(fields ?? {})) if (v !== null && v !== undefined) result[k] = v;
  return result;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

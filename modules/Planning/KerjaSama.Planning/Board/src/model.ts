// The board's state and its hub connection: rows as the server has them, this user's edit queue (kept in
// localStorage, sent in order with its op ids while connected, kept while offline), presence and session state.
// The model never touches the DOM: it tells the view what changed and the view draws at most once per frame.
import * as signalR from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import {
  AckOutcomes, HubNames, OpKinds, PlatformRoles, RejectionCodes, SessionStates,
  type Ack, type AppliedOp, type FieldValue, type JoinResult, type Participant, type SubmitOp,
} from './contracts.g';
import { type BoardConfig, n } from './config';
import type { BoardExtension } from './talk';

export interface Row {
  id: string;
  owner: string;
  fields: Record<string, FieldValue>;
  seq: number;
  order: number;
  /** Changes whenever what the row shows changes (server value, this user's overlay, errors). */
  ver: number;
  /** This user's unconfirmed fields (overlay rows only). */
  pendingFields?: Set<string>;
  /** Added by this user and not yet confirmed. */
  pending?: boolean;
}

export interface RejectedEdit { opId: string; rowId: string; field: string | null; code: string; message: string; wasQueued: boolean; value?: FieldValue }

export interface OverwriteNotice { id: number; by: string; organisationName: string; rowId: string; field: string; yours: FieldValue; theirs: FieldValue }

/** A row removed by someone else while this user had it open in an editor: the text stays for copying. */
export interface RemovedWhileEditing { rowId: string; field: string; text: string; by: string }

export interface FieldError { text: string; value: FieldValue }

interface Stored { queue: SubmitOp[]; rejected: RejectedEdit[] }

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface Changes {
  rows: Set<string>;
  all: boolean;
  structure: boolean;
  side: boolean;
  bar: boolean;
  markers: boolean;
  presence: boolean;
}

const retryDelayMs = 1000;

export class BoardModel {
  readonly rows = new Map<string, Row>();
  readonly errors = new Map<string, FieldError>();
  readonly notices: OverwriteNotice[] = [];
  readonly removedWhileEditing: RemovedWhileEditing[] = [];
  participants: Participant[] = [];
  seq = 0;
  state = '';
  connection: Connection = 'connecting';
  message: string | null = null;
  ready = false;
  stored: Stored = { queue: [], rejected: [] };
  /** Ops acknowledged with a sequence not yet seen as Applied: still laid over the rows (op id → op and seq). */
  readonly acked = new Map<string, { op: SubmitOp; seq: number }>();
  /** Sequences applied since the view last drew (the benchmark's "rendered at" hook). */
  readonly appliedSinceFrame: number[] = [];
  /** The row and field this user is editing (the view keeps it current), for "removed while you edit". */
  editing: { rowId: string; field: string; draft: () => string } | null = null;
  /** Facilitation hooks (facilitation.ts): the hub once built, and every join's result. */
  onHub: ((hub: signalR.HubConnection) => void) | null = null;
  onJoin: ((join: JoinResult) => void) | null = null;
  /** Parts of the board with hub messages of their own (talk.ts): attached to the hub, told after each join. */
  readonly extensions: BoardExtension[] = [];

  private hub: signalR.HubConnection | null = null;
  private buffered: AppliedOp[] = [];
  private order = 0;
  private verClock = 0;
  private noticeIds = 0;
  private joined = false;
  private joining = false;
  private flushing = false;
  private catchUpWanted = false;
  private online = navigator.onLine;
  private disposed = false;
  private lastFocus = '';
  private overlayCache: Row[] | null = null;

  constructor(readonly config: BoardConfig, private readonly changed: (c: Partial<Changes> & { rowIds?: string[] }) => void) {}

  get canFacilitate(): boolean { return this.config.role === PlatformRoles.SecretariatAdmin || this.config.role === PlatformRoles.Facilitator; }

  get canContribute(): boolean { return this.config.role !== PlatformRoles.Observer && this.config.role.length > 0; }

  get canWrite(): boolean {
    return this.canContribute && this.state !== SessionStates.Closed && (this.state === SessionStates.Open || this.canFacilitate);
  }

  canEditRow(row: Row): boolean { return this.canWrite && (this.canFacilitate || row.owner === this.config.organisationId); }

  private get storageKey(): string { return `kerjasama.board.${n(this.config.sessionId)}.${n(this.config.userId)}`; }

  // ---- start-up and connection ----

  async start(): Promise<void> {
    this.stored = this.loadStored();
    // Rejections not yet dismissed stay next to their fields, also after a reload (or when another tab sent the queue).
    for (const r of [...this.stored.rejected].reverse()) {
      if (r.field) this.errors.set(errorKey(r.rowId, r.field), { text: `${r.message} (${r.code})`, value: r.value ?? null });
    }
    window.addEventListener('online', () => { void this.networkChanged(true); });
    window.addEventListener('offline', () => { void this.networkChanged(false); });
    this.hub = new signalR.HubConnectionBuilder()
      .withUrl(HubNames.Path)
      .withHubProtocol(new MessagePackHubProtocol())
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => c.previousRetryCount < 3 ? 250 * (c.previousRetryCount + 1) : 2000 })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.hub.on(HubNames.Applied, (op: AppliedOp) => this.onApplied(op));
    this.onHub?.(this.hub);
    this.hub.on(HubNames.Presence, (session: string, people: Participant[]) => {
      if (session.toLowerCase() !== this.config.sessionId) return;
      this.participants = people ?? [];
      this.changed({ markers: true, presence: true });
    });
    this.hub.on(HubNames.SessionState, (session: string, state: string) => {
      if (session.toLowerCase() !== this.config.sessionId) return;
      this.setState(state);
    });
    this.hub.on(HubNames.Revoked, (session: string, code: string) => {
      if (session.toLowerCase() !== this.config.sessionId) return;
      this.joined = false;
      this.message = `${code}: ` + (this.config.language === 'en'
        ? 'your organisation is no longer invited to this mapping exercise.'
        : 'organisasi Anda tidak lagi diundang ke pemetaan ini.');
      this.changed({ bar: true });
    });
    for (const e of this.extensions) e.attach(this.hub);
    this.hub.onreconnecting(() => {
      this.joined = false;
      this.setConnection(this.online ? 'reconnecting' : 'offline');
    });
    this.hub.onreconnected(() => { void this.joinAndFlush(); });
    this.hub.onclose(() => {
      this.joined = false;
      this.setConnection('offline');
      if (!this.disposed && this.online) void this.connectLoop();
    });
    if (this.online) await this.connectLoop();
    else this.setConnection('offline');
  }

  private async networkChanged(online: boolean): Promise<void> {
    this.online = online;
    if (!online) {
      this.joined = false;
      this.setConnection('offline');
      await this.hub?.stop();
    } else {
      this.setConnection('reconnecting');
      await this.connectLoop();
    }
  }

  private async connectLoop(): Promise<void> {
    let delay = retryDelayMs;
    while (!this.disposed && this.online && this.hub && this.hub.state === signalR.HubConnectionState.Disconnected) {
      try {
        await this.hub.start();
        await this.joinAndFlush();
        return;
      } catch (e) {
        this.connection = this.stored.queue.length > 0 || this.ready ? 'reconnecting' : 'connecting';
        this.message = e instanceof Error ? e.message : String(e);
        this.changed({ bar: true });
        if ((this.hub.state as signalR.HubConnectionState) === signalR.HubConnectionState.Connected) await this.hub.stop();
        await sleep(delay);
        delay = Math.min(delay * 2, 8000);
      }
    }
  }

  private setConnection(c: Connection): void {
    this.connection = c;
    this.changed({ bar: true });
  }

  private setState(state: string): void {
    if (state === this.state) return;
    this.state = state;
    // What may be edited depends on the state: every row draws again (once, in the next frame).
    this.changed({ all: true, bar: true, side: true, structure: true });
  }

  private async joinAndFlush(): Promise<void> {
    if (!this.hub || this.joining) return;
    this.joining = true;
    try {
      do {
        this.catchUpWanted = false;
        const since = this.ready ? this.seq : 0;
        const join = await this.hub.invoke<JoinResult>(HubNames.Join, this.config.sessionId, since);
        if (join.Rows) {
          this.rows.clear();
          for (const r of join.Rows) {
            const id = r.RowId.toLowerCase();
            this.rows.set(id, { id, owner: r.OwnerOrganisationId.toLowerCase(), fields: clean(r.Fields), seq: r.Seq, order: ++this.order, ver: ++this.verClock });
          }
          this.seq = join.Seq;
          this.overlayCache = null;
          this.changed({ all: true, structure: true });
        }
        for (const op of join.Ops ?? []) this.apply(op);
        this.seq = Math.max(this.seq, join.Seq);
        this.participants = join.Participants ?? [];
        this.joined = true;
        this.connection = 'connected';
        this.message = null;
        const buffered = this.buffered.sort((a, b) => a.Seq - b.Seq);
        this.buffered = [];
        for (const op of buffered) this.apply(op);
        this.setState(join.State);
        this.ready = true;
        this.onJoin?.(join);
        this.changed({ bar: true, side: true, markers: true, presence: true });
        for (const e of this.extensions) e.joined();
      } while (this.catchUpWanted);
    } finally {
      this.joining = false;
    }
    this.lastFocus = '';
    await this.flush();
  }

  private onApplied(op: AppliedOp): void {
    if (op.SessionId.toLowerCase() !== this.config.sessionId) return;
    if (this.joining || !this.ready) {
      this.buffered.push(op);
      return;
    }
    if (op.Seq > this.seq + 1) {
      // A gap: rejoin from the last sequence seen (the op comes again with the others).
      this.buffered.push(op);
      if (this.joining) this.catchUpWanted = true;
      else if (this.hub?.state === signalR.HubConnectionState.Connected) void this.joinAndFlush();
      return;
    }
    this.apply(op);
  }

  private apply(op: AppliedOp): void {
    if (op.Seq <= this.seq) return;
    this.seq = op.Seq;
    const rowId = op.RowId.toLowerCase();
    const fields = op.Fields ?? {};
    const byOther = op.Author.UserId.toLowerCase() !== this.config.userId;
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
        if (this.rows.delete(rowId) && byOther && this.editing?.rowId === rowId) {
          this.removedWhileEditing.unshift({ rowId, field: this.editing.field, text: this.editing.draft(), by: `${op.Author.DisplayName} (${op.Author.OrganisationName})` });
          this.changed({ side: true });
        }
        break;
    }
    for (const o of op.Overwrites ?? []) {
      if (o.PreviousAuthor.UserId.toLowerCase() === this.config.userId && byOther) {
        this.notices.unshift({ id: ++this.noticeIds, by: op.Author.DisplayName, organisationName: op.Author.OrganisationName, rowId, field: o.Field,
          yours: o.PreviousValue, theirs: fields[o.Field] ?? null });
        this.changed({ side: true });
      }
    }
    for (const [opId, a] of this.acked) {
      if (a.seq <= this.seq) {
        this.acked.delete(opId);
      }
    }
    this.overlayCache = null;
    this.appliedSinceFrame.push(op.Seq);
    this.changed({ rowIds: [rowId], structure: true });
  }

  // ---- edits ----

  submit(kind: string, rowId: string, fields: Record<string, FieldValue>): SubmitOp {
    const op: SubmitOp = { SessionId: this.config.sessionId, OpId: crypto.randomUUID(), Kind: kind, RowId: rowId, Fields: fields, BaseSeq: this.seq };
    for (const field of Object.keys(fields)) this.errors.delete(errorKey(rowId, field));
    this.stored.queue.push(op);
    this.saveStored();
    this.overlayCache = null;
    this.changed({ rowIds: [rowId], structure: true, side: true, bar: true });
    void this.flush();
    return op;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.stored.queue.length > 0 && this.joined && this.online && this.hub?.state === signalR.HubConnectionState.Connected) {
        const op = this.stored.queue[0];
        const wasQueued = this.connection !== 'connected' || this.stored.queue.length > 1;
        let ack: Ack;
        try {
          ack = await this.hub!.invoke<Ack>(HubNames.Submit, op);
        } catch {
          break; // The connection went: the op stays first in the queue and goes again, same op id.
        }
        const code = ack.Error?.Code;
        if (ack.Outcome === AckOutcomes.Rejected && (code === RejectionCodes.RateLimited || code === RejectionCodes.NotCommitted)) {
          // Retryable (faster than the per-user rate, or the database did not commit): same op id, in a moment.
          await sleep(retryDelayMs);
          continue;
        }
        this.stored.queue = this.stored.queue.filter(q => q.OpId !== op.OpId);
        const rowId = op.RowId.toLowerCase();
        if (ack.Outcome === AckOutcomes.Rejected) {
          const error = ack.Error ?? { Code: 'rejected', Message: 'Rejected.', Field: null };
          const field = error.Field ?? Object.keys(op.Fields)[0] ?? null;
          this.errors.set(errorKey(rowId, field ?? ''), { text: `${error.Message} (${error.Code})`, value: field ? op.Fields[field] ?? null : null });
          const row = this.rows.get(rowId);
          if (row) row.ver = ++this.verClock;
          this.stored.rejected.unshift({ opId: op.OpId, rowId, field, code: error.Code, message: error.Message, wasQueued, value: field ? op.Fields[field] ?? null : null });
        } else if (ack.Seq > this.seq) {
          this.acked.set(op.OpId, { op, seq: ack.Seq });
        }
        this.overlayCache = null;
        this.saveStored();
        this.changed({ rowIds: [rowId], structure: true, side: true, bar: true });
      }
    } finally {
      this.flushing = false;
    }
  }

  focus(rowId: string | null, field: string | null): void {
    const key = `${rowId}|${field}`;
    if (key === this.lastFocus || !this.joined || this.hub?.state !== signalR.HubConnectionState.Connected) return;
    this.lastFocus = key;
    // Presence is best effort; the next focus goes after a reconnect.
    this.hub.send(HubNames.Focus, this.config.sessionId, rowId, field).catch(() => { this.lastFocus = ''; });
  }

  async changeSession(action: 'lock' | 'unlock' | 'close'): Promise<void> {
    const response = await fetch(`/api/planning/sessions/${this.config.sessionId}/${action}`, {
      method: 'POST', credentials: 'same-origin', headers: { 'X-KerjaSama-Csrf': '1', Accept: 'application/json' },
    });
    if (response.ok) {
      const info = await response.json() as { state?: string };
      this.message = null;
      if (info.state) this.setState(info.state);
    } else {
      this.message = `${response.status}: ${await response.text()}`;
    }
    this.changed({ bar: true });
  }

  dismissRejected(opId: string): void {
    const dismissed = this.stored.rejected.find(r => r.opId === opId);
    if (dismissed?.field) this.clearError(dismissed.rowId, dismissed.field);
    this.stored.rejected = this.stored.rejected.filter(r => r.opId !== opId);
    this.saveStored();
    this.changed({ side: true });
  }

  clearError(rowId: string, field: string): void {
    if (this.errors.delete(errorKey(rowId, field))) this.touch(rowId);
  }

  /** Marks a row as changed for the view (e.g. its editor opened or closed). */
  touch(rowId: string): void {
    const row = this.rows.get(rowId);
    if (row) row.ver = ++this.verClock;
    this.overlayCache = null;
    this.changed({ rowIds: [rowId] });
  }

  // ---- the rows as this user sees them ----

  /**
   * The server's rows with this user's unsent and unconfirmed edits laid over them, in arrival order. Rows without
   * such edits are the server's own objects; overlaid rows are copies whose version changes with the overlay.
   */
  viewRows(): Row[] {
    if (this.overlayCache) return this.overlayCache;
    const pending = [...[...this.acked.values()].map(a => a.op), ...this.stored.queue];
    const view = new Map<string, Row>(this.rows);
    const overlaid = new Set<string>();
    for (const op of pending) {
      const rowId = op.RowId.toLowerCase();
      switch (op.Kind) {
        case OpKinds.Add:
          if (!view.has(rowId)) {
            view.set(rowId, { id: rowId, owner: this.config.organisationId, fields: clean(op.Fields), seq: Number.MAX_SAFE_INTEGER,
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

  /** The server's rows (no overlay): what every board should converge to. */
  snapshot(): { seq: number; rows: Record<string, { owner: string; fields: Record<string, FieldValue> }> } {
    const rows: Record<string, { owner: string; fields: Record<string, FieldValue> }> = {};
    for (const r of this.rows.values()) rows[r.id] = { owner: r.owner, fields: { ...r.fields } };
    return { seq: this.seq, rows };
  }

  // ---- storage ----

  private loadStored(): Stored {
    try {
      const text = window.localStorage.getItem(this.storageKey);
      if (!text) return { queue: [], rejected: [] };
      const parsed = JSON.parse(text) as Partial<Stored>;
      return { queue: Array.isArray(parsed.queue) ? parsed.queue : [], rejected: Array.isArray(parsed.rejected) ? parsed.rejected : [] };
    } catch {
      return { queue: [], rejected: [] };
    }
  }

  private saveStored(): void {
    if (this.stored.queue.length === 0 && this.stored.rejected.length === 0) window.localStorage.removeItem(this.storageKey);
    else window.localStorage.setItem(this.storageKey, JSON.stringify(this.stored));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.hub?.stop();
  }
}

export const errorKey = (rowId: string, field: string): string => `${rowId}|${field}`;

function clean(fields: Record<string, FieldValue> | null | undefined): Record<string, FieldValue> {
  const result: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(fields ?? {})) if (v !== null && v !== undefined) result[k] = v;
  return result;
}

function sleep(ms: number): Promise<void> { return new Promise(resolve => setTimeout(resolve, ms)); }

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

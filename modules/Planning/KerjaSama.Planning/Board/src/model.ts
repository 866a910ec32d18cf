// The board's hub connection and what the view needs besides the replica: presence, session state, field errors,
// "removed while you edit". The replica itself (rows, catch-up, the edit queue kept in localStorage and its overlay,
// overwrite notices) is the sync engine's (sync/engine.ts, sync/client.ts); the model wires it to SignalR and the
// browser. It never touches the DOM: it tells the view what changed and the view draws at most once per frame.
import * as signalR from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import {
  HubNames,
  type Ack, type AppliedOp, type FieldValue, type JoinResult, type Participant, type SubmitOp,
} from './contracts.g';
import type { BoardConfig } from './config';
import * as access from './board/access';
import { type FieldError, errorKey, rejectionError } from './board/cells';
import { revokedMessage } from './board/labels';
import { nextRetryDelay, parseStored, reconnectDelay, storageKey, storedText } from './board/storage';
import type { BoardExtension } from './talk';
import { type AckResult, type AppliedEffect, type OverwriteNotice, type QueueState, type RejectedEdit, type ReplicaRow, SyncEngine } from './sync/engine';
import { SyncClient } from './sync/client';

export type Row = ReplicaRow;
export type { RejectedEdit, OverwriteNotice, FieldError };

/** A row removed by someone else while this user had it open in an editor: the text stays for copying. */
export interface RemovedWhileEditing { rowId: string; field: string; text: string; by: string }

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
  readonly errors = new Map<string, FieldError>();
  readonly removedWhileEditing: RemovedWhileEditing[] = [];
  participants: Participant[] = [];
  state = '';
  connection: Connection = 'connecting';
  message: string | null = null;
  /** Sequences applied since the view last drew (the benchmark's "rendered at" hook). */
  readonly appliedSinceFrame: number[] = [];
  /** The row and field this user is editing (the view keeps it current), for "removed while you edit". */
  editing: { rowId: string; field: string; draft: () => string } | null = null;
  /** Facilitation hooks (facilitation.ts): the hub once built, and every join's result. */
  onHub: ((hub: signalR.HubConnection) => void) | null = null;
  onJoin: ((join: JoinResult) => void) | null = null;
  /** Parts of the board with hub messages of their own (talk.ts): attached to the hub, told after each join. */
  readonly extensions: BoardExtension[] = [];
  readonly engine: SyncEngine;

  private hub: signalR.HubConnection | null = null;
  private sync: SyncClient | null = null;
  private online = navigator.onLine;
  private disposed = false;
  private lastFocus = '';

  constructor(readonly config: BoardConfig, private readonly changed: (c: Partial<Changes> & { rowIds?: string[] }) => void) {
    this.engine = new SyncEngine(config.userId, config.organisationId, config.sessionId, e => this.onApplied(e));
  }

  get rows(): Map<string, Row> { return this.engine.rows; }
  get seq(): number { return this.engine.seq; }
  get ready(): boolean { return this.engine.ready; }
  get stored(): QueueState { return this.engine.stored; }
  get acked(): Map<string, { op: SubmitOp; seq: number }> { return this.engine.acked; }
  get notices(): OverwriteNotice[] { return this.engine.notices; }

  get canFacilitate(): boolean { return access.canFacilitate(this.config.role); }

  get canContribute(): boolean { return access.canContribute(this.config.role); }

  get canWrite(): boolean { return access.canWrite(this.config.role, this.state); }

  /** The caller's role, the session's state and organisation: what access.ts decides from. */
  get access(): access.Access { return { role: this.config.role, state: this.state, organisationId: this.config.organisationId }; }

  canEditRow(row: Row): boolean { return access.canEditRow(this.access, row.owner); }

  private get storageKey(): string { return storageKey(this.config.sessionId, this.config.userId); }

  private get connected(): boolean { return this.online && this.hub?.state === signalR.HubConnectionState.Connected; }

  // ---- start-up and connection ----

  async start(): Promise<void> {
    window.addEventListener('online', () => { void this.networkChanged(true); });
    window.addEventListener('offline', () => { void this.networkChanged(false); });
    this.hub = new signalR.HubConnectionBuilder()
      .withUrl(HubNames.Path)
      .withHubProtocol(new MessagePackHubProtocol())
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => reconnectDelay(c.previousRetryCount) })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    const hub = this.hub;
    const model = this;
    this.sync = new SyncClient(this.engine, {
      get connected() { return model.connected; },
      join: (session, since) => hub.invoke<JoinResult>(HubNames.Join, session, since),
      submit: op => hub.invoke<Ack>(HubNames.Submit, op),
    }, { load: () => this.loadStored(), save: state => this.saveStored(state) }, {
      joined: join => this.joined(join),
      answered: (op, result) => this.answered(op, result),
    }, retryDelayMs);
    // Rejections not yet dismissed stay next to their fields, also after a reload (or when another tab sent the queue).
    for (const r of [...this.stored.rejected].reverse()) {
      if (r.field) this.errors.set(errorKey(r.rowId, r.field), rejectionError(r));
    }
    this.hub.on(HubNames.Applied, (op: AppliedOp) => {
      if (op.SessionId.toLowerCase() === this.config.sessionId) this.sync?.receive(op);
    });
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
      this.engine.disconnected();
      this.message = revokedMessage(code, this.config.language);
      this.changed({ bar: true });
    });
    for (const e of this.extensions) e.attach(this.hub);
    this.hub.onreconnecting(() => {
      this.engine.disconnected();
      this.setConnection(this.online ? 'reconnecting' : 'offline');
    });
    this.hub.onreconnected(() => { void this.joinAndFlush(); });
    this.hub.onclose(() => {
      this.engine.disconnected();
      this.setConnection('offline');
      if (!this.disposed && this.online) void this.connectLoop();
    });
    if (this.online) await this.connectLoop();
    else this.setConnection('offline');
  }

  private async networkChanged(online: boolean): Promise<void> {
    this.online = online;
    if (!online) {
      this.engine.disconnected();
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
        await this.sync!.joinAndFlush();
        return;
      } catch (e) {
        this.connection = this.stored.queue.length > 0 || this.ready ? 'reconnecting' : 'connecting';
        this.message = e instanceof Error ? e.message : String(e);
        this.changed({ bar: true });
        if ((this.hub.state as signalR.HubConnectionState) === signalR.HubConnectionState.Connected) await this.hub.stop();
        await sleep(delay);
        delay = nextRetryDelay(delay);
      }
    }
  }

  private async joinAndFlush(): Promise<void> {
    try {
      await this.sync?.joinAndFlush();
    } catch {
      // The connection went again: its close or reconnect handler takes over.
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

  private joined(join: JoinResult): void {
    if (join.Rows) this.changed({ all: true, structure: true });
    this.participants = join.Participants ?? [];
    this.connection = 'connected';
    this.message = null;
    this.setState(join.State);
    this.onJoin?.(join);
    this.changed({ bar: true, side: true, markers: true, presence: true });
    for (const e of this.extensions) e.joined();
    this.lastFocus = '';
  }

  private onApplied(e: AppliedEffect): void {
    if (e.removed && e.byOther && this.editing?.rowId === e.rowId) {
      this.removedWhileEditing.unshift({ rowId: e.rowId, field: this.editing.field, text: this.editing.draft(), by: `${e.op.Author.DisplayName} (${e.op.Author.OrganisationName})` });
      this.changed({ side: true });
    }
    if (e.notices.length > 0) this.changed({ side: true });
    this.appliedSinceFrame.push(e.op.Seq);
    this.changed({ rowIds: [e.rowId], structure: true });
  }

  private answered(op: SubmitOp, result: AckResult): void {
    const rowId = op.RowId.toLowerCase();
    if (result === 'rejected') {
      const r = this.stored.rejected[0];
      this.errors.set(errorKey(rowId, r.field ?? ''), rejectionError(r));
    }
    this.changed({ rowIds: [rowId], structure: true, side: true, bar: true });
  }

  // ---- edits ----

  submit(kind: string, rowId: string, fields: Record<string, FieldValue>): SubmitOp {
    for (const field of Object.keys(fields)) this.errors.delete(errorKey(rowId, field));
    const op = this.sync!.edit(kind, rowId, fields);
    this.changed({ rowIds: [rowId], structure: true, side: true, bar: true });
    return op;
  }

  focus(rowId: string | null, field: string | null): void {
    const key = `${rowId}|${field}`;
    if (key === this.lastFocus || !this.engine.joined || !this.connected) return;
    this.lastFocus = key;
    // Presence is best effort; the next focus goes after a reconnect.
    this.hub!.send(HubNames.Focus, this.config.sessionId, rowId, field).catch(() => { this.lastFocus = ''; });
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
    this.sync?.dismissRejected(opId);
    this.changed({ side: true });
  }

  clearError(rowId: string, field: string): void {
    if (this.errors.delete(errorKey(rowId, field))) this.touch(rowId);
  }

  /** Marks a row as changed for the view (e.g. its editor opened or closed). */
  touch(rowId: string): void {
    this.engine.touch(rowId);
    this.changed({ rowIds: [rowId] });
  }

  /** The server's rows with this user's unsent and unconfirmed edits laid over them (the engine's overlay). */
  viewRows(): Row[] { return this.engine.viewRows(); }

  /** The server's rows (no overlay): what every board should converge to. */
  snapshot(): ReturnType<SyncEngine['snapshot']> { return this.engine.snapshot(); }

  // ---- storage ----

  private loadStored(): QueueState {
    try {
      return parseStored(window.localStorage.getItem(this.storageKey));
    } catch {
      return parseStored(null); // Storage refused (private mode, quota): start empty.
    }
  }

  private saveStored(state: QueueState): void {
    const text = storedText(state);
    if (text === null) window.localStorage.removeItem(this.storageKey);
    else window.localStorage.setItem(this.storageKey, text);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.hub?.stop();
  }
}

export { errorKey };

function sleep(ms: number): Promise<void> { return new Promise(resolve => setTimeout(resolve, ms)); }

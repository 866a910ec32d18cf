// Drives a SyncEngine over a transport: joins (again after a gap or a reconnect), sends the queue in order with its op
// ids, retries retryable refusals a moment later and keeps the queue in storage. No DOM and no SignalR: the board
// gives it a transport over its hub connection and localStorage; tests give it fakes.
import type { Ack, FieldValue, JoinResult, SubmitOp } from '../contracts.g';
import { type AckResult, type QueueState, SyncEngine } from './engine';

/** The connection as the sync client needs it. */
export interface SyncTransport {
  /** True while a join or a submit may go. */
  readonly connected: boolean;
  join(sessionId: string, sinceSeq: number): Promise<JoinResult>;
  submit(op: SubmitOp): Promise<Ack>;
}

/** Where the queue and the rejections survive a reload. */
export interface SyncStorage {
  load(): QueueState;
  save(state: QueueState): void;
}

export interface SyncHooks {
  /** A join completed (before the queue is sent). */
  joined(join: JoinResult): void;
  /** An op was answered (not called for retries). */
  answered(op: SubmitOp, result: AckResult, ack: Ack): void;
}

export class SyncClient {
  private flushing = false;
  private catchUpWanted = false;

  constructor(
    readonly engine: SyncEngine,
    private readonly transport: SyncTransport,
    private readonly storage: SyncStorage,
    private readonly hooks: SyncHooks,
    private readonly retryDelayMs = 1000,
  ) {
    engine.restore(storage.load());
  }

  /** Joins (a snapshot the first time, the ops since the last sequence afterwards) until no gap remains, then sends the queue. */
  async joinAndFlush(): Promise<void> {
    if (this.engine.joining) {
      this.catchUpWanted = true;
      return;
    }
    try {
      do {
        this.catchUpWanted = false;
        const since = this.engine.beginJoin();
        const join = await this.transport.join(this.engine.sessionId, since);
        if (this.engine.completeJoin(join)) this.catchUpWanted = true;
        this.hooks.joined(join);
      } while (this.catchUpWanted && this.transport.connected);
    } catch (e) {
      this.engine.disconnected();
      throw e;
    }
    await this.flush();
  }

  /** An Applied push: applied in order; a gap starts a catch-up join. */
  receive(op: Parameters<SyncEngine['receive']>[0]): void {
    if (this.engine.receive(op) === 'gap' && this.transport.connected) void this.joinAndFlush().catch(() => {});
  }

  /** A local edit: queued, stored, and sent when it may go. */
  edit(kind: string, rowId: string, fields: Record<string, FieldValue>): SubmitOp {
    const op = this.engine.edit(kind, rowId, fields, crypto.randomUUID());
    this.save();
    void this.flush();
    return op;
  }

  dismissRejected(opId: string): void {
    this.engine.dismissRejected(opId);
    this.save();
  }

  /** Sends the queue in order while joined and connected; a failed call leaves the op first (it goes again, same op id). */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let op = this.engine.next(); op && this.transport.connected; op = this.engine.next()) {
        let ack: Ack;
        try {
          ack = await this.transport.submit(op);
        } catch {
          break;
        }
        const result = this.engine.acknowledge(op, ack);
        if (result === 'retry') {
          await new Promise(resolve => setTimeout(resolve, this.retryDelayMs));
          continue;
        }
        this.save();
        this.hooks.answered(op, result, ack);
      }
    } finally {
      this.flushing = false;
    }
  }

  private save(): void { this.storage.save(this.engine.stored); }
}

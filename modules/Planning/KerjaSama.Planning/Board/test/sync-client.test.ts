// The sync client over a fake transport: what goes over the wire and when (the engine's state is the vectors' job).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncClient, type SyncTransport } from '../src/sync/client';
import { SyncEngine, type QueueState } from '../src/sync/engine';
import type { Ack, AppliedOp, JoinResult, SubmitOp } from '../src/contracts.g';

const session = '5e550000-0000-0000-0000-000000000001';
const me = { UserId: 'a11ce000-0000-0000-0000-000000000001', DisplayName: 'Alya', OrganisationId: '0a000000-0000-0000-0000-00000000000a', OrganisationName: 'Bappeda Kalsel' };
const row = '10000000-0000-0000-0000-000000000001';

class FakeTransport implements SyncTransport {
  connected = true;
  readonly joins: number[] = [];
  readonly sent: SubmitOp[] = [];
  seq = 1;
  answers: ((op: SubmitOp) => Ack | Error)[] = [];
  log: AppliedOp[] = [];

  async join(_session: string, since: number): Promise<JoinResult> {
    this.joins.push(since);
    return {
      // A snapshot as of seq 1 with the later ops after it (the server sends either; the engine takes both).
      SessionId: session, Seq: since === 0 ? 1 : this.seq, State: 'open', Participants: [], Facilitation: null,
      Rows: since === 0 ? [{ RowId: row, OwnerOrganisationId: me.OrganisationId, Fields: { potential: 'Air bersih' }, Seq: 1 }] : null,
      Ops: this.log.filter(o => o.Seq > Math.max(since, 1)),
    } as unknown as JoinResult;
  }

  async submit(op: SubmitOp): Promise<Ack> {
    this.sent.push(op);
    const answer = (this.answers.shift() ?? (() => this.apply(op)))(op);
    if (answer instanceof Error) throw answer;
    return answer;
  }

  apply(op: SubmitOp): Ack {
    const applied = { SessionId: session, Seq: ++this.seq, OpId: op.OpId, Kind: op.Kind, RowId: op.RowId, Fields: op.Fields, Author: me, Overwrites: [] } as unknown as AppliedOp;
    this.log.push(applied);
    return { OpId: op.OpId, Seq: applied.Seq, Outcome: 'applied', Error: null, Overwrites: [] } as unknown as Ack;
  }
}

function client(transport: FakeTransport, stored: QueueState = { queue: [], rejected: [] }) {
  const saved: QueueState[] = [];
  const engine = new SyncEngine(me.UserId, me.OrganisationId, session);
  const sync = new SyncClient(engine, transport, { load: () => stored, save: s => saved.push(JSON.parse(JSON.stringify(s))) },
    { joined: () => {}, answered: () => {} }, 1);
  return { engine, sync, saved };
}

test('an edit made before the join waits, then goes after the join; a failed call and a rate_limited answer send the same op id again', async () => {
  const transport = new FakeTransport();
  const { engine, sync, saved } = client(transport);
  transport.connected = false;
  const op = sync.edit('row.update', row, { notes: 'luring' });
  await sync.flush();
  assert.equal(transport.sent.length, 0);
  assert.deepEqual(saved.at(-1)!.queue.map(q => q.OpId), [op.OpId]);

  transport.connected = true;
  transport.answers = [() => new Error('connection lost'), () => ({ OpId: op.OpId, Seq: 0, Outcome: 'rejected', Error: { Code: 'rate_limited', Message: 'x', Field: null }, Overwrites: [] }) as unknown as Ack];
  await sync.joinAndFlush();
  assert.deepEqual(transport.joins, [0]);
  assert.equal(transport.sent.length, 1, 'the failed call stops the flush; the op stays first');
  assert.deepEqual(engine.stored.queue.map(q => q.OpId), [op.OpId]);
  await sync.flush();
  assert.deepEqual(transport.sent.map(s => s.OpId), [op.OpId, op.OpId, op.OpId]);
  assert.deepEqual(engine.stored.queue, []);
  assert.deepEqual([...engine.acked.keys()], [op.OpId]);
  assert.deepEqual(saved.at(-1)!.queue, []);
});

test('a gap in the pushes starts a join from the last sequence seen, and the queue kept across a reload goes after it', async () => {
  const transport = new FakeTransport();
  const kept: SubmitOp = { SessionId: session, OpId: '0e000000-0000-0000-0000-000000000009', Kind: 'row.update', RowId: row, Fields: { notes: 'tersimpan' }, BaseSeq: 1 };
  const { engine, sync } = client(transport, { queue: [kept], rejected: [] });
  transport.connected = false;
  const other = { ...me, UserId: 'b0b00000-0000-0000-0000-000000000002' };
  const push = (seq: number, notes: string) => ({ SessionId: session, Seq: seq, OpId: crypto.randomUUID(), Kind: 'row.update', RowId: row, Fields: { notes }, Author: other, Overwrites: [] }) as unknown as AppliedOp;
  transport.log = [push(2, 'dua'), push(3, 'tiga')];
  transport.seq = 3;
  transport.connected = true;
  transport.answers = [op => { transport.connected = false; return transport.apply(op); }];
  await sync.joinAndFlush();
  assert.deepEqual(transport.joins, [0]);
  assert.equal(engine.seq, 3);
  assert.deepEqual(transport.sent.map(s => s.OpId), [kept.OpId]);

  transport.connected = true;
  transport.log.push(push(5, 'lima'), push(6, 'enam'));
  transport.seq = 6;
  sync.receive(transport.log.at(-1)!);
  await new Promise(resolve => setTimeout(resolve, 0));
  assert.deepEqual(transport.joins, [0, 3]);
  assert.equal(engine.seq, 6);
  assert.equal(engine.rows.get(row)!.fields.notes, 'enam');
  assert.equal(engine.pendingCount, 0);
});

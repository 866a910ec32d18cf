// Runs the sync engine's conformance vectors (KerjaSama.Planning.Sync/vectors/*.json, shared with the C# engine's
// tests) against the board's engine: `npm test` bundles this file with esbuild and runs it with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyncEngine, type ReplicaRow } from '../src/sync/engine';
import type { Ack, AppliedOp, JoinResult, SubmitOp } from '../src/contracts.g';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = process.env.KERJASAMA_SYNC_VECTORS ?? join(process.cwd(), '..', '..', 'KerjaSama.Planning.Sync', 'vectors');
const files = readdirSync(dir).filter(f => f.endsWith('.json')).sort();

test('the vectors are there', () => assert.ok(files.length >= 10, `${files.length} vectors in ${dir}`));

for (const file of files) {
  const vector = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
  test(`${vector.name}: ${vector.description}`, () => {
    const engine = new SyncEngine(vector.me.userId, vector.me.organisationId, vector.sessionId);
    vector.steps.forEach((step: Json, i: number) => {
      const at = `${vector.name}, step ${i + 1} (${step.do ?? 'check'})`;
      if (step.check) check(engine, step.check, at);
      else run(engine, step, at);
    });
  });
}

function run(engine: SyncEngine, step: Json, at: string): void {
  switch (step.do) {
    case 'beginJoin': return assert.equal(engine.beginJoin(), step.expect, at);
    case 'completeJoin': return assert.equal(engine.completeJoin(step.join as JoinResult), step.expect, at);
    case 'receive': return assert.equal(engine.receive(step.op as AppliedOp), step.expect, at);
    case 'disconnected': return engine.disconnected();
    case 'restore': return engine.restore({ queue: step.queue as SubmitOp[], rejected: step.rejected });
    case 'edit': return assert.equal(engine.edit(step.kind, step.rowId, step.fields, step.opId).BaseSeq, step.expectBaseSeq, at);
    case 'next': return assert.equal(engine.next()?.OpId ?? null, step.expect, at);
    case 'acknowledge': {
      const op = engine.stored.queue.find(q => q.OpId === step.opId);
      assert.ok(op, `${at}: op ${step.opId} is not in the queue`);
      return assert.equal(engine.acknowledge(op, step.ack as Ack), step.expect, at);
    }
    case 'dismiss': return assert.equal(engine.dismissRejected(step.opId)?.opId ?? null, step.expect, at);
    default: assert.fail(`${at}: unknown step`);
  }
}

function check(engine: SyncEngine, c: Json, at: string): void {
  if ('seq' in c) assert.equal(engine.seq, c.seq, `${at}: seq`);
  if ('joined' in c) assert.equal(engine.joined, c.joined, `${at}: joined`);
  if ('rows' in c) assert.deepEqual(engine.snapshot().rows, c.rows, `${at}: rows`);
  if ('queue' in c) assert.deepEqual(engine.stored.queue.map(q => q.OpId), c.queue, `${at}: queue`);
  if ('acked' in c) assert.deepEqual([...engine.acked.keys()].sort(), [...c.acked].sort(), `${at}: acked`);
  if ('pendingCount' in c) assert.equal(engine.pendingCount, c.pendingCount, `${at}: pendingCount`);
  if ('rejected' in c) assert.deepEqual(engine.stored.rejected.map(r => pick(r, c.rejected[0])), c.rejected, `${at}: rejected`);
  if ('notices' in c) assert.deepEqual(engine.notices.map(n => pick(n, c.notices[0])), c.notices, `${at}: notices`);
  if ('view' in c) {
    const view = engine.viewRows();
    assert.deepEqual(view.map(r => r.id), c.view.map((r: Json) => r.id), `${at}: view rows`);
    c.view.forEach((expected: Json, i: number) => {
      const row: ReplicaRow = view[i];
      if ('owner' in expected) assert.equal(row.owner, expected.owner, `${at}: view ${row.id} owner`);
      if ('fields' in expected) assert.deepEqual(row.fields, expected.fields, `${at}: view ${row.id} fields`);
      if ('pending' in expected) assert.equal(row.pending ?? false, expected.pending, `${at}: view ${row.id} pending`);
      if ('pendingFields' in expected) assert.deepEqual([...(row.pendingFields ?? [])].sort(), expected.pendingFields, `${at}: view ${row.id} pendingFields`);
    });
  }
}

/** The members of `actual` that the vector names (a vector's list names the same members in every entry). */
function pick(actual: object, shape: Json): Json {
  if (!shape) return actual;
  const a = actual as Record<string, unknown>;
  return Object.fromEntries(Object.keys(shape).map(k => [k, a[k] ?? null]));
}

// The replay page's logic without the DOM (board/history.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Bucket, type ReplayView, type Step, type TimelineView,
  barPercent, bucketTitle, busiest, changedFields, changes, clampSeq, entryClass, kindLabel, momentLabel, normaliseConfig, positionText, startSeq,
} from '../src/board/history';
import { keyFields } from '../src/fields';
import { en, id, values } from './board-fixture';

const view = (atSeq: number, lastSeq: number, rows = 0): ReplayView => ({ exerciseId: 'e', atSeq, lastSeq, at: null, rows: Array(rows).fill(null), step: null });
const timeline = (lastSeq: number): TimelineView => ({ firstSeq: 1, lastSeq, bucketSeconds: 60, buckets: [], sessions: [], organisations: [] });
const step = (kind: string, fields: Step['fields']): Step =>
  ({ seq: 4, at: '', kind, rowId: 'r1', sessionId: 's', author: { userId: 'u', displayName: 'Budi', organisationId: 'o', organisationName: 'DLH' }, fields, previous: {} });

test('the scrubber holds a position to whole steps between 0 and the last', () => {
  assert.equal(clampSeq(-3, 10), 0);
  assert.equal(clampSeq(4.6, 10), 5);
  assert.equal(clampSeq(12, 10), 10);
});

test('a session\'s replay starts at its last op; an exercise\'s (or an empty session\'s) at the exercise\'s', () => {
  assert.equal(startSeq('s', timeline(7), view(12, 12)), 7);
  assert.equal(startSeq('s', timeline(0), view(12, 12)), 12);
  assert.equal(startSeq(null, timeline(7), view(12, 12)), 12);
});

test('a step lists every changed field with both values as shown, nothing as ∅', () => {
  const c = changes(en, values(), { affairCode: '1.03', notes: null, custom: 'x' }, { affairCode: '2.11' });
  assert.deepEqual(c, [
    { field: 'affairCode', label: 'Affair', before: '2.11 Lingkungan Hidup', after: '1.03 Pekerjaan Umum' },
    { field: 'notes', label: 'Notes', before: '∅', after: '∅' },
    { field: 'custom', label: 'custom', before: '∅', after: 'x' },
  ]);
  assert.equal(changes(id, values('id'), { potential: 'a' }, null)[0].before, '∅');
});

test('a new row marks every key field changed; an update only its own', () => {
  assert.deepEqual([...changedFields(step('row.add', { potential: 'a' }))], keyFields.map(f => f.name));
  assert.deepEqual([...changedFields(step('row.update', { potential: 'a' }))], ['potential']);
  assert.equal(changedFields(null).size, 0);
});

test('labels, the position line and the timeline bars', () => {
  assert.equal(momentLabel(id, 'locked'), 'dikunci');
  assert.equal(momentLabel(en, 'reopened'), 'reopened');
  assert.equal(kindLabel(en, 'row.add'), 'added a row');
  assert.equal(kindLabel(id, 'row.remove'), 'menghapus baris');
  assert.equal(kindLabel(en, 'row.update'), 'changed');
  assert.equal(positionText(en, view(3, 9, 2), ''), 'Step 3 of 9 · 2 rows');
  assert.equal(positionText(id, view(3, 9, 2), '07/12/26 01.00'), 'Langkah 3 dari 9 · 07/12/26 01.00 · 2 baris');
  const buckets = [{ ops: 2, byOrganisation: [{ name: 'DLH', ops: 2 }] }, { ops: 8, byOrganisation: [] }] as unknown as Bucket[];
  assert.equal(busiest(buckets), 8);
  assert.equal(busiest([]), 1);
  assert.equal(barPercent(2, 8), 25);
  assert.equal(bucketTitle('t0', buckets[0]), 't0 – 2 op (DLH: 2)');
  assert.equal(bucketTitle('t1', buckets[1]), 't1 – 8 op');
});

test('history entries after the shown step are the future, the shown one current', () => {
  assert.deepEqual([2, 5, 7].map(seq => entryClass(seq, 5)), [null, 'current', 'future']);
});

test('the page\'s ids are made lower-case; no session stays none', () => {
  const c = normaliseConfig({ exerciseId: 'AB', exerciseTitle: 'T', language: 'id', sessionId: 'CD', organisationId: 'EF', organisationName: 'X' });
  assert.deepEqual([c.exerciseId, c.sessionId, c.organisationId, c.exerciseTitle], ['ab', 'cd', 'ef', 'T']);
  assert.equal(normaliseConfig({ ...c, sessionId: null }).sessionId, null);
});

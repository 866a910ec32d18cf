// The queue kept in localStorage (board/storage.ts) and the reconnect delays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextRetryDelay, parseStored, reconnectDelay, storageKey, storedText } from '../src/board/storage';

test('the key holds the session and user without dashes, lower-case', () => {
  assert.equal(storageKey('5E550000-0000-0000-0000-000000000001', 'a11ce000-0000-0000-0000-000000000001'),
    'kerjasama.board.5e550000000000000000000000000001.a11ce000000000000000000000000001');
});

test('what was stored comes back; nothing, garbage or a wrong shape comes back empty', () => {
  const state = { queue: [{ SessionId: 's', OpId: 'o', Kind: 'row.update', RowId: 'r', Fields: { potential: 'x' }, BaseSeq: 3 }], rejected: [] };
  assert.deepEqual(parseStored(JSON.stringify(state)), state);
  assert.deepEqual(parseStored(null), { queue: [], rejected: [] });
  assert.deepEqual(parseStored('{not json'), { queue: [], rejected: [] });
  assert.deepEqual(parseStored('null'), { queue: [], rejected: [] });
  assert.deepEqual(parseStored('{"queue":"x","rejected":[{"opId":"o"}]}'), { queue: [], rejected: [{ opId: 'o' }] });
});

test('an empty state removes the entry; anything else is stored as JSON', () => {
  assert.equal(storedText({ queue: [], rejected: [] }), null);
  const state = { queue: [], rejected: [{ opId: 'o', rowId: 'r', field: 'potential', code: 'field_too_long', message: 'm', wasQueued: true }] };
  assert.deepEqual(JSON.parse(storedText(state)!), state);
});

test('the connect loop doubles its wait up to 8 s; automatic reconnects wait 250, 500, 750 ms, then 2 s', () => {
  assert.deepEqual([1000, 2000, 4000, 8000].map(nextRetryDelay), [2000, 4000, 8000, 8000]);
  assert.deepEqual([0, 1, 2, 3, 10].map(reconnectDelay), [250, 500, 750, 2000, 2000]);
});

// The grid without the DOM (board/grid.ts): filters, groups, the drawn window and keyboard moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SearchIndex, cellId, editorId, filterChoices, firstRowFrom, layout, matches, noFilters, revealScroll, rowIdsOf, rowSearchText, rowStep, sideField,
  stepRow, str, windowOf,
} from '../src/board/grid';
import { agency, own, row, values } from './board-fixture';

const rows = [
  row('r1', own, { affairCode: '2.11', potential: 'Pengelolaan sampah', status: 'diusulkan' }),
  row('r2', agency, { affairCode: '1.03', potential: 'Air bersih', status: 'diverifikasi' }),
  row('r3', own, { potential: 'Tanpa urusan' }),
  row('r4', own, { affairCode: '2.11', potential: 'Bank sampah', status: 'diverifikasi' }),
];
const text = (r: typeof rows[number]) => String(r.fields.potential ?? '').toLowerCase();

test('values compare as text: codes as they are, anything else as JSON, nothing as empty', () => {
  assert.equal(str('1.03'), '1.03');
  assert.equal(str(null), '');
  assert.equal(str(undefined), '');
  assert.equal(str(['63']), '["63"]');
});

test('rows group by affair in code order, the group without an affair first, rows in their order', () => {
  const { items, index } = layout(rows, noFilters(), new Set(), text);
  assert.deepEqual(items.map(i => i.kind === 'group' ? `g:${i.key}:${i.count}` : i.row.id), ['g::1', 'r3', 'g:1.03:1', 'r2', 'g:2.11:2', 'r1', 'r4']);
  assert.equal(index.get('r4'), 6);
  assert.equal(index.has('g'), false);
});

test('a collapsed group keeps its header and count but not its rows', () => {
  const { items, index } = layout(rows, noFilters(), new Set(['2.11']), text);
  assert.deepEqual(items.map(i => i.kind === 'group' ? `g:${i.key}:${i.count}` : i.row.id), ['g::1', 'r3', 'g:1.03:1', 'r2', 'g:2.11:2']);
  assert.equal(index.has('r1'), false);
});

test('filters on affair, organisation, status and text all apply; the text is trimmed and case-blind', () => {
  const only = (f: Partial<ReturnType<typeof noFilters>>) => rows.filter(r => matches(r, { ...noFilters(), ...f }, text)).map(r => r.id);
  assert.deepEqual(only({ affair: '2.11' }), ['r1', 'r4']);
  assert.deepEqual(only({ organisation: agency }), ['r2']);
  assert.deepEqual(only({ status: 'diverifikasi' }), ['r2', 'r4']);
  assert.deepEqual(only({ text: '  SAMPAH ' }), ['r1', 'r4']);
  assert.deepEqual(only({ affair: '2.11', status: 'diverifikasi', text: 'bank' }), ['r4']);
  assert.deepEqual(only({ text: 'nothing like it' }), []);
});

test('the filter choices are the affairs (sorted) and owners the rows have', () => {
  assert.deepEqual(filterChoices(rows), { affairs: ['', '1.03', '2.11'], owners: [own, agency] });
});

test('the search looks in every field as shown and in the owner\'s label, once per row version and epoch', () => {
  const v = values();
  const r = row('r9', agency, { affairCode: '1.03', partnerRegionCodes: ['64'] });
  assert.match(rowSearchText(v, r), /1\.03 Pekerjaan Umum/);
  assert.match(rowSearchText(v, r), /Kalimantan Timur/);
  assert.match(rowSearchText(v, r), /DLH$/);
  let calls = 0;
  const index = new SearchIndex(x => { calls++; return rowSearchText(v, x); });
  assert.match(index.text(r, 1), /pekerjaan umum/);
  index.text(r, 1);
  assert.equal(calls, 1);
  index.text({ ...r, ver: 2 }, 1);
  index.text({ ...r, ver: 2 }, 2);
  assert.equal(calls, 3);
});

test('arrows and pages move between rows past group headers, and stop at either end', () => {
  const { items, index } = layout(rows, noFilters(), new Set(), text);
  assert.equal(stepRow(items, index, 'r3', 1), 'r2');
  assert.equal(stepRow(items, index, 'r2', 1), 'r1');
  assert.equal(stepRow(items, index, 'r1', -1), 'r2');
  assert.equal(stepRow(items, index, 'r3', -1), null);
  assert.equal(stepRow(items, index, 'r4', 1), null);
  assert.equal(stepRow(items, index, 'r3', 20), 'r4');
  assert.equal(stepRow(items, index, 'r4', -3), 'r2');
  assert.equal(stepRow(items, index, 'gone', 1), null);
  assert.deepEqual(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Enter'].map(rowStep), [1, -1, 20, -20, null]);
});

test('left and right move between key fields and stop at the ends', () => {
  assert.equal(sideField('affairCode', 'ArrowRight'), 'potential');
  assert.equal(sideField('potential', 'ArrowLeft'), 'affairCode');
  assert.equal(sideField('affairCode', 'ArrowLeft'), null);
  assert.equal(sideField('status', 'ArrowRight'), null);
  assert.equal(sideField('notes', 'ArrowRight'), null);
  assert.equal(sideField('potential', 'ArrowDown'), null);
});

test('the drawn window covers the viewport and eight rows either side, within the list', () => {
  assert.deepEqual(windowOf(0, 30, 280, 100), { first: 0, last: 18 });
  assert.deepEqual(windowOf(30 + 28 * 50, 30, 280, 100), { first: 42, last: 68 });
  assert.deepEqual(windowOf(30 + 28 * 95, 30, 280, 100), { first: 87, last: 100 });
  assert.deepEqual(windowOf(0, 0, 0, 1000), { first: 0, last: 30 });
});

test('revealing a row scrolls only when it is out of view, to its nearest edge', () => {
  assert.equal(revealScroll(5, 30, 0, 280), null);
  assert.equal(revealScroll(2, 30, 28 * 10, 280), 56);
  assert.equal(revealScroll(20, 30, 0, 280), 20 * 28 + 30 + 28 - 280);
});

test('the top row is the first row at or below an index; row ids skip headers', () => {
  const { items } = layout(rows, noFilters(), new Set(), text);
  assert.equal(firstRowFrom(items, 0), 'r3');
  assert.equal(firstRowFrom(items, 2), 'r2');
  assert.equal(firstRowFrom(items, 7), null);
  assert.deepEqual(rowIdsOf(items), ['r3', 'r2', 'r1', 'r4']);
});

test('cell and editor ids hold the row id without dashes', () => {
  assert.equal(cellId('10000000-0000-0000-0000-000000000001', 'potential'), 'c-10000000000000000000000000000001-potential');
  assert.equal(editorId('10000000-0000-0000-0000-000000000001', 'status'), 'e-10000000000000000000000000000001-status');
});

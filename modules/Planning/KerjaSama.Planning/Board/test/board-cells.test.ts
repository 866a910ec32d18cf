// What a cell shows (board/cells.ts): value, pending and refused states, and who else is on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellMarkerSig, cellState, errorKey, focusByRow, notContributed, peopleOn, personTitle, presenceSig, rejectionError, rowMarkerSig } from '../src/board/cells';
import { fieldByName } from '../src/fields';
import type { Participant } from '../src/contracts.g';
import { agency, me, own, partner, row, values } from './board-fixture';

const person = (userId: string, name: string, rowId: string | null, field: string | null): Participant =>
  ({ UserId: userId, DisplayName: name, OrganisationId: agency, OrganisationName: 'DLH', Role: 'agency_contributor', FocusRowId: rowId, FocusField: field });

test('a cell shows its value as the board labels it, and its signature changes with what it shows', () => {
  const v = values();
  const affair = fieldByName.get('affairCode')!;
  const r = row('r1', own, { affairCode: '1.03' });
  const s = cellState(v, r, affair, true, undefined);
  assert.deepEqual({ ...s, sig: undefined }, { editable: true, pending: false, display: '1.03 Pekerjaan Umum', error: null, sig: undefined });
  assert.notEqual(cellState(v, r, affair, false, undefined).sig, s.sig);
  assert.notEqual(cellState(v, row('r1', own, { affairCode: '2.11' }), affair, true, undefined).sig, s.sig);
});

test('a field this user changed and the server has not confirmed is pending; others of the row are not', () => {
  const v = values();
  const r = row('r1', own, { potential: 'a', notes: 'b' }, { pendingFields: new Set(['potential']) });
  assert.equal(cellState(v, r, fieldByName.get('potential')!, true, undefined).pending, true);
  assert.equal(cellState(v, r, fieldByName.get('notes')!, true, undefined).pending, false);
});

test('a refused field shows the refused value (as labelled) and the reason', () => {
  const v = values();
  const regions = fieldByName.get('partnerRegionCodes')!;
  const s = cellState(v, row('r1', own, {}), regions, true, { text: 'Unknown region (unknown_region)', value: ['63'] });
  assert.equal(s.error, '«Kalimantan Selatan»: Unknown region (unknown_region)');
  assert.notEqual(s.sig, cellState(v, row('r1', own, {}), regions, true, undefined).sig);
  assert.deepEqual(rejectionError({ opId: 'o', rowId: 'r1', field: 'potential', code: 'field_too_long', message: 'Too long', wasQueued: false }),
    { text: 'Too long (field_too_long)', value: null });
  assert.equal(errorKey('r1', 'potential'), 'r1|potential');
});

test('focus markers group other people by row (ids lower-case), leaving out this user and people on no row', () => {
  const byRow = focusByRow([
    person(me.toUpperCase(), 'Me', 'R1', 'potential'),
    person('u2', 'Budi Santoso', 'R1', 'potential'),
    person('u3', 'Citra', 'r1', 'status'),
    person('u4', 'Dewi', null, null),
    person('u5', 'Eka', 'r2', null),
  ], me);
  assert.deepEqual([...byRow.keys()], ['r1', 'r2']);
  assert.deepEqual(byRow.get('r1')!.map(p => p.UserId), ['u2', 'u3']);
  assert.deepEqual(peopleOn(byRow.get('r1')!, 'status').map(p => p.UserId), ['u3']);
});

test('marker signatures change when someone moves field or leaves; the presence list ignores the row', () => {
  const a = [person('u2', 'Budi', 'r1', 'potential')];
  const b = [person('u2', 'Budi', 'r1', 'status')];
  assert.notEqual(rowMarkerSig(a), rowMarkerSig(b));
  assert.equal(cellMarkerSig(a), cellMarkerSig(b));
  assert.notEqual(cellMarkerSig(a), cellMarkerSig([]));
  assert.equal(presenceSig([person('u2', 'Budi', 'r1', 'potential')]), presenceSig([person('u2', 'Budi', 'r9', 'potential')]));
  assert.notEqual(presenceSig(a), presenceSig(b));
  assert.equal(personTitle(a[0]), 'Budi (DLH)');
});

test('"not contributed yet" lists the invited organisations without a row, in invitation order', () => {
  assert.deepEqual(notContributed([partner, own, agency], [row('r1', own, {}), row('r2', own, {})]), [partner, agency]);
  assert.deepEqual(notContributed([own], [row('r1', own, {})]), []);
});

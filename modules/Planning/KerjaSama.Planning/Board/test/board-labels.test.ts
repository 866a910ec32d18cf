// The board's words (board/labels.ts): Bahasa Indonesia first, English when the page is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  affairLabel, connectionText, emptyText, fieldErrorText, fieldLabel, focusLine, opSummary, overwriteText, readOnlyReason, removedText,
  revokedMessage, stateLabel, unsentText,
} from '../src/board/labels';
import { en, id, values } from './board-fixture';

test('session states and connections have their words; anything else reads as connecting', () => {
  assert.equal(stateLabel(id, 'open'), 'Sesi terbuka');
  assert.equal(stateLabel(en, 'locked'), 'Session locked');
  assert.equal(stateLabel(en, 'closed'), 'Session closed');
  assert.equal(stateLabel(id, ''), 'Menghubungkan…');
  assert.equal(connectionText(id, 'offline'), 'Luring');
  assert.equal(connectionText(en, 'reconnecting'), 'Reconnecting…');
  assert.equal(connectionText(en, 'connected'), 'Connected');
  assert.equal(connectionText(en, 'connecting'), 'Connecting…');
});

test('the read-only reason names the observer first, then the closed session, then the lock', () => {
  assert.match(readOnlyReason(en, false, 'closed'), /observer/);
  assert.match(readOnlyReason(en, true, 'closed'), /session is closed/);
  assert.match(readOnlyReason(id, true, 'locked'), /dikunci fasilitator/);
});

test('fields are named in the page language, unknown ones by their name', () => {
  assert.equal(fieldLabel(id, 'potential'), 'Potensi');
  assert.equal(fieldLabel(en, 'partnerRegionCodes'), 'Partner regions');
  assert.equal(fieldLabel(en, 'somethingNew'), 'somethingNew');
});

test('a queued edit reads as a new row, a removal, or its fields with their shown values', () => {
  const v = values();
  assert.equal(opSummary(en, v, 'row.add', { affairCode: '1.03' }), 'New row');
  assert.equal(opSummary(id, v, 'row.remove', {}), 'Hapus baris');
  assert.equal(opSummary(en, v, 'row.update', { affairCode: '1.03', partnerRegionCodes: ['63', '99'] }),
    'Affair: 1.03 Pekerjaan Umum, Partner regions: Kalimantan Selatan, 99');
});

test('the grid\'s empty line tells loading from no rows from no match', () => {
  assert.equal(emptyText(en, false, true), 'Loading the board…');
  assert.equal(emptyText(en, true, false), 'No rows yet.');
  assert.equal(emptyText(id, true, true), 'Tidak ada baris yang cocok dengan saringan.');
  assert.equal(unsentText(id, 3), '3 belum terkirim');
});

test('groups without an affair say so; others show the affair with its name', () => {
  const v = values();
  assert.equal(affairLabel(id, v, ''), '(tanpa urusan)');
  assert.equal(affairLabel(en, v, '2.11'), '2.11 Lingkungan Hidup');
  assert.equal(affairLabel(en, v, '9.99'), '9.99');
});

test('side panel sentences name who did it and the field', () => {
  assert.equal(removedText(en, 'Budi (DLH)', 'potential'), 'Budi (DLH) removed this row. Your text for Potential is kept here for copying:');
  assert.equal(overwriteText(id, { id: 1, by: 'Budi', organisationName: 'DLH', rowId: 'r', field: 'status', yours: 'a', theirs: 'b' }),
    'Budi (DLH) menimpa nilai Anda pada Status');
});

test('a refused value is quoted before the reason unless it shows as nothing', () => {
  assert.equal(fieldErrorText('abc', 'Too long (field_too_long)'), '«abc»: Too long (field_too_long)');
  assert.equal(fieldErrorText('', 'Required (required)'), 'Required (required)');
});

test('the focus line shows the field and value; its title is the value, or none when empty', () => {
  const v = values();
  assert.deepEqual(focusLine(en, v, 'affairCode', '1.03'), { text: 'Affair: 1.03 Pekerjaan Umum', title: '1.03 Pekerjaan Umum' });
  assert.deepEqual(focusLine(en, v, 'notes', null), { text: 'Notes: ', title: null });
});

test('a revoked invitation is explained in the page language after its code', () => {
  assert.equal(revokedMessage('invitation_revoked', 'en'), 'invitation_revoked: your organisation is no longer invited to this mapping exercise.');
  assert.match(revokedMessage('invitation_revoked', 'id'), /^invitation_revoked: organisasi Anda/);
});

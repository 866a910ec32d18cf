// Who may do what on the board (board/access.ts): the server decides, the board hides what it would refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canContribute, canEditField, canEditRow, canFacilitate, canRemoveRow, canWrite, sessionActions } from '../src/board/access';
import { fieldByName } from '../src/fields';
import { agency, own } from './board-fixture';

const potential = fieldByName.get('potential')!;
const status = fieldByName.get('status')!;
const yearlyPlans = fieldByName.get('yearlyPlans')!;

test('facilitators are the secretariat and facilitators; observers and the role-less do not contribute', () => {
  assert.equal(canFacilitate('secretariat_admin'), true);
  assert.equal(canFacilitate('facilitator'), true);
  assert.equal(canFacilitate('agency_contributor'), false);
  assert.equal(canContribute('agency_contributor'), true);
  assert.equal(canContribute('observer'), false);
  assert.equal(canContribute(''), false);
});

test('contributors write while the session is open, facilitators also while it is locked, nobody once it is closed', () => {
  assert.equal(canWrite('agency_contributor', 'open'), true);
  assert.equal(canWrite('agency_contributor', 'locked'), false);
  assert.equal(canWrite('facilitator', 'locked'), true);
  assert.equal(canWrite('facilitator', 'closed'), false);
  assert.equal(canWrite('observer', 'open'), false);
  assert.equal(canWrite('agency_contributor', ''), false);
});

test('a contributor edits and removes only its own rows; a facilitator edits every row but removes only its own', () => {
  const contributor = { role: 'agency_contributor', state: 'open', organisationId: own };
  const facilitator = { role: 'facilitator', state: 'open', organisationId: own };
  assert.equal(canEditRow(contributor, own), true);
  assert.equal(canEditRow(contributor, agency), false);
  assert.equal(canEditRow(facilitator, agency), true);
  assert.equal(canRemoveRow(contributor, own), true);
  assert.equal(canRemoveRow(facilitator, agency), false);
  assert.equal(canRemoveRow({ ...contributor, state: 'locked' }, own), false);
});

test('the status is the facilitator\'s, read-only fields are nobody\'s', () => {
  const contributor = { role: 'agency_contributor', state: 'open', organisationId: own };
  const facilitator = { role: 'facilitator', state: 'open', organisationId: own };
  assert.equal(canEditField(contributor, own, potential), true);
  assert.equal(canEditField(contributor, own, status), false);
  assert.equal(canEditField(facilitator, agency, status), true);
  assert.equal(canEditField(facilitator, own, yearlyPlans), false);
  assert.equal(canEditField(contributor, agency, potential), false);
});

test('the facilitator locks an open session, unlocks a locked one, and closes either; a closed one has no buttons', () => {
  assert.deepEqual(sessionActions('open'), ['lock', 'close']);
  assert.deepEqual(sessionActions('locked'), ['unlock', 'close']);
  assert.deepEqual(sessionActions('closed'), []);
  assert.deepEqual(sessionActions(''), ['close']);
});

// The discussion and duplicate pairs of a row without the DOM (board/discussion.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DuplicatePair, RowComment } from '../src/contracts.g';
import {
  commentProblem, commentsOf, errorLine, maxLength, mayMerge, mayResolve, mentions, openPairsOf, otherRow, pairDecisions, pairStatusLabel, pairsWith,
  rowMarks, similarLine, worthChecking,
} from '../src/board/discussion';
import { agency, en, id, own, partner } from './board-fixture';

const author = (organisationId: string) => ({ UserId: 'u', DisplayName: 'Budi', OrganisationId: organisationId, OrganisationName: 'DLH' });
const comment = (commentId: string, rowId: string, from: string, mentioned: string[] = [], resolved = false): RowComment =>
  ({ CommentId: commentId, RowId: rowId, Kind: 'comment', Text: 't', MentionedOrganisationIds: mentioned, Author: author(from), At: null, Resolved: resolved, ResolvedBy: null });
const side = (rowId: string, owner: string) => ({ RowId: rowId, OwnerOrganisationId: owner, OrganisationName: '', Text: `text of ${rowId}` });
const pair = (pairId: string, a: string, b: string, status: string, ownerA = own, ownerB = agency): DuplicatePair =>
  ({ PairId: pairId, AffairCode: '2.11', Field: 'potential', Score: 0.8, RowA: side(a, ownerA), RowB: side(b, ownerB), Status: status, DecidedBy: null } as unknown as DuplicatePair);

const contributor = { organisationId: own, canContribute: true, canFacilitate: false };
const facilitator = { organisationId: partner, canContribute: true, canFacilitate: true };
const observer = { organisationId: own, canContribute: false, canFacilitate: false };

test('a row\'s comments and pairs are found by its id whatever the case of the server\'s guids', () => {
  const comments = [comment('c1', 'R1', own), comment('c2', 'r2', own), comment('c3', 'r1', agency)];
  assert.deepEqual(commentsOf(comments, 'r1').map(c => c.CommentId), ['c1', 'c3']);
  const pairs = [pair('p1', 'R1', 'r2', 'open'), pair('p2', 'r3', 'r1', 'dismissed'), pair('p3', 'r3', 'r4', 'open')];
  assert.deepEqual(pairsWith(pairs, 'r1').map(p => p.PairId), ['p1', 'p2']);
  assert.deepEqual(openPairsOf(pairs, 'r1').map(p => p.PairId), ['p1']);
  assert.equal(otherRow(pairs[1], 'r1').RowId, 'r3');
  assert.equal(otherRow(pairs[0], 'r1').RowId, 'r2');
});

test('linked and proposed pairs still call for attention; dismissed and merged ones do not', () => {
  const pairs = ['open', 'linked', 'merge_proposed', 'dismissed', 'merged'].map((s, i) => pair(`p${i}`, 'r1', `r${i + 2}`, s));
  assert.deepEqual(openPairsOf(pairs, 'r1').map(p => p.Status), ['open', 'linked', 'merge_proposed']);
});

test('a row\'s markers count open items, flag a mention of the caller, and change signature with a pair\'s status', () => {
  const comments = [comment('c1', 'r1', agency, [own.toUpperCase()]), comment('c2', 'r1', agency, [], true), comment('c3', 'r1', agency, [own], true)];
  const marks = rowMarks(comments, [pair('p1', 'r1', 'r2', 'open')], 'r1', own);
  assert.equal(marks.open, 1);
  assert.equal(marks.mentioned, true);
  assert.equal(marks.pairs.length, 1);
  assert.notEqual(marks.sig, rowMarks(comments, [pair('p1', 'r1', 'r2', 'linked')], 'r1', own).sig);
  assert.equal(rowMarks(comments, [], 'r1', partner).mentioned, false);
  assert.equal(mentions(comments[2], own), false);
});

test('an empty or too long comment is refused before it is sent', () => {
  assert.equal(commentProblem(en, ''), 'Write the comment first.');
  assert.equal(commentProblem(id, 'x'.repeat(maxLength + 1)), `Komentar paling banyak ${maxLength} karakter.`);
  assert.equal(commentProblem(en, 'x'.repeat(maxLength)), null);
});

test('authors resolve their comments, facilitators any, observers none', () => {
  assert.equal(mayResolve(comment('c', 'r', own), contributor), true);
  assert.equal(mayResolve(comment('c', 'r', agency), contributor), false);
  assert.equal(mayResolve(comment('c', 'r', agency), facilitator), true);
  assert.equal(mayResolve(comment('c', 'r', own), observer), false);
});

test('owners of either row decide on a pair; a contributor proposes merging, a facilitator merges instead', () => {
  const decisions = (status: string, caller: typeof contributor, ownerB = agency) => pairDecisions(pair('p', 'r1', 'r2', status, own, ownerB), caller).map(b => b.decision);
  assert.deepEqual(decisions('open', contributor), ['link', 'dismiss', 'propose_merge']);
  assert.deepEqual(decisions('linked', contributor), ['dismiss', 'propose_merge', 'reopen']);
  assert.deepEqual(decisions('merge_proposed', facilitator), ['link', 'dismiss', 'reopen']);
  assert.deepEqual(decisions('open', facilitator), ['link', 'dismiss']);
  assert.deepEqual(decisions('merged', facilitator), []);
  assert.deepEqual(decisions('open', { ...contributor, organisationId: partner }), []);
  assert.deepEqual(decisions('open', observer), []);
  assert.equal(mayMerge(pair('p', 'r1', 'r2', 'open'), facilitator), true);
  assert.equal(mayMerge(pair('p', 'r1', 'r2', 'merged'), facilitator), false);
  assert.equal(mayMerge(pair('p', 'r1', 'r2', 'open'), contributor), false);
});

test('statuses, similar rows and errors read in the page language', () => {
  assert.equal(pairStatusLabel(id, 'merge_proposed'), 'diusulkan digabung');
  assert.equal(pairStatusLabel(en, 'dismissed'), 'not a duplicate');
  assert.equal(pairStatusLabel(en, 'new_status'), 'new_status');
  assert.equal(similarLine(id, 'Air bersih', 'DLH'), 'Mirip dengan «Air bersih» (DLH)');
  assert.equal(errorLine({ Message: 'Not invited', Code: 'not_invited' }), 'Not invited (not_invited)');
  assert.equal(worthChecking('2.11', ' ab '), false);
  assert.equal(worthChecking('2.11', 'abc'), true);
  assert.equal(worthChecking(null, 'abcdef'), false);
});

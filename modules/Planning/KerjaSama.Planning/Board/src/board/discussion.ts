// The discussion and duplicate pairs of a row, without the DOM (talk.ts draws them): which comments and pairs belong
// to a row, what calls for attention, what the caller may decide on a pair, and the checks before a comment is sent.
import { DuplicateDecisions, DuplicateStatuses, type DuplicatePair, type RowComment } from '../contracts.g';
import type { Text } from '../config';

/** The server's limit (PostCommentRequest.MaxLength). */
export const maxLength = 2000;

export const lower = (s: string | null | undefined): string => (s ?? '').toLowerCase();

export const commentsOf = (comments: Iterable<RowComment>, rowId: string): RowComment[] => [...comments].filter(c => lower(c.RowId) === rowId);

/** Every pair a row is in (the panel lists them all, decided or not). */
export const pairsWith = (pairs: readonly DuplicatePair[], rowId: string): DuplicatePair[] =>
  pairs.filter(p => lower(p.RowA.RowId) === rowId || lower(p.RowB.RowId) === rowId);

/** The pairs a row is in that still call for attention (open, linked or proposed for merging). */
export const openPairsOf = (pairs: readonly DuplicatePair[], rowId: string): DuplicatePair[] =>
  pairsWith(pairs, rowId).filter(p => p.Status !== DuplicateStatuses.Dismissed && p.Status !== DuplicateStatuses.Merged);

/** The other side of a pair, seen from a row. */
export const otherRow = (p: DuplicatePair, rowId: string): DuplicatePair['RowA'] => lower(p.RowA.RowId) === rowId ? p.RowB : p.RowA;

/** An open comment that mentions the caller's organisation. */
export const mentions = (c: RowComment, organisationId: string): boolean =>
  !c.Resolved && (c.MentionedOrganisationIds ?? []).some(o => lower(o) === organisationId);

/** The markers of a row: open items, whether one mentions the caller, the pairs to look at, and their signature. */
export function rowMarks(comments: Iterable<RowComment>, pairs: readonly DuplicatePair[], rowId: string, organisationId: string):
  { open: number; mentioned: boolean; pairs: DuplicatePair[]; sig: string } {
  const open = commentsOf(comments, rowId).filter(c => !c.Resolved);
  const mentioned = open.some(c => mentions(c, organisationId));
  const attention = openPairsOf(pairs, rowId);
  return { open: open.length, mentioned, pairs: attention, sig: `${open.length}|${mentioned}|${attention.map(p => `${p.PairId}:${p.Status}`).join(',')}` };
}

/** Why a comment cannot be sent as typed, or null. */
export function commentProblem(t: Text, body: string): string | null {
  if (body.length === 0) return t('Tulis komentarnya dulu.', 'Write the comment first.');
  if (body.length > maxLength) return t(`Komentar paling banyak ${maxLength} karakter.`, `A comment has at most ${maxLength} characters.`);
  return null;
}

export interface Caller { organisationId: string; canContribute: boolean; canFacilitate: boolean }

/** Authors resolve their own comments, facilitators any; observers none. */
export const mayResolve = (c: RowComment, caller: Caller): boolean =>
  caller.canContribute && (lower(c.Author.OrganisationId) === caller.organisationId || caller.canFacilitate);

export interface PairButton { decision: string; id: string; en: string }

/** The decisions the caller may take on a pair: owners of either row and facilitators, until it is merged. */
export function pairDecisions(p: DuplicatePair, caller: Caller): PairButton[] {
  const authors = [lower(p.RowA.OwnerOrganisationId), lower(p.RowB.OwnerOrganisationId)];
  const may = caller.canContribute && (caller.canFacilitate || authors.includes(caller.organisationId));
  if (!may || p.Status === DuplicateStatuses.Merged) return [];
  const buttons: PairButton[] = [];
  if (p.Status !== DuplicateStatuses.Linked) buttons.push({ decision: DuplicateDecisions.Link, id: 'Tautkan', en: 'Link' });
  if (p.Status !== DuplicateStatuses.Dismissed) buttons.push({ decision: DuplicateDecisions.Dismiss, id: 'Bukan duplikat', en: 'Not a duplicate' });
  if (p.Status !== DuplicateStatuses.MergeProposed && !caller.canFacilitate) buttons.push({ decision: DuplicateDecisions.ProposeMerge, id: 'Usulkan gabung', en: 'Propose merge' });
  if (p.Status !== DuplicateStatuses.Open) buttons.push({ decision: DuplicateDecisions.Reopen, id: 'Buka lagi', en: 'Reopen' });
  return buttons;
}

/** Facilitators merge a pair into the row in view (consolidation's merge), unless it is merged already. */
export const mayMerge = (p: DuplicatePair, caller: Caller): boolean =>
  caller.canContribute && caller.canFacilitate && p.Status !== DuplicateStatuses.Merged;

export function pairStatusLabel(t: Text, status: string): string {
  const labels: Record<string, string> = {
    [DuplicateStatuses.Open]: t('terbuka', 'open'), [DuplicateStatuses.Linked]: t('terkait', 'linked'),
    [DuplicateStatuses.Dismissed]: t('bukan duplikat', 'not a duplicate'), [DuplicateStatuses.MergeProposed]: t('diusulkan digabung', 'merge proposed'),
    [DuplicateStatuses.Merged]: t('digabung', 'merged'),
  };
  return labels[status] ?? status;
}

/** The server's answer to a talk call as one line: message and code. */
export const errorLine = (error: { Message: string; Code: string }): string => `${error.Message} (${error.Code})`;

/** "Similar to «text» (organisation)": a hint while typing and a pair in the panel. */
export const similarLine = (t: Text, text: string, organisation: string): string => `${t('Mirip dengan', 'Similar to')} «${text}» (${organisation})`;

/** Similar rows are looked up for an affair once at least three characters are typed. */
export const worthChecking = (affair: unknown, typed: string): affair is string => typeof affair === 'string' && typed.trim().length >= 3;

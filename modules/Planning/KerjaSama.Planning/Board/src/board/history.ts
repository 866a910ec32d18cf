// The history and replay page's data and words, without the DOM (replay.ts draws them): the server's views, the
// labels of moments and op kinds, the position's line, the changed fields of a step, and the scrubber's bounds.
import type { FieldValue } from '../contracts.g';
import type { Text } from '../config';
import { fieldByName, keyFields } from '../fields';
import type { Values } from '../values';

export interface ReplayConfig { exerciseId: string; exerciseTitle: string; language: string; sessionId: string | null; organisationId: string; organisationName: string }
export interface Author { userId: string; displayName: string; organisationId: string; organisationName: string }
export interface RowSnapshot { rowId: string; ownerOrganisationId: string; fields: Record<string, FieldValue>; seq: number }
export interface Step { seq: number; at: string; kind: string; rowId: string; sessionId: string; author: Author; fields: Record<string, FieldValue>; previous: Record<string, FieldValue> }
export interface ReplayView { exerciseId: string; atSeq: number; lastSeq: number; at: string | null; rows: RowSnapshot[]; step: Step | null }
export interface OrganisationCount { organisationId: string; name: string; ops: number; rowsAdded: number; fieldsEdited: number; rowsRemoved: number }
export interface Bucket { from: string; to: string; firstSeq: number; lastSeq: number; ops: number; byOrganisation: OrganisationCount[] }
export interface Moment { kind: string; state: string; at: string; seq: number; byName: string | null }
export interface SessionLine { sessionId: string; moments: Moment[] }
export interface TimelineView { firstSeq: number; lastSeq: number; bucketSeconds: number; buckets: Bucket[]; sessions: SessionLine[]; organisations: OrganisationCount[] }
export interface HistoryEntry { seq: number; at: string; kind: string; rowId: string; author: Author; fields: Record<string, FieldValue>; previous: Record<string, FieldValue> }
export interface RowHistory { rowId: string; removed: boolean; entries: HistoryEntry[] }

export const momentLabel = (t: Text, kind: string): string =>
  ({ opened: t('dibuka', 'opened'), locked: t('dikunci', 'locked'), unlocked: t('dibuka kembali', 'unlocked'), closed: t('ditutup', 'closed') } as Record<string, string>)[kind] ?? kind;

export const kindLabel = (t: Text, kind: string): string =>
  kind === 'row.add' ? t('menambah baris', 'added a row') : kind === 'row.remove' ? t('menghapus baris', 'removed a row') : t('mengubah', 'changed');

/** The replay page's configuration with its ids lower-case (how the board compares guids). */
export function normaliseConfig(raw: ReplayConfig): ReplayConfig {
  const lower = (s: string | null) => (s ?? '').toLowerCase();
  return { ...raw, exerciseId: lower(raw.exerciseId), organisationId: lower(raw.organisationId), sessionId: raw.sessionId ? lower(raw.sessionId) : null };
}

/** A wanted position on the scrubber as a sequence: rounded and held to 0..last. */
export const clampSeq = (seq: number, last: number): number => Math.max(0, Math.min(last, Math.round(seq)));

/** Where a replay starts: a session's last op (later consolidation left out), else the exercise's last op. */
export const startSeq = (sessionId: string | null, timeline: TimelineView, view: ReplayView): number =>
  sessionId && timeline.lastSeq > 0 ? timeline.lastSeq : view.lastSeq;

/** One changed field of a step or history entry: its label and both values as shown (∅ for nothing). */
export interface Change { field: string; label: string; before: string; after: string }

export function changes(t: Text, values: Values, fields: Record<string, FieldValue>, previous: Record<string, FieldValue> | null | undefined): Change[] {
  return Object.keys(fields).map(field => {
    const f = fieldByName.get(field);
    return { field, label: f ? t(f.id, f.en) : field, before: values.display(field, previous?.[field]) || '∅', after: values.display(field, fields[field]) || '∅' };
  });
}

/** The key fields a step changed: all of them for a new row, else the step's fields. */
export const changedFields = (step: Step | null): Set<string> =>
  new Set(step?.kind === 'row.add' ? keyFields.map(f => f.name) : Object.keys(step?.fields ?? {}));

/** The line over the matrix: the step, the last step, when, and how many rows. */
export const positionText = (t: Text, view: ReplayView, at: string): string =>
  `${t('Langkah', 'Step')} ${view.atSeq} ${t('dari', 'of')} ${view.lastSeq}${at ? ` · ${at}` : ''} · ${view.rows.length} ${t('baris', 'rows')}`;

/** The ops of the busiest bucket (at least 1): the timeline's full height. */
export const busiest = (buckets: readonly Bucket[]): number => Math.max(1, ...buckets.map(b => b.ops));

/** A timeline bar's height in percent of the busiest bucket. */
export const barPercent = (ops: number, max: number): number => Math.round((ops / max) * 100);

export const bucketTitle = (from: string, b: Bucket): string => {
  const who = b.byOrganisation.map(o => `${o.name}: ${o.ops}`).join(', ');
  return `${from} – ${b.ops} op${who ? ` (${who})` : ''}`;
};

/** A history entry seen from the shown position: later (future), the shown step (current), or earlier (null). */
export const entryClass = (seq: number, shown: number): string | null => seq > shown ? 'future' : seq === shown ? 'current' : null;

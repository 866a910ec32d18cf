// The board's words: session state, connection, read-only reasons, field labels, summaries of queued edits and the
// side panel's sentences. Bahasa Indonesia first, English when the page is (config.ts's Text). No DOM.
import { MatrixFieldNames as F, OpKinds, SessionStates, type FieldValue } from '../contracts.g';
import type { Text } from '../config';
import { fieldByName } from '../fields';
import type { OverwriteNotice } from '../sync/engine';
import type { Values } from '../values';

export function stateLabel(t: Text, state: string): string {
  switch (state) {
    case SessionStates.Open: return t('Sesi terbuka', 'Session open');
    case SessionStates.Locked: return t('Sesi terkunci', 'Session locked');
    case SessionStates.Closed: return t('Sesi ditutup', 'Session closed');
    default: return t('Menghubungkan…', 'Connecting…');
  }
}

export function connectionText(t: Text, connection: string): string {
  switch (connection) {
    case 'connected': return t('Terhubung', 'Connected');
    case 'reconnecting': return t('Menyambung ulang…', 'Reconnecting…');
    case 'offline': return t('Luring', 'Offline');
    default: return t('Menghubungkan…', 'Connecting…');
  }
}

export function readOnlyReason(t: Text, canContribute: boolean, state: string): string {
  if (!canContribute) return t('Anda pengamat: papan hanya dapat dibaca.', 'You are an observer: the board is read-only.');
  if (state === SessionStates.Closed) return t('Sesi ditutup: papan hanya dapat dibaca.', 'The session is closed: the board is read-only.');
  return t('Sesi dikunci fasilitator: papan hanya dapat dibaca.', 'The facilitator locked the session: the board is read-only.');
}

/** A field's label in the page's language (the name itself for a field the board does not know). */
export function fieldLabel(t: Text, field: string): string {
  const f = fieldByName.get(field);
  return f ? t(f.id, f.en) : field;
}

/** One line of the edit queue: a new row, a removal, or the fields and values of an update. */
export function opSummary(t: Text, values: Values, kind: string, fields: Record<string, FieldValue>): string {
  if (kind === OpKinds.Add) return t('Baris baru', 'New row');
  if (kind === OpKinds.Remove) return t('Hapus baris', 'Remove row');
  return Object.entries(fields).map(([k, v]) => `${fieldLabel(t, k)}: ${values.display(k, v)}`).join(', ');
}

export const unsentText = (t: Text, count: number): string => t(`${count} belum terkirim`, `${count} unsent`);

/** What the grid says when it shows no row: loading, no rows at all, or none matching the filters. */
export function emptyText(t: Text, ready: boolean, anyRows: boolean): string {
  if (!ready) return t('Memuat papan…', 'Loading the board…');
  return anyRows ? t('Tidak ada baris yang cocok dengan saringan.', 'No rows match the filters.') : t('Belum ada baris.', 'No rows yet.');
}

/** A group's (and the affair filter's) label: the affair with its name, or "(no affair)". */
export const affairLabel = (t: Text, values: Values, code: string): string =>
  code.length === 0 ? t('(tanpa urusan)', '(no affair)') : values.display(F.AffairCode, code);

export const removedText = (t: Text, by: string, field: string): string =>
  t(`${by} menghapus baris ini. Teks Anda untuk ${fieldLabel(t, field)} tetap di sini untuk disalin:`,
    `${by} removed this row. Your text for ${fieldLabel(t, field)} is kept here for copying:`);

export const overwriteText = (t: Text, x: OverwriteNotice): string =>
  t(`${x.by} (${x.organisationName}) menimpa nilai Anda pada ${fieldLabel(t, x.field)}`, `${x.by} (${x.organisationName}) overwrote your value of ${fieldLabel(t, x.field)}`);

/** A rejected value next to its field: «value»: reason, or the reason alone when the value shows as nothing. */
export const fieldErrorText = (shownValue: string, reason: string): string => shownValue.length > 0 ? `«${shownValue}»: ${reason}` : reason;

/** The bar's line about the focused cell, and its tooltip (the full value). */
export function focusLine(t: Text, values: Values, field: string, value: FieldValue | undefined): { text: string; title: string | null } {
  const shown = values.display(field, value);
  return { text: `${fieldLabel(t, field)}: ${shown}`, title: shown.length > 0 ? shown : null };
}

export const revokedMessage = (code: string, language: string): string => `${code}: ` + (language === 'en'
  ? 'your organisation is no longer invited to this mapping exercise.'
  : 'organisasi Anda tidak lagi diundang ke pemetaan ini.');

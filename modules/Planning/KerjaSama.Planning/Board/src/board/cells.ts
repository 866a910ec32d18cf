// What a cell shows, without the DOM: its value as text, whether it is editable, pending (this user's edit not yet
// confirmed) or invalid (the server refused it), and who else has it in focus. The grid writes a cell again only
// when its signature changed.
import type { FieldValue, Participant } from '../contracts.g';
import type { BoardField } from '../fields';
import type { RejectedEdit, ReplicaRow as Row } from '../sync/engine';
import type { Values } from '../values';
import { fieldErrorText } from './labels';

/** A field the server refused: the reason and the refused value. */
export interface FieldError { text: string; value: FieldValue }

export interface CellState {
  editable: boolean;
  pending: boolean;
  display: string;
  /** The error line under the value (the refused value and the reason), or null. */
  error: string | null;
  /** Changes whenever any of the above does. */
  sig: string;
}

export function cellState(values: Values, row: Row, f: BoardField, editable: boolean, error: FieldError | undefined): CellState {
  const display = values.display(f.name, row.fields[f.name]);
  const pending = !!row.pendingFields?.has(f.name);
  const line = error ? fieldErrorText(values.display(f.name, error.value), error.text) : null;
  return { editable, pending, display, error: line, sig: `${editable}|${pending}|${display}|${error?.text ?? ''}` };
}

/** The other people with a row in focus, by row id (this user and people focused on no row left out). */
export function focusByRow(participants: readonly Participant[], me: string): Map<string, Participant[]> {
  const byRow = new Map<string, Participant[]>();
  for (const p of participants) {
    if (p.UserId.toLowerCase() === me || !p.FocusRowId) continue;
    const id = p.FocusRowId.toLowerCase();
    let list = byRow.get(id);
    if (!list) byRow.set(id, list = []);
    list.push(p);
  }
  return byRow;
}

export const rowMarkerSig = (people: readonly Participant[]): string => people.map(p => `${p.UserId}:${p.FocusField}:${p.DisplayName}`).join('|');

export const cellMarkerSig = (people: readonly Participant[]): string => people.map(p => `${p.UserId}:${p.DisplayName}`).join('|');

export const peopleOn = (people: readonly Participant[], field: string): Participant[] => people.filter(p => p.FocusField === field);

export const personTitle = (p: Participant): string => `${p.DisplayName} (${p.OrganisationName})`;

/** The presence list's signature: it is drawn again only when someone came, went, or moved to another field. */
export const presenceSig = (people: readonly Participant[]): string => JSON.stringify(people.map(p => [p.UserId, p.DisplayName, p.OrganisationName, p.FocusField]));

/** The invited organisations without a row yet (the facilitator's "not contributed yet"). */
export function notContributed(invited: readonly string[], rows: Iterable<Row>): string[] {
  const owners = new Set([...rows].map(r => r.owner));
  return invited.filter(o => !owners.has(o));
}

/** The key of a field's error in the model's map. */
export const errorKey = (rowId: string, field: string): string => `${rowId}|${field}`;

/** A rejection as the error shown at its field: the server's message with its code, and the refused value. */
export const rejectionError = (r: RejectedEdit): FieldError => ({ text: `${r.message} (${r.code})`, value: r.value ?? null });

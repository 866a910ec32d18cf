// The model of the grid, without the DOM: which rows pass the filters, how they group by affair and flatten into the
// virtualised list, which slice of that list is drawn, and where the keyboard goes from a row.
import { MatrixFieldNames as F, type FieldValue } from '../contracts.g';
import { n } from '../config';
import { boardFields, keyFields } from '../fields';
import type { Values } from '../values';
import type { ReplicaRow as Row } from '../sync/engine';

export const rowHeight = 28;
export const overscan = 8;
export const pageRows = 20;

export interface GroupItem { kind: 'group'; key: string; count: number }
export interface RowItem { kind: 'row'; row: Row }
export type Item = GroupItem | RowItem;

export interface Filters { affair: string; organisation: string; status: string; text: string }

export const noFilters = (): Filters => ({ affair: '', organisation: '', status: '', text: '' });

/** A field's value as the filters compare it (codes stay codes; anything else as its JSON). */
export const str = (v: FieldValue | undefined): string => v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

export const ordinal = (a: string, b: string): number => a < b ? -1 : a > b ? 1 : 0;

/** Whether a row passes the filters; <paramref name="searchText"/> gives the row's lower-case text for the search. */
export function matches(r: Row, filters: Filters, searchText: (r: Row) => string): boolean {
  const query = filters.text.trim().toLowerCase();
  if (filters.affair.length > 0 && str(r.fields[F.AffairCode]) !== filters.affair) return false;
  if (filters.organisation.length > 0 && r.owner !== filters.organisation) return false;
  if (filters.status.length > 0 && str(r.fields[F.Status]) !== filters.status) return false;
  return query.length === 0 || searchText(r).includes(query);
}

/** The rows that pass, grouped by affair (groups in code order, rows in their given order), collapsed groups without rows. */
export function layout(rows: readonly Row[], filters: Filters, collapsed: ReadonlySet<string>, searchText: (r: Row) => string): { items: Item[]; index: Map<string, number> } {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    if (!matches(r, filters, searchText)) continue;
    const affair = str(r.fields[F.AffairCode]);
    let g = groups.get(affair);
    if (!g) groups.set(affair, g = []);
    g.push(r);
  }
  const items: Item[] = [];
  const index = new Map<string, number>();
  for (const key of [...groups.keys()].sort(ordinal)) {
    const g = groups.get(key)!;
    items.push({ kind: 'group', key, count: g.length });
    if (collapsed.has(key)) continue;
    for (const r of g) {
      index.set(r.id, items.length);
      items.push({ kind: 'row', row: r });
    }
  }
  return { items, index };
}

/** The choices of the affair and organisation filters: the affairs (sorted) and owners the rows have. */
export function filterChoices(rows: readonly Row[]): { affairs: string[]; owners: string[] } {
  return { affairs: [...new Set(rows.map(r => str(r.fields[F.AffairCode])))].sort(ordinal), owners: [...new Set(rows.map(r => r.owner))] };
}

export const rowIdsOf = (items: readonly Item[]): string[] => items.flatMap(i => i.kind === 'row' ? [i.row.id] : []);

/** The first row at or after an index (the row at the top of the viewport), or null. */
export function firstRowFrom(items: readonly Item[], start: number): string | null {
  for (let i = Math.max(0, start); i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'row') return item.row.id;
  }
  return null;
}

/** The row <paramref name="step"/> rows away (clamped, skipping group headers in the direction of travel), or null when there is none other. */
export function stepRow(items: readonly Item[], index: ReadonlyMap<string, number>, fromRowId: string, step: number): string | null {
  const from = index.get(fromRowId);
  if (from === undefined) return null;
  let i = Math.min(Math.max(from + step, 0), items.length - 1);
  const dir = step > 0 ? 1 : -1;
  while (i >= 0 && i < items.length && items[i].kind !== 'row') i += dir;
  const item = items[i];
  if (!item || item.kind !== 'row' || item.row.id === fromRowId) return null;
  return item.row.id;
}

/** How many rows a key moves the focus (arrows one, pages twenty), or null for other keys. */
export function rowStep(key: string): number | null {
  switch (key) {
    case 'ArrowDown': return 1;
    case 'ArrowUp': return -1;
    case 'PageDown': return pageRows;
    case 'PageUp': return -pageRows;
    default: return null;
  }
}

/** The key field left or right of a key field, or null at either end (or for other keys and fields). */
export function sideField(field: string, key: string): string | null {
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return null;
  const at = keyFields.findIndex(f => f.name === field);
  const next = keyFields[at + (key === 'ArrowRight' ? 1 : -1)];
  return at >= 0 && next ? next.name : null;
}

/** The items drawn for a scroll position: those in the viewport and <see cref="overscan"/> either side. */
export function windowOf(scrollTop: number, theadHeight: number, clientHeight: number, count: number): { first: number; last: number } {
  const top = Math.max(0, scrollTop - theadHeight);
  const height = clientHeight || 600;
  return { first: Math.max(0, Math.floor(top / rowHeight) - overscan), last: Math.min(count, Math.ceil((top + height) / rowHeight) + overscan) };
}

/** The scroll position that brings the item at <paramref name="index"/> into the viewport, or null when it is in view. */
export function revealScroll(index: number, theadHeight: number, scrollTop: number, view: number): number | null {
  const top = index * rowHeight + theadHeight;
  if (top - theadHeight < scrollTop) return top - theadHeight;
  if (top + rowHeight > scrollTop + view) return top + rowHeight - view;
  return null;
}

/** The lower-case text of a row for the search box, kept per row version and label epoch (labels change when the Registry loads). */
export class SearchIndex {
  private readonly cache = new Map<string, { ver: number; epoch: number; text: string }>();

  constructor(private readonly textOf: (r: Row) => string) {}

  text(r: Row, epoch: number): string {
    const cached = this.cache.get(r.id);
    if (cached && cached.ver === r.ver && cached.epoch === epoch) return cached.text;
    const lower = this.textOf(r).toLowerCase();
    this.cache.set(r.id, { ver: r.ver, epoch, text: lower });
    return lower;
  }
}

/** A cell's element id (also the detail panel's cells), and its open editor's. */
export const cellId = (rowId: string, field: string): string => `c-${n(rowId)}-${field}`;
export const editorId = (rowId: string, field: string): string => `e-${n(rowId)}-${field}`;

/** What the search box looks in: every field as shown, and the owner. */
export const rowSearchText = (values: Values, r: Row): string =>
  boardFields.map(f => values.display(f.name, r.fields[f.name])).join(' ') + ' ' + values.ownerLabel(r.owner);

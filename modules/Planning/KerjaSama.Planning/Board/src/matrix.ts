// The virtualised matrix (fixed row height: only the rows in and near the viewport exist in the DOM; a row's cells are
// written only when that row changed; presence ticks touch only the focus markers). What is drawn comes from the
// DOM-free modules: board/grid.ts (filters, groups, the window), board/cells.ts (a cell's state), board/access.ts.
import type { Participant } from './contracts.g';
import { type BoardField, keyFields } from './fields';
import type { BoardModel, Row } from './model';
import type { Values } from './values';
import type { Text } from './config';
import { attr, h, initials, text } from './dom';
import { canEditField, canRemoveRow } from './board/access';
import { cellMarkerSig, cellState, errorKey, focusByRow, peopleOn, personTitle, rowMarkerSig } from './board/cells';
import {
  type Filters, type GroupItem, type Item, SearchIndex, cellId, firstRowFrom, layout, revealScroll, rowHeight, rowIdsOf, rowSearchText, stepRow, windowOf,
} from './board/grid';
import { affairLabel } from './board/labels';

interface RowDom { tr: HTMLTableRowElement; cells: Map<string, HTMLElement>; who: HTMLElement; owner: HTMLElement; markers: HTMLElement; actions: HTMLElement; ver: number; epoch: number; markerSig: string }

/** What the grid asks the board: the label epoch, the row in the detail panel, the cell being edited. */
export interface GridHost {
  readonly epoch: number;
  readonly detailRowId: string | null;
  isEditing(rowId: string, field: string): boolean;
}

export class MatrixGrid {
  items: Item[] = [];
  rowIndex = new Map<string, number>();
  viewRows = new Map<string, Row>();
  readonly collapsed = new Set<string>();
  private readonly rowDoms = new Map<string, RowDom>();
  private readonly groupDoms = new Map<string, HTMLTableRowElement>();
  private focusByRow = new Map<string, Participant[]>();
  private readonly search: SearchIndex;

  readonly wrap: HTMLElement;
  readonly thead: HTMLElement;
  private readonly table: HTMLElement;
  private readonly tbody: HTMLElement;
  private readonly topSpacer: HTMLTableRowElement;
  private readonly bottomSpacer: HTMLTableRowElement;

  constructor(private readonly model: BoardModel, private readonly values: Values, private readonly t: Text, private readonly host: GridHost) {
    this.search = new SearchIndex(r => rowSearchText(values, r));
    this.topSpacer = h('tr', { class: 'spacer', 'aria-hidden': 'true' });
    this.bottomSpacer = h('tr', { class: 'spacer', 'aria-hidden': 'true' });
    this.tbody = h('tbody', {}, this.topSpacer, this.bottomSpacer);
    const colgroup = h('colgroup', {}, h('col', { class: 'who-col' }), ...keyFields.map(f => h('col', { style: f.width ? `width:${f.width}rem` : null })), h('col', { class: 'actions-col' }));
    this.thead = h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'who-col' }, t('Pemilik', 'Owner')),
      ...keyFields.map(f => h('th', { scope: 'col' }, t(f.id, f.en))),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('Tindakan', 'Actions')))));
    this.table = h('table', { class: 'matrix', 'data-testid': 'matrix', role: 'grid', 'aria-rowcount': 0 }, colgroup, this.thead, this.tbody);
    this.wrap = h('div', { class: 'matrix-wrap' }, this.table);
  }

  /** Filters, groups and flattens the model's rows (nothing is drawn yet). */
  compute(filters: Filters): void {
    const rows = this.model.viewRows();
    this.viewRows = new Map(rows.map(r => [r.id, r]));
    const epoch = this.host.epoch;
    const { items, index } = layout(rows, filters, this.collapsed, r => this.search.text(r, epoch));
    this.items = items;
    this.rowIndex = index;
    attr(this.table, 'aria-rowcount', String(items.length + 1));
  }

  get anyRowShown(): boolean { return this.items.some(i => i.kind === 'row'); }

  rowIds(): string[] { return rowIdsOf(this.items); }

  topRowId(): string | null { return firstRowFrom(this.items, Math.floor(this.wrap.scrollTop / rowHeight)); }

  /** The row <paramref name="step"/> rows from another (group headers skipped), or null. */
  stepFrom(rowId: string, step: number): string | null { return stepRow(this.items, this.rowIndex, rowId, step); }

  /** Whether a drawn row is the last (or first) one drawn: Tab goes on from there to rows not drawn yet. */
  isLastDrawn(tr: Element): boolean { return tr.nextElementSibling === this.bottomSpacer; }
  isFirstDrawn(tr: Element): boolean { return tr.previousElementSibling === this.topSpacer; }

  toggleGroup(key: string): void {
    if (!this.collapsed.delete(key)) this.collapsed.add(key);
  }

  scrollToRow(rowId: string | null): void {
    const index = rowId ? this.rowIndex.get(rowId) : undefined;
    this.wrap.scrollTop = index === undefined ? 0 : index * rowHeight;
  }

  /** Scrolls a row into the viewport and draws it now (keyboard and search reach every row, drawn or not). */
  reveal(rowId: string): void {
    const index = this.rowIndex.get(rowId);
    if (index === undefined) return;
    const scroll = revealScroll(index, this.thead.offsetHeight, this.wrap.scrollTop, this.wrap.clientHeight);
    if (scroll !== null) this.wrap.scrollTop = scroll;
    this.draw();
    // The wrap may be below the page's fold: bring the row into the window too.
    this.rowDoms.get(rowId)?.tr.scrollIntoView({ block: 'nearest' });
  }

  draw(): void {
    const { first, last } = windowOf(this.wrap.scrollTop, this.thead.offsetHeight, this.wrap.clientHeight, this.items.length);
    this.renderWindow(first, last);
  }

  private renderWindow(first: number, last: number): void {
    const active = document.activeElement as HTMLElement | null;
    const wanted: HTMLElement[] = [];
    const keepRows = new Set<string>();
    const keepGroups = new Set<string>();
    for (let i = first; i < last; i++) {
      const item = this.items[i];
      if (item.kind === 'group') {
        keepGroups.add(item.key);
        wanted.push(this.groupRow(item));
      } else {
        keepRows.add(item.row.id);
        wanted.push(this.rowElement(item.row));
      }
    }
    // Rows that left the window go first, so that rows staying are never moved (a moved element loses focus).
    for (const [id, dom] of this.rowDoms) {
      if (!keepRows.has(id)) {
        dom.tr.remove();
        this.rowDoms.delete(id);
      }
    }
    for (const [key, tr] of this.groupDoms) {
      if (!keepGroups.has(key)) {
        tr.remove();
        this.groupDoms.delete(key);
      }
    }
    this.topSpacer.style.height = `${first * rowHeight}px`;
    this.bottomSpacer.style.height = `${(this.items.length - last) * rowHeight}px`;
    let cursor: ChildNode | null = this.topSpacer.nextSibling;
    for (const el of wanted) {
      if (cursor === el) cursor = cursor.nextSibling;
      else this.tbody.insertBefore(el, cursor);
    }
    while (cursor && cursor !== this.bottomSpacer) {
      const next: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    // A row that had to move (its group or order changed) keeps the focus it had.
    if (active && active !== document.activeElement && active.isConnected && this.tbody.contains(active)) active.focus({ preventScroll: true });
  }

  private groupRow(item: GroupItem): HTMLTableRowElement {
    let tr = this.groupDoms.get(item.key);
    const collapsed = this.collapsed.has(item.key);
    const label = affairLabel(this.t, this.values, item.key);
    const sig = `${collapsed}|${label}|${item.count}`;
    if (!tr) {
      tr = h('tr', { class: 'group', 'data-affair': item.key });
      this.groupDoms.set(item.key, tr);
    }
    if (tr.dataset.sig !== sig) {
      tr.dataset.sig = sig;
      tr.replaceChildren(h('th', { colspan: keyFields.length + 2, scope: 'rowgroup' },
        h('button', { type: 'button', class: 'group-toggle', 'aria-expanded': collapsed ? 'false' : 'true', 'data-action': 'toggle-group', 'data-key': item.key },
          h('span', { 'aria-hidden': 'true' }, collapsed ? '▸' : '▾'), ` ${label} `, h('span', { class: 'count', 'data-testid': 'group-count' }, String(item.count)))));
    }
    return tr;
  }

  private rowElement(row: Row): HTMLTableRowElement {
    let dom = this.rowDoms.get(row.id);
    if (!dom) {
      const cells = new Map<string, HTMLElement>();
      const owner = h('span', { class: 'owner' });
      const markers = h('span', { class: 'markers' });
      const who = h('td', { class: 'who-col' }, owner, markers);
      const actions = h('td', { class: 'row-actions' });
      const tr = h('tr', { class: 'row', 'data-row-id': row.id, 'data-owner': row.owner }, who,
        ...keyFields.map(f => {
          const cell = h('div', { class: 'cell', id: cellId(row.id, f.name), 'data-field': f.name, tabindex: 0, role: 'gridcell', 'aria-label': this.t(f.id, f.en) },
            h('span', { class: 'value', 'data-testid': 'value' }), h('span', { class: 'markers' }));
          cells.set(f.name, cell);
          return h('td', { class: 'cell-host' }, cell);
        }), actions);
      dom = { tr, cells, who, owner, markers, actions, ver: NaN, epoch: 0, markerSig: '' };
      this.rowDoms.set(row.id, dom);
    }
    const epoch = this.host.epoch;
    if (dom.ver !== row.ver || dom.epoch !== epoch) {
      dom.ver = row.ver;
      dom.epoch = epoch;
      dom.tr.classList.toggle('pending', !!row.pending);
      const ownerLabel = this.values.ownerLabel(row.owner);
      text(dom.owner, ownerLabel);
      attr(dom.who, 'title', ownerLabel);
      for (const f of keyFields) this.drawCell(dom.cells.get(f.name)!, row, f);
      this.drawActions(dom, row);
    }
    this.drawRowMarkers(dom, row.id);
    return dom.tr;
  }

  /** Draws every drawn row's buttons again (the detail panel opened or closed). */
  redrawActions(): void {
    for (const [id, dom] of this.rowDoms) {
      const r = this.viewRows.get(id);
      if (r) this.drawActions(dom, r);
    }
  }

  private drawActions(dom: RowDom, row: Row): void {
    const expanded = this.host.detailRowId === row.id;
    const canRemove = canRemoveRow(this.model.access, row.owner);
    const sig = `${expanded}|${canRemove}`;
    if (dom.actions.dataset.sig === sig) return;
    dom.actions.dataset.sig = sig;
    const buttons: Node[] = [h('button', { type: 'button', class: 'link', 'aria-expanded': expanded ? 'true' : 'false', 'data-testid': 'expand', 'data-action': 'expand' },
      expanded ? this.t('Tutup', 'Less') : this.t('Rinci', 'More'))];
    if (canRemove) buttons.push(h('button', { type: 'button', class: 'link danger', 'data-testid': 'remove', 'data-action': 'remove' }, this.t('Hapus', 'Remove')));
    dom.actions.replaceChildren(...buttons);
  }

  /** Writes one cell (not while its editor is open): its value, state classes and error. */
  drawCell(cell: HTMLElement, row: Row, f: BoardField): void {
    if (this.host.isEditing(row.id, f.name)) return;
    const s = cellState(this.values, row, f, canEditField(this.model.access, row.owner, f), this.model.errors.get(errorKey(row.id, f.name)));
    if (cell.dataset.sig === s.sig) return;
    cell.dataset.sig = s.sig;
    cell.classList.toggle('editable', s.editable);
    cell.classList.toggle('readonly', !s.editable);
    cell.classList.toggle('pending', s.pending);
    cell.classList.toggle('invalid', s.error !== null);
    attr(cell, 'aria-readonly', s.editable ? 'false' : 'true');
    attr(cell, 'aria-invalid', s.error !== null ? 'true' : 'false');
    attr(cell, 'title', s.display.length > 0 ? s.display : null);
    let value = cell.querySelector<HTMLElement>(':scope > [data-testid=value]');
    if (!value) {
      cell.replaceChildren(value = h('span', { class: 'value', 'data-testid': 'value' }), h('span', { class: 'markers' }));
      cell.dataset.markerSig = '';
    }
    text(value, s.display);
    let errorEl = cell.querySelector<HTMLElement>(':scope > [data-testid=field-error]');
    if (s.error !== null) {
      if (!errorEl) cell.append(errorEl = h('span', { class: 'field-error', role: 'alert', 'data-testid': 'field-error' }));
      text(errorEl, s.error);
    } else {
      errorEl?.remove();
    }
  }

  // ---- presence markers: the only thing a presence tick redraws ----

  computeFocus(): void { this.focusByRow = focusByRow(this.model.participants, this.model.config.userId); }

  /** Forgets a row's drawn markers (its cell was rebuilt), so that the next frame draws them again. */
  forgetMarkers(rowId: string): void {
    const dom = this.rowDoms.get(rowId);
    if (dom) dom.markerSig = '';
  }

  private drawRowMarkers(dom: RowDom, rowId: string): void {
    const people = this.focusByRow.get(rowId) ?? [];
    const sig = rowMarkerSig(people);
    if (sig === dom.markerSig) return;
    dom.markerSig = sig;
    dom.tr.classList.toggle('focused-by-other', people.length > 0);
    dom.markers.replaceChildren(...people.map(p => this.marker(p, 'row-marker')));
    for (const [field, cell] of dom.cells) this.drawCellMarkers(cell, peopleOn(people, field));
  }

  private drawCellMarkers(cell: HTMLElement, people: Participant[]): void {
    const sig = cellMarkerSig(people);
    if (cell.dataset.markerSig === sig) return;
    cell.dataset.markerSig = sig;
    cell.classList.toggle('focused-by-other', people.length > 0);
    let markers = cell.querySelector<HTMLElement>(':scope > .markers');
    if (!markers) cell.append(markers = h('span', { class: 'markers' }));
    markers.replaceChildren(...people.map(p => this.marker(p, 'field-marker')));
  }

  private marker(p: Participant, testid: string): HTMLElement {
    return h('span', { class: 'marker', 'data-testid': testid, title: personTitle(p) }, initials(p.DisplayName));
  }
}

// The board's DOM: the bar, and the parts it is made of (matrix.ts, editor.ts, side.ts, tools.ts, detail.ts). Changes
// from the model are collected and drawn at most once per animation frame. Every decision (filters, labels, what a
// cell shows, who may edit, the edits made) lives in the DOM-free modules under board/, which `npm test` covers.
import { MatrixFieldNames as F, OpKinds } from './contracts.g';
import { type BoardField, fieldByName, isMulti, keyFields } from './fields';
import type { Changes, BoardModel, Row } from './model';
import type { Registry } from './registry';
import type { Values } from './values';
import type { Text } from './config';
import { attr, h, text } from './dom';
import { CodePicker } from './codes';
import { newRowFields } from './board/edits';
import { cellId, rowStep, sideField } from './board/grid';
import { connectionText, emptyText, focusLine, stateLabel, unsentText } from './board/labels';
import { MatrixGrid } from './matrix';
import { CellEditor } from './editor';
import { SidePanel } from './side';
import { ToolsBar } from './tools';
import { DetailPanel } from './detail';

export class BoardView {
  private readonly dirty: Changes = { rows: new Set(), all: true, structure: true, side: true, bar: true, markers: true, presence: true };
  private frameRequested = false;
  private epochValue = 1;
  private pendingEdit: { rowId: string; field: string } | null = null;
  private focused: { rowId: string; field: string } | null = null;

  private readonly board: HTMLElement;
  private readonly stateBadge: HTMLElement;
  private readonly connection: HTMLElement;
  private readonly connectionLabel: HTMLElement;
  private readonly unsent: HTMLElement;
  private readonly focusText: HTMLElement;
  private readonly message: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly grid: MatrixGrid;
  private readonly editor: CellEditor;
  private readonly side: SidePanel;
  private readonly tools: ToolsBar;
  private readonly detail: DetailPanel;

  /** The programme/kegiatan/sub kegiatan code picker (codes.ts). */
  readonly codePicker: CodePicker;

  constructor(private readonly model: BoardModel, private readonly registry: Registry, private readonly values: Values, private readonly t: Text, root: HTMLElement) {
    this.codePicker = new CodePicker(t, model.config.governmentLevel);
    const view = this;
    this.grid = new MatrixGrid(model, values, t, {
      get epoch() { return view.epochValue; },
      get detailRowId() { return view.detail.rowId; },
      isEditing: (rowId, field) => this.editor.isOn(rowId, field),
    });
    this.editor = new CellEditor(model, values, t, this.grid, this.codePicker);
    this.side = new SidePanel(model, values, t);
    this.tools = new ToolsBar(model, registry, values, t);
    this.detail = new DetailPanel(values, t, this.grid);
    this.stateBadge = h('span', { class: 'session-state', 'data-testid': 'session-state' });
    this.connectionLabel = h('span');
    this.unsent = h('span', { class: 'unsent', 'data-testid': 'unsent', 'data-count': '0' });
    this.connection = h('div', { class: 'connection conn-connecting', 'data-testid': 'connection', 'data-state': 'connecting', role: 'status', 'aria-live': 'polite' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), this.connectionLabel, this.unsent);
    this.focusText = h('div', { class: 'focus-text', 'data-testid': 'focus-text', 'aria-live': 'off' });
    this.message = h('p', { class: 'notice', 'data-testid': 'board-message', hidden: true });
    this.empty = h('p', { class: 'notice', 'data-testid': 'empty' });
    this.board = h('section', { class: 'board', 'data-testid': 'board', 'data-ready': 'false', 'data-state': '', 'data-seq': '0' },
      h('header', { class: 'board-bar' },
        h('div', { class: 'board-title' }, h('h2', {}, model.config.exerciseTitle), this.stateBadge),
        this.focusText, this.connection),
      this.message, this.side.el, this.tools.el, this.grid.wrap, this.empty, this.detail.el, this.tools.lists);
    root.replaceChildren(this.board);
    this.wire();
  }

  // ---- scheduling ----

  schedule(c: Partial<Changes> & { rowIds?: string[] }): void {
    const d = this.dirty;
    if (c.rowIds) for (const id of c.rowIds) d.rows.add(id);
    d.all ||= !!c.all;
    d.structure ||= !!c.structure || !!c.rowIds;
    d.side ||= !!c.side;
    d.bar ||= !!c.bar;
    d.markers ||= !!c.markers;
    d.presence ||= !!c.presence;
    if (c.all) this.epochValue++;
    if (!this.frameRequested) {
      this.frameRequested = true;
      requestAnimationFrame(() => this.frame());
    }
  }

  registryLoaded(): void {
    this.tools.registryLoaded();
    this.schedule({ all: true, side: true, structure: true });
  }

  private frame(): void {
    this.frameRequested = false;
    const d = this.dirty;
    const structure = d.structure || d.all;
    if (structure) this.grid.compute(this.tools.filters);
    if (d.bar || d.rows.size > 0 || structure) this.drawBar();
    if (structure || d.side) this.tools.draw([...this.grid.viewRows.values()], this.epochValue);
    if (d.side || structure) this.side.draw(this.grid.viewRows.values());
    if (d.presence) this.side.drawPresence();
    if (d.markers) this.grid.computeFocus();
    this.grid.draw();
    this.detail.draw(this.epochValue);
    d.rows.clear();
    d.all = d.structure = d.side = d.bar = d.markers = d.presence = false;
    if (this.pendingEdit) {
      const { rowId, field } = this.pendingEdit;
      if (this.grid.rowIndex.has(rowId)) {
        this.pendingEdit = null;
        this.reveal(rowId);
        const row = this.grid.viewRows.get(rowId);
        const f = fieldByName.get(field);
        if (row && f) this.editor.start(row, f);
      }
    }
    const applied = this.model.appliedSinceFrame;
    if (applied.length > 0) {
      // The benchmark's hook: when each applied op's frame was drawn (also for rows outside the viewport).
      const rendered = (window as unknown as { __boardRendered?: Record<number, number> }).__boardRendered;
      if (rendered) {
        const now = Date.now();
        for (const seq of applied) rendered[seq] = now;
      }
      applied.length = 0;
    }
  }

  // ---- the bar ----

  private drawBar(): void {
    const m = this.model;
    attr(this.board, 'data-ready', m.ready ? 'true' : 'false');
    attr(this.board, 'data-state', m.state);
    attr(this.board, 'data-seq', String(m.seq));
    this.stateBadge.className = `session-state state-${m.state}`;
    text(this.stateBadge, stateLabel(this.t, m.state));
    this.connection.className = `connection conn-${m.connection}`;
    attr(this.connection, 'data-state', m.connection);
    text(this.connectionLabel, connectionText(this.t, m.connection));
    const unsent = m.stored.queue.length;
    attr(this.unsent, 'data-count', String(unsent));
    text(this.unsent, unsentText(this.t, unsent));
    this.message.hidden = m.message === null;
    text(this.message, m.message ?? '');
    const rows = this.grid.anyRowShown;
    this.empty.hidden = rows;
    text(this.empty, emptyText(this.t, m.ready, this.grid.viewRows.size > 0));
    this.drawFocusText();
  }

  private drawFocusText(): void {
    const fo = this.focused;
    const row = fo ? this.grid.viewRows.get(fo.rowId) : undefined;
    const line = fo && row ? focusLine(this.t, this.values, fo.field, row.fields[fo.field]) : { text: '', title: null };
    text(this.focusText, line.text);
    attr(this.focusText, 'title', line.title);
  }

  // ---- events ----

  private cellOf(target: EventTarget | null): { cell: HTMLElement; row: Row; field: BoardField } | null {
    const cell = (target as HTMLElement | null)?.closest?.<HTMLElement>('.cell');
    if (!cell) return null;
    const rowId = cell.closest<HTMLElement>('tr.row')?.dataset.rowId ?? cell.dataset.rowId;
    const row = rowId ? this.grid.viewRows.get(rowId) : undefined;
    const field = fieldByName.get(cell.dataset.field ?? '');
    return row && field ? { cell, row, field } : null;
  }

  private wire(): void {
    const b = this.board;
    this.grid.wrap.addEventListener('scroll', () => this.schedule({}), { passive: true });
    window.addEventListener('resize', () => this.schedule({}));
    b.addEventListener('focusin', e => {
      const c = this.cellOf(e.target);
      if (!c) return;
      this.focused = { rowId: c.row.id, field: c.field.name };
      this.drawFocusText();
      this.model.focus(c.row.id, c.field.name);
    });
    b.addEventListener('click', e => {
      const target = e.target as HTMLElement;
      const action = target.closest<HTMLElement>('[data-action]');
      if (action && action.tagName === 'BUTTON') {
        this.act(action);
        return;
      }
      if (target.closest('[data-testid=editor], .chips')) return;
      const c = this.cellOf(target);
      if (c && !this.editor.isOn(c.row.id, c.field.name)) this.editor.start(c.row, c.field);
    });
    b.addEventListener('change', e => {
      const target = e.target as HTMLElement;
      const action = target.dataset.action;
      if (target.dataset.testid === 'editor' && target.tagName === 'SELECT') {
        this.editor.commit();
        return;
      }
      if (!action) return;
      const value = (target as HTMLSelectElement).value;
      const f = this.tools.filters;
      if (action === 'filter-affair') f.affair = value;
      else if (action === 'filter-organisation') f.organisation = value;
      else if (action === 'filter-status') f.status = value;
      else if (action === 'new-affair') this.tools.newAffair = value;
      this.schedule({ structure: true });
    });
    b.addEventListener('input', e => {
      const target = e.target as HTMLInputElement;
      if (target.dataset.action === 'filter-text') {
        this.tools.filters.text = target.value;
        this.grid.wrap.scrollTop = 0;
        this.schedule({ structure: true });
      }
    });
    b.addEventListener('keydown', e => {
      const target = e.target as HTMLElement;
      if (target.dataset.testid === 'editor') {
        this.editor.key(e);
        return;
      }
      const c = this.cellOf(target);
      if (c && target === c.cell) this.cellKey(e, c.row, c.field);
      else if (e.key === 'Tab') this.tabOut(e, target);
    });
    b.addEventListener('focusout', e => {
      const target = e.target as HTMLElement;
      const open = this.editor.open;
      if (target.dataset.testid !== 'editor' || !open || open.input !== target) return;
      const f = fieldByName.get(open.field);
      // Text and number editors save on leaving them; choices save on change, multi-value editors on an empty Enter.
      if (f && target.tagName === 'INPUT' && !isMulti(f.kind)) this.editor.commit(false);
    });
  }

  private act(button: HTMLElement): void {
    const m = this.model;
    const action = button.dataset.action;
    const rowId = button.closest<HTMLElement>('tr.row')?.dataset.rowId;
    switch (action) {
      case 'add-row': this.addRow(); break;
      case 'expand':
        if (rowId) {
          this.detail.toggle(rowId);
          this.redrawActions();
        }
        break;
      case 'close-detail': this.detail.rowId = null; this.redrawActions(); break;
      case 'remove': if (rowId) m.submit(OpKinds.Remove, rowId, {}); break;
      case 'toggle-group':
        this.grid.toggleGroup(button.dataset.key ?? '');
        this.schedule({ structure: true });
        break;
      case 'lock': case 'unlock': case 'close': void m.changeSession(action); break;
      case 'dismiss-rejected': m.dismissRejected(button.dataset.opId ?? ''); break;
      case 'dismiss-removed': m.removedWhileEditing.splice(Number(button.dataset.index), 1); this.schedule({ side: true }); break;
      case 'toggle-notice':
        this.side.toggleNotice(Number(button.dataset.id));
        this.schedule({ side: true });
        break;
      case 'remove-chip': this.editor.removeChip(button.dataset.code); break;
    }
  }

  private redrawActions(): void {
    this.grid.redrawActions();
    this.schedule({});
  }

  private addRow(): void {
    const m = this.model;
    const rowId = crypto.randomUUID();
    m.submit(OpKinds.Add, rowId, newRowFields(this.tools.newAffair, this.registry.organisation(m.config.organisationId), m.config.organisationId));
    // The new row's potential is edited straight away (once the row is drawn).
    this.tools.clearFilters();
    this.pendingEdit = { rowId, field: F.Potential };
    this.schedule({ structure: true });
  }

  private cellKey(e: KeyboardEvent, row: Row, f: BoardField): void {
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.editor.start(row, f);
      return;
    }
    const step = rowStep(e.key);
    if (step !== null) {
      e.preventDefault();
      this.moveRow(row.id, f, step);
      return;
    }
    const next = sideField(f.name, e.key);
    if (next !== null) {
      e.preventDefault();
      this.focusCell(row.id, next);
      return;
    }
    if (e.key === 'Tab') this.tabOut(e, e.target as HTMLElement);
  }

  /** Tab past the last drawn row (or Shift+Tab before the first) goes on to the next row that is not drawn yet. */
  private tabOut(e: KeyboardEvent, target: HTMLElement): void {
    const tr = target.closest<HTMLElement>('tr.row');
    if (!tr?.dataset.rowId) return;
    const focusables = [...tr.querySelectorAll<HTMLElement>('.cell, button')];
    if (!e.shiftKey && target === focusables[focusables.length - 1] && this.grid.isLastDrawn(tr)) {
      if (this.moveRow(tr.dataset.rowId, keyFields[0], 1)) e.preventDefault();
    } else if (e.shiftKey && target === focusables[0] && this.grid.isFirstDrawn(tr)) {
      if (this.moveRow(tr.dataset.rowId, keyFields[keyFields.length - 1], -1)) e.preventDefault();
    }
  }

  private moveRow(fromRowId: string, f: BoardField, step: number): boolean {
    const to = this.grid.stepFrom(fromRowId, step);
    if (to === null) return false;
    this.focusCell(to, f.name);
    return true;
  }

  // ---- facilitation hooks (follow.ts, votes.ts, timer.ts) ----

  /** What this board shows: the affair filter, the search, the first row in the viewport and the focused row. */
  shownView(): { affair: string; search: string; topRowId: string | null; focusRowId: string | null; rowIds: string[] } {
    const f = this.tools.filters;
    return { affair: f.affair, search: f.text, topRowId: this.grid.topRowId(), focusRowId: this.focused?.rowId ?? null, rowIds: this.grid.rowIds() };
  }

  /** Shows what the facilitator shows: the same filters, the same first row at the top of the viewport. */
  showView(affair: string, search: string, topRowId: string | null): void {
    this.tools.clearFilters();
    this.tools.filters.affair = affair;
    this.tools.filters.text = search;
    this.grid.compute(this.tools.filters);
    this.grid.scrollToRow(topRowId);
    this.schedule({ structure: true });
  }

  /** A facilitation panel, above the filters. */
  addPanel(panel: HTMLElement): void { this.tools.el.before(panel); }

  /** The scrolling matrix (the facilitator's board shares its view when it scrolls). */
  get scroller(): HTMLElement { return this.grid.wrap; }

  /** Scrolls a row into the viewport and draws it now (keyboard and search reach every row, drawn or not). */
  reveal(rowId: string): void { this.grid.reveal(rowId); }

  private focusCell(rowId: string, field: string): void {
    if (keyFields.some(k => k.name === field)) this.reveal(rowId);
    document.getElementById(cellId(rowId, field))?.focus({ preventScroll: true });
  }
}

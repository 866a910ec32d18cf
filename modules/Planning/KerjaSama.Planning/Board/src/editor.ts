// The cell editor: opens an input or select in a cell, keeps a multi-value field's chips, and saves on Enter, change
// or leaving it. The value and the update it makes come from board/edits.ts; this module only draws and listens.
import { OpKinds } from './contracts.g';
import { type BoardField, fieldByName, isMulti, keyFields } from './fields';
import type { BoardModel, Row } from './model';
import type { Values } from './values';
import type { Text } from './config';
import { h } from './dom';
import { type CodePicker, nomenclatureLevel } from './codes';
import { canEditField } from './board/access';
import { draftText, editedValue, inputAttributes, selectOptions, updateOf, usesSelect } from './board/edits';
import { cellId, editorId } from './board/grid';
import { codeOf } from './values';
import type { MatrixGrid } from './matrix';

export interface Editing { rowId: string; field: string; multi: string[]; input: HTMLInputElement | HTMLSelectElement }

export class CellEditor {
  /** The open editor, or null. */
  open: Editing | null = null;

  constructor(private readonly model: BoardModel, private readonly values: Values, private readonly t: Text, private readonly grid: MatrixGrid,
    private readonly codePicker: CodePicker) {}

  isOn(rowId: string, field: string): boolean { return this.open !== null && this.open.rowId === rowId && this.open.field === field; }

  start(row: Row, f: BoardField): void {
    if (!canEditField(this.model.access, row.owner, f)) return;
    if (this.open) this.commit(false);
    if (keyFields.includes(f)) this.grid.reveal(row.id);
    const cell = document.getElementById(cellId(row.id, f.name));
    if (!cell) return;
    const value = row.fields[f.name];
    const id = editorId(row.id, f.name);
    let input: HTMLInputElement | HTMLSelectElement;
    const multi = isMulti(f.kind) ? this.values.codes(f, value) : [];
    if (usesSelect(f)) {
      input = h('select', { id, 'data-testid': 'editor' }, h('option', { value: '' }, '—'), ...selectOptions(this.t, f).map(([v, label]) => h('option', { value: v }, label)));
      input.value = this.values.draftOf(f, value);
    } else {
      input = h('input', { id, 'data-testid': 'editor', ...inputAttributes(this.t, f) });
      input.value = isMulti(f.kind) ? '' : this.values.draftOf(f, value);
    }
    this.open = { rowId: row.id, field: f.name, multi, input };
    this.model.editing = { rowId: row.id, field: f.name, draft: () => this.draftText() };
    cell.dataset.sig = '';
    cell.classList.add('editing');
    const markers = cell.querySelector(':scope > .markers');
    const error = cell.querySelector(':scope > [data-testid=field-error]');
    if (isMulti(f.kind)) cell.replaceChildren(h('span', { class: 'chips' }), input);
    else cell.replaceChildren(input);
    if (markers) cell.append(markers);
    if (error) cell.append(error);
    if (isMulti(f.kind)) this.drawChips();
    input.focus({ preventScroll: true });
    if (input instanceof HTMLInputElement && input.type !== 'number') {
      try { input.select(); } catch { /* not selectable */ }
    }
    const level = nomenclatureLevel(f.name);
    if (level && input instanceof HTMLInputElement) {
      const editor = input;
      this.codePicker.attach(editor, level, code => { editor.value = code; this.commit(); });
    }
  }

  private draftText(): string {
    const e = this.open;
    return e ? draftText(this.values, fieldByName.get(e.field), e.multi, e.input.value) : '';
  }

  private drawChips(): void {
    const e = this.open;
    const f = e ? fieldByName.get(e.field) : undefined;
    const chips = e?.input.parentElement?.querySelector(':scope > .chips');
    if (!e || !f || !chips) return;
    chips.replaceChildren(...e.multi.map(code => h('span', { class: 'chip' }, this.values.chipLabel(f, code), ' ',
      h('button', { type: 'button', class: 'link', 'data-action': 'remove-chip', 'data-code': code, 'aria-label': `${this.t('Hapus', 'Remove')} ${code}` }, '×'))));
  }

  removeChip(code: string | undefined): void {
    if (!this.open) return;
    this.open.multi = this.open.multi.filter(c => c !== code);
    this.drawChips();
    this.open.input.focus();
  }

  key(e: KeyboardEvent): void {
    e.stopPropagation();
    const ed = this.open;
    if (!ed) return;
    const f = fieldByName.get(ed.field);
    if (e.key === 'Escape') {
      e.preventDefault();
      this.end(true);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      if (f && isMulti(f.kind) && ed.input.value.trim().length > 0) {
        ed.multi.push(codeOf(ed.input.value));
        ed.input.value = '';
        this.drawChips();
        return;
      }
      this.commit();
    }
  }

  /** Saves the open editor's value (when it changed) and closes it. */
  commit(refocus = true): void {
    const ed = this.open;
    if (!ed) return;
    const f = fieldByName.get(ed.field)!;
    const row = this.grid.viewRows.get(ed.rowId) ?? this.model.viewRows().find(r => r.id === ed.rowId);
    const value = editedValue(this.values, f, ed.multi, ed.input.value);
    this.end(refocus);
    if (!row) return; // Removed meanwhile: the side panel keeps the text (see BoardModel.apply).
    const fields = updateOf(row, f.name, value);
    if (fields) this.model.submit(OpKinds.Update, row.id, fields);
  }

  end(refocus: boolean): void {
    const ed = this.open;
    if (!ed) return;
    this.open = null;
    this.model.editing = null;
    const cell = document.getElementById(cellId(ed.rowId, ed.field));
    if (cell) {
      cell.classList.remove('editing');
      cell.dataset.sig = '';
      cell.replaceChildren(h('span', { class: 'value', 'data-testid': 'value' }), h('span', { class: 'markers' }));
      cell.dataset.markerSig = '';
      const row = this.grid.viewRows.get(ed.rowId);
      const f = fieldByName.get(ed.field);
      if (row && f) this.grid.drawCell(cell, row, f);
      this.grid.forgetMarkers(ed.rowId);
      if (refocus) cell.focus({ preventScroll: true });
    }
    this.model.touch(ed.rowId);
  }
}

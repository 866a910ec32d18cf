// The detail panel of a row: the full text of its key fields and its other fields as editable cells (drawn by the
// grid's drawCell, so they look and edit like the matrix's own cells).
import type { Text } from './config';
import { h } from './dom';
import { detailFields, keyFields } from './fields';
import type { Row } from './model';
import type { Values } from './values';
import { cellId } from './board/grid';
import type { MatrixGrid } from './matrix';

export class DetailPanel {
  readonly el: HTMLElement;
  /** The row shown, or null (the panel is hidden). */
  rowId: string | null = null;
  private ver = NaN;
  private epoch = 0;

  constructor(private readonly values: Values, private readonly t: Text, private readonly grid: MatrixGrid) {
    this.el = h('aside', { class: 'detail', 'data-testid': 'detail', hidden: true, 'aria-label': t('Rincian baris', 'Row details') });
  }

  /** Opens a row's details, or closes them when that row's are open. */
  toggle(rowId: string): void { this.rowId = this.rowId === rowId ? null : rowId; }

  draw(epoch: number): void {
    const row: Row | undefined = this.rowId ? this.grid.viewRows.get(this.rowId) : undefined;
    if (this.rowId && !row) this.rowId = null;
    if (!row) {
      if (!this.el.hidden) {
        this.el.hidden = true;
        this.el.replaceChildren();
        this.ver = NaN;
      }
      return;
    }
    const t = this.t;
    this.el.hidden = false;
    if (this.el.dataset.rowId !== row.id) {
      this.el.dataset.rowId = row.id;
      this.el.replaceChildren(
        h('header', {}, h('h3', {}, t('Rincian baris', 'Row details')),
          h('button', { type: 'button', class: 'link', 'data-action': 'close-detail', 'data-testid': 'close-detail' }, t('Tutup', 'Close'))),
        h('dl', { class: 'key-values' }),
        h('div', { class: 'detail-grid' }, ...detailFields.map(f => h('div', { class: 'detail-field', 'data-testid': 'detail-field' },
          h('span', { class: 'detail-label' }, t(f.id, f.en)),
          h('div', { class: 'cell', id: cellId(row.id, f.name), 'data-field': f.name, 'data-row-id': row.id, tabindex: 0, role: 'gridcell', 'aria-label': t(f.id, f.en) },
            h('span', { class: 'value', 'data-testid': 'value' }), h('span', { class: 'markers' }))))));
      this.ver = NaN;
    }
    if (this.ver === row.ver && this.epoch === epoch) return;
    this.ver = row.ver;
    this.epoch = epoch;
    this.el.querySelector('dl.key-values')!.replaceChildren(...keyFields.flatMap(f => [
      h('dt', {}, t(f.id, f.en)), h('dd', {}, this.values.display(f.name, row.fields[f.name]))]));
    for (const f of detailFields) this.grid.drawCell(this.el.querySelector<HTMLElement>(`[id='${cellId(row.id, f.name)}']`)!, row, f);
  }
}

// The filter bar and "add row" (or why the board is read-only), and the datalists of codes the editors offer. The
// filters' choices, the new row's affair and the labels come from board/grid.ts, board/edits.ts, board/labels.ts.
import type { Text } from './config';
import { h } from './dom';
import { statuses } from './fields';
import type { BoardModel, Row } from './model';
import type { Registry } from './registry';
import type { Values } from './values';
import { cooperableAffairs, datalists, defaultNewAffair } from './board/edits';
import { type Filters, filterChoices, noFilters } from './board/grid';
import { affairLabel, readOnlyReason } from './board/labels';

export class ToolsBar {
  readonly el: HTMLElement;
  readonly lists: HTMLElement;
  filters: Filters = noFilters();
  newAffair = '';
  private sig = '';

  constructor(private readonly model: BoardModel, private readonly registry: Registry, private readonly values: Values, private readonly t: Text) {
    this.el = h('div', { class: 'board-tools' });
    this.lists = h('div', { hidden: true });
  }

  /** Draws the bar again in the next frame even when its choices did not change (the filters were set from outside). */
  invalidate(): void { this.sig = ''; }

  clearFilters(): void {
    this.filters = noFilters();
    this.sig = '';
  }

  /** The Registry arrived: the datalists, and the caller's first cooperable affair for new rows. */
  registryLoaded(): void {
    this.lists.replaceChildren(...datalists(this.registry).map(l => h('datalist', { id: l.id }, ...l.options.map(([v, label]) => h('option', { value: v }, label)))));
    if (this.newAffair.length === 0) {
      this.newAffair = defaultNewAffair(this.registry, this.model.config.organisationId);
      this.sig = '';
    }
  }

  draw(rows: Row[], epoch: number): void {
    const m = this.model;
    const { affairs, owners } = filterChoices(rows);
    const sig = JSON.stringify([affairs, owners, m.canWrite, m.canContribute, m.state, epoch, this.newAffair]);
    if (sig === this.sig) return;
    this.sig = sig;
    const t = this.t;
    const f = this.filters;
    const focusedTool = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    const select = (testid: string, value: string, options: [string, string][]) => {
      const s = h('select', { 'data-testid': testid, 'data-action': testid }, ...options.map(([v, label]) => h('option', { value: v }, label)));
      s.value = value;
      return s;
    };
    const parts: Node[] = [
      h('label', {}, t('Urusan', 'Affair'), select('filter-affair', f.affair, [['', t('Semua', 'All')], ...affairs.map(a => [a, affairLabel(t, this.values, a)] as [string, string])])),
      h('label', {}, t('Organisasi', 'Organisation'), select('filter-organisation', f.organisation, [['', t('Semua', 'All')], ...owners.map(o => [o, this.values.ownerLabel(o)] as [string, string])])),
      h('label', {}, t('Status', 'Status'), select('filter-status', f.status, [['', t('Semua', 'All')], ...statuses.map(s => [s.code, t(s.id, s.en)] as [string, string])])),
      h('label', {}, t('Cari', 'Search'), h('input', { type: 'search', 'data-testid': 'filter-text', 'data-action': 'filter-text', value: f.text, placeholder: t('teks di baris mana pun', 'text in any row') })),
    ];
    if (m.canWrite) {
      parts.push(h('span', { class: 'add' },
        h('label', {}, t('Urusan baris baru', 'Affair of the new row'),
          select('new-affair', this.newAffair, [['', t('(pilih nanti)', '(choose later)')], ...cooperableAffairs(this.registry).map(a => [a.code, `${a.code} ${a.name}`] as [string, string])])),
        h('button', { type: 'button', 'data-testid': 'add-row', 'data-action': 'add-row' }, `+ ${t('Tambah baris', 'Add row')}`)));
    } else {
      parts.push(h('span', { class: 'readonly-note', 'data-testid': 'read-only' }, readOnlyReason(t, m.canContribute, m.state)));
    }
    this.el.replaceChildren(...parts);
    if (focusedTool) (this.el.querySelector(`[data-testid='${focusedTool}']`) as HTMLElement | null)?.focus();
  }
}

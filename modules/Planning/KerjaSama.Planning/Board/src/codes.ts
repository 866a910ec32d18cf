// The code picker of the programme, kegiatan and sub kegiatan cells: while the analyst types a number ("1.02.02") or
// words ("ibu hamil"), it asks the Registry's nomenclature search and lists the matching codes of that level under the
// editor; a click, or arrow keys and Enter, puts the chosen code into the cell and saves it.
import { MatrixFieldNames as F } from './contracts.g';
import { type Text } from './config';
import { h } from './dom';

export interface NomenclatureItem {
  code: string; level: string; name: string; output: string | null; indicator: string | null; unit: string | null;
  governmentLevels: string[]; retired: boolean;
}
interface PageOf<T> { items: T[]; total: number }

const levels: Record<string, string> = { [F.ProgramCode]: 'program', [F.ActivityCode]: 'kegiatan', [F.SubActivityCode]: 'sub_kegiatan' };

/** The nomenclature level a field holds, or null when the field is not a planning code. */
export function nomenclatureLevel(field: string): string | null { return levels[field] ?? null; }

export class CodePicker {
  private list: HTMLElement | null = null;
  private input: HTMLInputElement | null = null;
  private items: NomenclatureItem[] = [];
  private active = -1;
  private timer = 0;
  private asked = 0;
  /** The last search's words and results, for tests (window.kerjaSamaBoard.codePicker). */
  last: { q: string; codes: string[] } | null = null;

  constructor(private readonly t: Text, private readonly governmentLevel?: string) {}

  /** Opens the picker on an editor input; <paramref name="pick"/> stores the chosen code. */
  attach(input: HTMLInputElement, level: string, pick: (code: string) => void): void {
    this.close();
    this.input = input;
    input.setAttribute('autocomplete', 'off');
    input.placeholder = this.t('Ketik kode atau kata, mis. "ibu hamil"', 'Type a code or words, e.g. "ibu hamil"');
    const list = h('ul', { class: 'code-picker', role: 'listbox', 'data-testid': 'code-picker', 'aria-label': this.t('Kode nomenklatur', 'Nomenclature codes') });
    this.list = list;
    document.body.append(list);
    // The list is fixed to the viewport under the editor: when the row's detail panel or the page scrolls, it follows.
    window.addEventListener('scroll', this.place, true);
    window.addEventListener('resize', this.place);
    list.addEventListener('mousedown', e => {
      const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-code]');
      if (!li) return;
      e.preventDefault(); // keep the editor focused: the pick saves it
      const code = li.dataset.code!;
      this.close();
      pick(code);
    });
    input.addEventListener('input', () => this.schedule(level));
    input.addEventListener('keydown', e => {
      if (!this.list || this.items.length === 0) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.items.length) % this.items.length;
        this.draw();
      } else if (e.key === 'Enter' && this.active >= 0) {
        e.preventDefault();
        e.stopPropagation();
        const code = this.items[this.active].code;
        this.close();
        pick(code);
      }
    });
    input.addEventListener('blur', () => this.close(), { once: true });
    if (input.value.trim().length > 0) this.schedule(level);
  }

  close(): void {
    window.clearTimeout(this.timer);
    window.removeEventListener('scroll', this.place, true);
    window.removeEventListener('resize', this.place);
    this.list?.remove();
    this.list = null;
    this.input = null;
    this.items = [];
    this.active = -1;
  }

  private schedule(level: string): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.search(level), 150);
  }

  private async search(level: string): Promise<void> {
    const input = this.input;
    if (!input) return;
    const q = input.value.trim();
    const ask = ++this.asked;
    if (q.length < 2) {
      this.items = [];
      this.draw();
      return;
    }
    try {
      // Kegiatan and sub kegiatan carry a government level: only those of the exercise's level fit a row (code_not_of_level).
      const ofLevel = level !== 'program' && this.governmentLevel ? `&governmentLevel=${encodeURIComponent(this.governmentLevel)}` : '';
      const url = `/api/registry/nomenclature?level=${encodeURIComponent(level)}&q=${encodeURIComponent(q)}&pageSize=12${ofLevel}`;
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = await response.json() as PageOf<NomenclatureItem>;
      if (ask !== this.asked || input !== this.input) return; // a newer search or another editor
      this.items = page.items;
      this.active = page.items.length > 0 ? 0 : -1;
      this.last = { q, codes: page.items.map(i => i.code) };
      this.draw(page.total);
    } catch {
      if (ask === this.asked) {
        this.items = [];
        this.draw(-1);
      }
    }
  }

  private draw(total = this.items.length): void {
    const list = this.list;
    const input = this.input;
    if (!list || !input) return;
    const t = this.t;
    const rows = this.items.map((item, i) => {
      const level = item.governmentLevels.map(g => g === 'provinsi' ? t('provinsi', 'province') : t('kab/kota', 'regency/city')).join(', ');
      return h('li', { role: 'option', 'data-code': item.code, 'data-testid': 'code-option', 'aria-selected': i === this.active ? 'true' : 'false', class: i === this.active ? 'active' : null },
        h('span', { class: 'code' }, item.code), ' ', h('span', { class: 'name' }, item.name),
        item.unit || level ? h('small', { class: 'muted' }, ` ${[level, item.unit ? `${t('satuan', 'unit')}: ${item.unit}` : ''].filter(s => s).join(' · ')}`) : null);
    });
    if (total < 0) rows.push(h('li', { class: 'muted' }, t('Nomenklatur tidak dapat dimuat.', 'The nomenclature could not be loaded.')));
    else if (input.value.trim().length >= 2 && rows.length === 0) rows.push(h('li', { class: 'muted', 'data-testid': 'code-none' }, t('Tidak ada kode yang cocok.', 'No matching code.')));
    else if (total > this.items.length) rows.push(h('li', { class: 'muted' }, t(`${total - this.items.length} kode lain; perjelas pencarian.`, `${total - this.items.length} more; refine the search.`)));
    list.replaceChildren(...rows);
    list.hidden = rows.length === 0;
    this.place();
  }

  /**
   * Puts the list under the editor, in viewport coordinates, or above it when there is more room there; its height is
   * what fits. Called on every draw, scroll and resize while the picker is open.
   */
  private readonly place = (): void => {
    const list = this.list;
    const input = this.input;
    if (!list || !input) return;
    const r = input.getBoundingClientRect();
    const below = window.innerHeight - r.bottom - 8;
    const above = r.top - 8;
    const up = below < 160 && above > below;
    list.style.left = `${Math.round(Math.max(4, Math.min(r.left, window.innerWidth - list.offsetWidth - 4)))}px`;
    list.style.maxHeight = `${Math.round(Math.max(96, Math.min(352, up ? above : below)))}px`;
    list.style.top = up ? '' : `${Math.round(r.bottom)}px`;
    list.style.bottom = up ? `${Math.round(window.innerHeight - r.top)}px` : '';
    list.dataset.side = up ? 'above' : 'below';
  };
}

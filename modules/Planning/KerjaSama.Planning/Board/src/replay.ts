// History and replay of a matrix (page /planning/exercises/{id}/replay): a scrubber over the op log's sequence, the
// matrix as it was at that point (computed by the server from the op log: GET .../replay?atSeq=N), what changed at
// the step and who changed it, play/pause, the timeline per time bucket and organisation with the sessions' moments,
// and a per-row history with every value and author. Read-only.
import { type Text, textFor } from './config';
import { h, text } from './dom';
import { keyFields } from './fields';
import { Registry } from './registry';
import { Values } from './values';
import {
  type ReplayConfig, type ReplayView, type RowHistory, type RowSnapshot, type TimelineView,
  barPercent, bucketTitle, busiest, changedFields, changes, clampSeq, entryClass, kindLabel, momentLabel, normaliseConfig, positionText, startSeq,
} from './board/history';

export type { ReplayConfig };

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return await response.json() as T;
}

export class ReplayPage {
  private readonly t: Text;
  private readonly registry = new Registry();
  private readonly values: Values;
  private readonly base: string;
  private timeline: TimelineView | null = null;
  private view: ReplayView | null = null;
  private wanted = 0;
  private last = 0;
  private loading: AbortController | null = null;
  private playing: number | null = null;
  private historyRow: string | null = null;
  private history: RowHistory | null = null;

  private readonly root: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly seqInput: HTMLInputElement;
  private readonly where: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly chart: HTMLElement;
  private readonly moments: HTMLElement;
  private readonly step: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly panel: HTMLElement;
  private readonly error: HTMLElement;

  constructor(private readonly config: ReplayConfig, host: HTMLElement) {
    this.t = textFor(config.language);
    const t = this.t;
    this.values = new Values(this.registry, t, config.organisationId, config.organisationName);
    this.base = `/api/planning/exercises/${config.exerciseId}`;
    const session = config.sessionId ? `?sessionId=${config.sessionId}` : '';
    this.slider = h('input', { type: 'range', min: 0, max: 0, step: 1, value: 0, 'data-testid': 'scrubber', 'aria-label': t('Posisi dalam riwayat (seq)', 'Position in the history (seq)') });
    this.seqInput = h('input', { type: 'number', min: 0, value: 0, 'data-testid': 'seq-input', 'aria-label': 'seq' });
    this.where = h('span', { 'data-testid': 'position', class: 'replay-position' });
    this.playButton = h('button', { type: 'button', 'data-testid': 'play' }, t('Putar', 'Play'));
    const button = (label: string, testid: string, action: () => void): HTMLButtonElement => {
      const b = h('button', { type: 'button', 'data-testid': testid }, label);
      b.addEventListener('click', action);
      return b;
    };
    this.chart = h('div', { class: 'replay-chart', 'data-testid': 'timeline', role: 'list' });
    this.moments = h('ul', { class: 'replay-moments', 'data-testid': 'moments' });
    this.step = h('div', { class: 'replay-step', 'data-testid': 'step', 'aria-live': 'polite' });
    this.body = h('tbody');
    this.panel = h('aside', { class: 'replay-history', 'data-testid': 'row-history', hidden: true });
    this.error = h('p', { class: 'error', role: 'alert', hidden: true });
    const head = h('tr', {}, h('th', {}, t('Pemilik', 'Owner')), ...keyFields.map(f => h('th', {}, t(f.id, f.en))), h('th', {}, ''));
    this.root = h('div', { class: 'replay', 'data-testid': 'replay', 'data-shown-seq': '' },
      h('div', { class: 'replay-bar' },
        h('h2', {}, config.exerciseTitle),
        h('span', { class: 'replay-exports' },
          h('a', { href: `${this.base}/timeline/export.csv${session}`, 'data-testid': 'export-csv' }, t('Linimasa CSV', 'Timeline CSV')), ' · ',
          h('a', { href: `${this.base}/timeline/export.xlsx${session}`, 'data-testid': 'export-xlsx' }, t('Linimasa XLSX', 'Timeline XLSX')))),
      h('div', { class: 'replay-controls' },
        button(t('« Awal', '« Start'), 'first', () => this.seek(0)), button(t('◀ Mundur', '◀ Back'), 'previous', () => this.seek(this.wanted - 1)),
        this.playButton,
        button(t('Maju ▶', 'Forward ▶'), 'next', () => this.seek(this.wanted + 1)), button(t('Akhir »', 'End »'), 'last', () => this.seek(this.last)),
        this.slider, h('label', {}, 'seq ', this.seqInput), this.where),
      this.chart, this.moments, this.error, this.step,
      h('div', { class: 'replay-main' },
        h('div', { class: 'replay-wrap' }, h('table', { class: 'matrix replay-matrix', 'data-testid': 'replay-matrix' }, h('thead', {}, head), this.body)),
        this.panel));
    host.replaceChildren(this.root);
    this.slider.addEventListener('input', () => this.seek(Number(this.slider.value)));
    this.seqInput.addEventListener('change', () => this.seek(Number(this.seqInput.value)));
    this.playButton.addEventListener('click', () => this.togglePlay());
  }

  async start(): Promise<void> {
    const session = this.config.sessionId ? `?sessionId=${this.config.sessionId}` : '';
    try {
      const [timeline, view] = await Promise.all([getJson<TimelineView>(`${this.base}/timeline${session}`), getJson<ReplayView>(`${this.base}/replay`)]);
      this.timeline = timeline;
      this.last = view.lastSeq;
      this.slider.max = String(this.last);
      this.seqInput.max = String(this.last);
      this.drawTimeline();
      // A session's replay starts at the session's last op (later consolidation left out); the exercise's at its last op.
      const start = startSeq(this.config.sessionId, timeline, view);
      if (start === view.atSeq) {
        this.position(start);
        this.show(view);
      } else {
        await this.seek(start);
      }
    } catch (e) {
      this.fail(e);
    }
    try {
      await Promise.all([this.registry.loadAffairs(), this.registry.loadOrganisations()]);
      await this.registry.loadRegions();
      if (this.view) this.show(this.view);
    } catch {
      // Labels stay codes; the replay itself does not need the Registry.
    }
  }

  /** Moves to op <paramref name="seq"/> (clamped to 0..last) and draws the matrix the server replays for it. */
  async seek(seq: number): Promise<void> {
    const target = clampSeq(seq, this.last);
    this.position(target);
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    try {
      const view = await getJson<ReplayView>(`${this.base}/replay?atSeq=${target}`, controller.signal);
      if (this.wanted === target) this.show(view);
    } catch (e) {
      if (!controller.signal.aborted) this.fail(e);
    }
  }

  private position(seq: number): void {
    this.wanted = seq;
    this.slider.value = String(seq);
    this.seqInput.value = String(seq);
  }

  private togglePlay(): void {
    if (this.playing !== null) {
      this.stop();
      return;
    }
    if (this.wanted >= this.last) void this.seek(0);
    this.playButton.textContent = this.t('Jeda', 'Pause');
    this.playButton.setAttribute('aria-pressed', 'true');
    this.playing = window.setInterval(() => {
      if (this.wanted >= this.last) this.stop();
      else void this.seek(this.wanted + 1);
    }, 800);
  }

  private stop(): void {
    if (this.playing !== null) window.clearInterval(this.playing);
    this.playing = null;
    this.playButton.textContent = this.t('Putar', 'Play');
    this.playButton.setAttribute('aria-pressed', 'false');
  }

  private fail(e: unknown): void {
    this.error.hidden = false;
    text(this.error, this.t('Riwayat tidak dapat dimuat: ', 'The history could not be loaded: ') + (e instanceof Error ? e.message : String(e)));
  }

  private time(iso: string | null): string {
    if (!iso) return '';
    return new Date(iso).toLocaleString(this.config.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'short', timeStyle: 'medium' });
  }

  private drawTimeline(): void {
    const timeline = this.timeline!;
    const max = busiest(timeline.buckets);
    this.chart.replaceChildren(...timeline.buckets.map(b => {
      const bar = h('button', {
        type: 'button', class: 'replay-bucket', role: 'listitem', 'data-last-seq': b.lastSeq, disabled: b.ops === 0, title: bucketTitle(this.time(b.from), b),
      }, h('span', { style: `height:${barPercent(b.ops, max)}%` }));
      bar.addEventListener('click', () => this.seek(b.lastSeq));
      return bar;
    }));
    const moments = timeline.sessions.flatMap(s => s.moments);
    this.moments.replaceChildren(...moments.map(m => {
      const link = h('button', { type: 'button', class: `moment moment-${m.kind}` },
        `${momentLabel(this.t, m.kind)} ${this.time(m.at)} (seq ${m.seq})${m.byName ? ` · ${m.byName}` : ''}`);
      link.addEventListener('click', () => this.seek(m.seq));
      return h('li', {}, link);
    }));
  }

  private show(view: ReplayView): void {
    this.view = view;
    const t = this.t;
    text(this.where, positionText(t, view, this.time(view.at)));
    const step = view.step;
    if (!step) {
      this.step.replaceChildren(h('p', {}, view.atSeq === 0 ? t('Awal: matriks masih kosong.', 'The start: the matrix is still empty.') : ''));
    } else {
      const changed = changes(t, this.values, step.fields, step.previous).map(c => h('li', { 'data-field': c.field },
        h('strong', {}, c.label), ': ', h('del', {}, c.before), ' → ', h('ins', {}, c.after)));
      this.step.replaceChildren(
        h('p', { 'data-testid': 'step-author' }, `seq ${step.seq} · ${this.time(step.at)} · `, h('strong', {}, step.author.displayName),
          ` (${step.author.organisationName}) ${kindLabel(t, step.kind)}`),
        ...(changed.length > 0 ? [h('ul', {}, ...changed)] : []));
    }
    const changed = changedFields(step);
    this.body.replaceChildren(...view.rows.map(row => {
      const isStep = step?.rowId === row.rowId;
      const historyButton = h('button', { type: 'button', 'data-testid': 'history' }, t('Riwayat', 'History'));
      historyButton.addEventListener('click', () => void this.openHistory(row.rowId));
      return h('tr', { class: `row${isStep ? ' replay-changed' : ''}`, 'data-row-id': row.rowId, 'data-seq': row.seq },
        h('td', { class: 'owner' }, this.values.ownerLabel(row.ownerOrganisationId)),
        ...keyFields.map(f => h('td', { 'data-field': f.name, class: isStep && changed.has(f.name) ? 'cell-changed' : null },
          h('span', { class: 'value', 'data-testid': 'value' }, this.values.display(f.name, row.fields[f.name])))),
        h('td', {}, historyButton));
    }));
    if (step?.kind === 'row.remove') {
      this.body.append(h('tr', { class: 'row replay-removed', 'data-removed-row-id': step.rowId },
        h('td', { colspan: keyFields.length + 2 }, t('Baris ini dihapus pada langkah ini.', 'This row was removed at this step.'), ' ',
          h('button', { type: 'button', 'data-testid': 'history' }, t('Riwayat', 'History')))));
      this.body.lastElementChild?.querySelector('button')?.addEventListener('click', () => void this.openHistory(step.rowId));
    }
    this.root.setAttribute('data-shown-seq', String(view.atSeq));
    if (this.historyRow) this.drawHistory();
  }

  private async openHistory(rowId: string): Promise<void> {
    this.historyRow = rowId;
    try {
      this.history = await getJson<RowHistory>(`${this.base}/rows/${rowId}/history`);
      this.drawHistory();
    } catch (e) {
      this.fail(e);
    }
  }

  private drawHistory(): void {
    const history = this.history;
    if (!history) return;
    const t = this.t;
    const close = h('button', { type: 'button', 'data-testid': 'close-history' }, t('Tutup', 'Close'));
    close.addEventListener('click', () => {
      this.historyRow = null;
      this.panel.hidden = true;
    });
    this.panel.hidden = false;
    this.panel.setAttribute('data-row-id', history.rowId);
    this.panel.replaceChildren(
      h('h3', {}, t('Riwayat baris', 'Row history'), history.removed ? ` (${t('dihapus', 'removed')})` : ''), close,
      h('ol', {}, ...history.entries.map(e => {
        const item = h('li', { class: entryClass(e.seq, this.wanted), 'data-seq': e.seq },
          h('button', { type: 'button', class: 'link' }, `seq ${e.seq}`), ` · ${this.time(e.at)} · `, h('strong', {}, e.author.displayName),
          ` (${e.author.organisationName}) ${kindLabel(t, e.kind)}`,
          h('ul', {}, ...changes(t, this.values, e.fields, e.previous).map(c => h('li', {}, `${c.label}: `, h('del', {}, c.before), ' → ', h('ins', {}, c.after)))));
        item.querySelector('button')?.addEventListener('click', () => void this.seek(e.seq));
        return item;
      })));
  }

  /** For tests: the rows shown and the sequence they are for. */
  snapshot(): { seq: number; rows: RowSnapshot[] } | null {
    return this.view ? { seq: this.view.atSeq, rows: this.view.rows } : null;
  }
}

export function startReplay(element: HTMLElement): void {
  const host = document.getElementById('replay-root');
  if (!host) return;
  const page = new ReplayPage(normaliseConfig(JSON.parse(element.textContent ?? '{}') as ReplayConfig), host);
  (window as unknown as Record<string, unknown>).kerjaSamaReplay = {
    snapshot: () => page.snapshot(),
    seek: (seq: number) => page.seek(seq),
  };
  void page.start();
}

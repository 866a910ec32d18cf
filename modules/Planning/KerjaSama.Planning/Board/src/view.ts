// The board's DOM. Changes from the model are collected and drawn at most once per animation frame; the matrix
// is virtualised (fixed row height: only the rows in and near the viewport exist in the DOM) and a row's cells are
// written only when that row changed; presence ticks touch only the focus markers.
import { MatrixFieldNames as F, OpKinds, SessionStates, type FieldValue, type Participant } from './contracts.g';
import { type BoardField, boardFields, detailFields, fieldByName, isMulti, keyFields, statuses } from './fields';
import { type Changes, type Row, type BoardModel, errorKey } from './model';
import { Registry } from './registry';
import { Values, codeOf, same } from './values';
import { type Text, n } from './config';
import { attr, h, initials, text } from './dom';
import { CodePicker, nomenclatureLevel } from './codes';

const rowHeight = 28;
const overscan = 8;
const pageRows = 20;

interface GroupItem { kind: 'group'; key: string; count: number }
interface RowItem { kind: 'row'; row: Row }
type Item = GroupItem | RowItem;

interface RowDom { tr: HTMLTableRowElement; cells: Map<string, HTMLElement>; who: HTMLElement; owner: HTMLElement; markers: HTMLElement; actions: HTMLElement; ver: number; epoch: number; markerSig: string }

interface Editing { rowId: string; field: string; multi: string[]; input: HTMLInputElement | HTMLSelectElement }

const cellId = (rowId: string, field: string): string => `c-${n(rowId)}-${field}`;
const editorId = (rowId: string, field: string): string => `e-${n(rowId)}-${field}`;

export class BoardView {
  private readonly dirty: Changes = { rows: new Set(), all: true, structure: true, side: true, bar: true, markers: true, presence: true };
  private frameRequested = false;
  private epoch = 1;
  private items: Item[] = [];
  private rowIndex = new Map<string, number>();
  private viewRows = new Map<string, Row>();
  private readonly rowDoms = new Map<string, RowDom>();
  private readonly groupDoms = new Map<string, HTMLTableRowElement>();
  private readonly collapsed = new Set<string>();
  private readonly openNotices = new Set<number>();
  private editing: Editing | null = null;
  private pendingEdit: { rowId: string; field: string } | null = null;
  private focused: { rowId: string; field: string } | null = null;
  private detailRowId: string | null = null;
  private detailVer = NaN;
  private detailEpoch = 0;
  private filterAffair = '';
  private filterOrganisation = '';
  private filterStatus = '';
  private filterText = '';
  private newAffair = '';
  private toolsSig = '';
  private presenceSig = '';
  private focusByRow = new Map<string, Participant[]>();
  private searchCache = new Map<string, { ver: number; epoch: number; text: string }>();

  // Elements.
  private readonly board: HTMLElement;
  private readonly stateBadge: HTMLElement;
  private readonly connection: HTMLElement;
  private readonly connectionLabel: HTMLElement;
  private readonly unsent: HTMLElement;
  private readonly focusText: HTMLElement;
  private readonly message: HTMLElement;
  private readonly side: HTMLElement;
  private readonly presence: HTMLElement;
  private readonly presenceCount: HTMLElement;
  private readonly sideRest: HTMLElement;
  private readonly tools: HTMLElement;
  private readonly wrap: HTMLElement;
  private readonly thead: HTMLElement;
  private readonly tbody: HTMLElement;
  private readonly topSpacer: HTMLTableRowElement;
  private readonly bottomSpacer: HTMLTableRowElement;
  private readonly empty: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly lists: HTMLElement;

  /** The programme/kegiatan/sub kegiatan code picker (codes.ts). */
  readonly codePicker: CodePicker;

  constructor(private readonly model: BoardModel, private readonly registry: Registry, private readonly values: Values, private readonly t: Text, root: HTMLElement) {
    this.codePicker = new CodePicker(t, model.config.governmentLevel);
    const c = model.config;
    this.stateBadge = h('span', { class: 'session-state', 'data-testid': 'session-state' });
    this.connectionLabel = h('span');
    this.unsent = h('span', { class: 'unsent', 'data-testid': 'unsent', 'data-count': '0' });
    this.connection = h('div', { class: 'connection conn-connecting', 'data-testid': 'connection', 'data-state': 'connecting', role: 'status', 'aria-live': 'polite' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), this.connectionLabel, this.unsent);
    this.focusText = h('div', { class: 'focus-text', 'data-testid': 'focus-text', 'aria-live': 'off' });
    this.message = h('p', { class: 'notice', 'data-testid': 'board-message', hidden: true });
    this.presenceCount = h('h3');
    this.presence = h('ul', { 'data-testid': 'presence' });
    this.sideRest = h('div', { class: 'side-rest' });
    this.side = h('div', { class: 'board-side' },
      h('section', { class: 'presence', 'aria-label': t('Peserta', 'People present') }, this.presenceCount, this.presence), this.sideRest);
    this.tools = h('div', { class: 'board-tools' });
    this.topSpacer = h('tr', { class: 'spacer', 'aria-hidden': 'true' });
    this.bottomSpacer = h('tr', { class: 'spacer', 'aria-hidden': 'true' });
    this.tbody = h('tbody', {}, this.topSpacer, this.bottomSpacer);
    const colgroup = h('colgroup', {}, h('col', { class: 'who-col' }), ...keyFields.map(f => h('col', { style: f.width ? `width:${f.width}rem` : null })), h('col', { class: 'actions-col' }));
    this.thead = h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'who-col' }, t('Pemilik', 'Owner')),
      ...keyFields.map(f => h('th', { scope: 'col' }, t(f.id, f.en))),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('Tindakan', 'Actions')))));
    const table = h('table', { class: 'matrix', 'data-testid': 'matrix', role: 'grid', 'aria-rowcount': 0 }, colgroup, this.thead, this.tbody);
    this.wrap = h('div', { class: 'matrix-wrap' }, table);
    this.empty = h('p', { class: 'notice', 'data-testid': 'empty' });
    this.detail = h('aside', { class: 'detail', 'data-testid': 'detail', hidden: true, 'aria-label': t('Rincian baris', 'Row details') });
    this.lists = h('div', { hidden: true });
    this.board = h('section', { class: 'board', 'data-testid': 'board', 'data-ready': 'false', 'data-state': '', 'data-seq': '0' },
      h('header', { class: 'board-bar' },
        h('div', { class: 'board-title' }, h('h2', {}, c.exerciseTitle), this.stateBadge),
        this.focusText, this.connection),
      this.message, this.side, this.tools, this.wrap, this.empty, this.detail, this.lists);
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
    if (c.all) this.epoch++;
    if (!this.frameRequested) {
      this.frameRequested = true;
      requestAnimationFrame(() => this.frame());
    }
  }

  registryLoaded(): void {
    this.buildLists();
    if (this.newAffair.length === 0) {
      const own = this.registry.organisation(this.model.config.organisationId);
      this.newAffair = own?.affairCodes.find(code => this.registry.affairs.get(code)?.cooperable) ?? '';
      this.toolsSig = '';
    }
    this.schedule({ all: true, side: true, structure: true });
  }

  private frame(): void {
    this.frameRequested = false;
    const d = this.dirty;
    const structure = d.structure || d.all;
    if (structure) this.computeItems();
    if (d.bar || d.rows.size > 0 || structure) this.drawBar();
    if (structure || d.side) this.drawTools();
    if (d.side || structure) this.drawSide();
    if (d.presence) this.drawPresence();
    if (d.markers) this.computeFocus();
    this.drawGrid();
    this.drawDetail();
    d.rows.clear();
    d.all = d.structure = d.side = d.bar = d.markers = d.presence = false;
    if (this.pendingEdit) {
      const { rowId, field } = this.pendingEdit;
      if (this.rowIndex.has(rowId)) {
        this.pendingEdit = null;
        this.reveal(rowId);
        const row = this.viewRows.get(rowId);
        const f = fieldByName.get(field);
        if (row && f) this.startEdit(row, f);
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

  // ---- the model of the grid: filtered, grouped, flattened ----

  private computeItems(): void {
    const rows = this.model.viewRows();
    this.viewRows = new Map(rows.map(r => [r.id, r]));
    const query = this.filterText.trim().toLowerCase();
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const affair = str(r.fields[F.AffairCode]);
      if (this.filterAffair.length > 0 && affair !== this.filterAffair) continue;
      if (this.filterOrganisation.length > 0 && r.owner !== this.filterOrganisation) continue;
      if (this.filterStatus.length > 0 && str(r.fields[F.Status]) !== this.filterStatus) continue;
      if (query.length > 0 && !this.searchText(r).includes(query)) continue;
      let g = groups.get(affair);
      if (!g) groups.set(affair, g = []);
      g.push(r);
    }
    const items: Item[] = [];
    const index = new Map<string, number>();
    for (const key of [...groups.keys()].sort(ordinal)) {
      const g = groups.get(key)!;
      items.push({ kind: 'group', key, count: g.length });
      if (this.collapsed.has(key)) continue;
      for (const r of g) {
        index.set(r.id, items.length);
        items.push({ kind: 'row', row: r });
      }
    }
    this.items = items;
    this.rowIndex = index;
    attr(this.wrap.querySelector('table')!, 'aria-rowcount', String(items.length + 1));
  }

  private searchText(r: Row): string {
    const cached = this.searchCache.get(r.id);
    if (cached && cached.ver === r.ver && cached.epoch === this.epoch) return cached.text;
    const textOf = boardFields.map(f => this.values.display(f.name, r.fields[f.name])).join(' ') + ' ' + this.values.ownerLabel(r.owner);
    const lower = textOf.toLowerCase();
    this.searchCache.set(r.id, { ver: r.ver, epoch: this.epoch, text: lower });
    return lower;
  }

  // ---- the bar, the tools and the side panel ----

  private drawBar(): void {
    const m = this.model;
    attr(this.board, 'data-ready', m.ready ? 'true' : 'false');
    attr(this.board, 'data-state', m.state);
    attr(this.board, 'data-seq', String(m.seq));
    this.stateBadge.className = `session-state state-${m.state}`;
    text(this.stateBadge, this.stateLabel(m.state));
    this.connection.className = `connection conn-${m.connection}`;
    attr(this.connection, 'data-state', m.connection);
    text(this.connectionLabel, this.connectionText(m.connection));
    const unsent = m.stored.queue.length;
    attr(this.unsent, 'data-count', String(unsent));
    text(this.unsent, this.t(`${unsent} belum terkirim`, `${unsent} unsent`));
    this.message.hidden = m.message === null;
    text(this.message, m.message ?? '');
    const rows = this.items.some(i => i.kind === 'row');
    this.empty.hidden = rows;
    text(this.empty, m.ready ? (this.viewRows.size === 0 ? this.t('Belum ada baris.', 'No rows yet.') : this.t('Tidak ada baris yang cocok dengan saringan.', 'No rows match the filters.')) : this.t('Memuat papan…', 'Loading the board…'));
    this.drawFocusText();
  }

  private drawTools(): void {
    const m = this.model;
    const rows = [...this.viewRows.values()];
    const affairs = [...new Set(rows.map(r => str(r.fields[F.AffairCode])))].sort(ordinal);
    const owners = [...new Set(rows.map(r => r.owner))];
    const sig = JSON.stringify([affairs, owners, m.canWrite, m.canContribute, m.state, this.epoch, this.newAffair]);
    if (sig === this.toolsSig) return;
    this.toolsSig = sig;
    const t = this.t;
    const focusedTool = (document.activeElement as HTMLElement | null)?.dataset?.testid;
    const select = (testid: string, value: string, options: [string, string][]) => {
      const s = h('select', { 'data-testid': testid, 'data-action': testid }, ...options.map(([v, label]) => h('option', { value: v }, label)));
      s.value = value;
      return s;
    };
    const affairLabel = (code: string) => code.length === 0 ? t('(tanpa urusan)', '(no affair)') : this.values.display(F.AffairCode, code);
    const parts: Node[] = [
      h('label', {}, t('Urusan', 'Affair'), select('filter-affair', this.filterAffair, [['', t('Semua', 'All')], ...affairs.map(a => [a, affairLabel(a)] as [string, string])])),
      h('label', {}, t('Organisasi', 'Organisation'), select('filter-organisation', this.filterOrganisation, [['', t('Semua', 'All')], ...owners.map(o => [o, this.values.ownerLabel(o)] as [string, string])])),
      h('label', {}, t('Status', 'Status'), select('filter-status', this.filterStatus, [['', t('Semua', 'All')], ...statuses.map(s => [s.code, t(s.id, s.en)] as [string, string])])),
      h('label', {}, t('Cari', 'Search'), h('input', { type: 'search', 'data-testid': 'filter-text', 'data-action': 'filter-text', value: this.filterText, placeholder: t('teks di baris mana pun', 'text in any row') })),
    ];
    if (m.canWrite) {
      const cooperable = [...this.registry.affairs.values()].filter(a => a.cooperable).sort((a, b) => ordinal(a.code, b.code));
      parts.push(h('span', { class: 'add' },
        h('label', {}, t('Urusan baris baru', 'Affair of the new row'),
          select('new-affair', this.newAffair, [['', t('(pilih nanti)', '(choose later)')], ...cooperable.map(a => [a.code, `${a.code} ${a.name}`] as [string, string])])),
        h('button', { type: 'button', 'data-testid': 'add-row', 'data-action': 'add-row' }, `+ ${t('Tambah baris', 'Add row')}`)));
    } else {
      parts.push(h('span', { class: 'readonly-note', 'data-testid': 'read-only' }, this.readOnlyReason()));
    }
    this.tools.replaceChildren(...parts);
    if (focusedTool) (this.tools.querySelector(`[data-testid='${focusedTool}']`) as HTMLElement | null)?.focus();
  }

  private drawPresence(): void {
    const m = this.model;
    const people = m.participants;
    const sig = JSON.stringify(people.map(p => [p.UserId, p.DisplayName, p.OrganisationName, p.FocusField]));
    if (sig === this.presenceSig) return;
    this.presenceSig = sig;
    text(this.presenceCount, `${this.t('Hadir', 'Present')} (${people.length})`);
    this.presence.replaceChildren(...people.map(p => h('li', { 'data-user-id': p.UserId.toLowerCase(), class: p.UserId.toLowerCase() === m.config.userId ? 'me' : null },
      h('span', { class: 'avatar', 'aria-hidden': 'true', title: `${p.DisplayName} (${p.OrganisationName})` }, initials(p.DisplayName)),
      h('span', { class: 'who' }, p.DisplayName), ' ', h('span', { class: 'org' }, p.OrganisationName),
      p.FocusField ? h('span', { class: 'focus-on' }, `· ${this.fieldLabel(p.FocusField)}`) : null)));
  }

  private drawSide(): void {
    const m = this.model;
    const t = this.t;
    const sections: Node[] = [];
    if (m.removedWhileEditing.length > 0) {
      sections.push(h('section', { class: 'removed', 'data-testid': 'removed-while-editing', role: 'alert' },
        h('h3', {}, t('Baris dihapus saat Anda menyunting', 'Row removed while you were editing')),
        ...m.removedWhileEditing.map((r, i) => h('div', { class: 'removed-item', 'data-row-id': r.rowId },
          h('p', {}, t(`${r.by} menghapus baris ini. Teks Anda untuk ${this.fieldLabel(r.field)} tetap di sini untuk disalin:`,
            `${r.by} removed this row. Your text for ${this.fieldLabel(r.field)} is kept here for copying:`)),
          h('textarea', { readonly: true, rows: 2, 'data-testid': 'removed-text' }, r.text),
          h('button', { type: 'button', class: 'link', 'data-action': 'dismiss-removed', 'data-index': i }, t('Tutup', 'Dismiss'))))));
    }
    if (m.stored.queue.length > 0) {
      sections.push(h('section', { class: 'queue', 'data-testid': 'queue', 'aria-label': t('Antrean suntingan', 'Edit queue') },
        h('h3', {}, `${t('Belum terkirim', 'Not sent yet')} (${m.stored.queue.length})`),
        h('ol', {}, ...m.stored.queue.map(op => h('li', { 'data-op-id': op.OpId }, this.opSummary(op.Kind, op.Fields))))));
    }
    if (m.stored.rejected.length > 0) {
      sections.push(h('section', { class: 'rejected', 'data-testid': 'rejected', 'aria-label': t('Suntingan ditolak', 'Rejected edits') },
        h('h3', {}, t('Ditolak server', 'Rejected by the server')),
        h('ul', {}, ...m.stored.rejected.map(r => h('li', { 'data-op-id': r.opId, 'data-code': r.code },
          r.wasQueued ? t('Suntingan dari antrean: ', 'Queued edit: ') : '', h('strong', {}, this.fieldLabel(r.field ?? '')), ` — ${r.message} (${r.code}) `,
          h('button', { type: 'button', class: 'link', 'data-action': 'dismiss-rejected', 'data-op-id': r.opId }, t('Tutup', 'Dismiss')))))));
    }
    if (m.notices.length > 0) {
      sections.push(h('section', { class: 'notices', 'data-testid': 'notices' }, ...m.notices.map(x => {
        const open = this.openNotices.has(x.id);
        return h('div', { class: 'overwrite', 'data-testid': 'overwrite-notice' },
          h('button', { type: 'button', class: 'link', 'aria-expanded': open ? 'true' : 'false', 'data-action': 'toggle-notice', 'data-id': x.id },
            t(`${x.by} (${x.organisationName}) menimpa nilai Anda pada ${this.fieldLabel(x.field)}`, `${x.by} (${x.organisationName}) overwrote your value of ${this.fieldLabel(x.field)}`)),
          open ? h('dl', { class: 'both-values' },
            h('dt', {}, t('Nilai Anda', 'Your value')), h('dd', { 'data-testid': 'your-value' }, this.values.display(x.field, x.yours)),
            h('dt', {}, t('Nilai baru', 'New value')), h('dd', { 'data-testid': 'their-value' }, this.values.display(x.field, x.theirs))) : null);
      })));
    }
    if (m.canFacilitate) {
      const owners = new Set([...this.viewRows.values()].map(r => r.owner));
      const actions: Node[] = [];
      if (m.state === SessionStates.Open) actions.push(h('button', { type: 'button', 'data-testid': 'lock', 'data-action': 'lock' }, t('Kunci sesi', 'Lock session')));
      else if (m.state === SessionStates.Locked) actions.push(h('button', { type: 'button', 'data-testid': 'unlock', 'data-action': 'unlock' }, t('Buka kunci', 'Unlock')));
      if (m.state !== SessionStates.Closed) actions.push(h('button', { type: 'button', class: 'secondary', 'data-testid': 'close', 'data-action': 'close' }, t('Tutup sesi', 'Close session')));
      sections.push(h('section', { class: 'facilitator', 'data-testid': 'facilitator', 'aria-label': t('Kendali fasilitator', 'Facilitator controls') },
        h('h3', {}, t('Fasilitator', 'Facilitator')), h('div', { class: 'actions' }, ...actions),
        h('h4', {}, t('Belum berkontribusi', 'Not contributed yet')),
        h('ul', { 'data-testid': 'not-contributed' }, ...m.config.invitedOrganisationIds.filter(o => !owners.has(o))
          .map(o => h('li', { 'data-organisation-id': o }, this.values.ownerLabel(o))))));
    }
    const focusedAction = (document.activeElement as HTMLElement | null)?.closest?.('.side-rest') ? (document.activeElement as HTMLElement).dataset.action : undefined;
    this.sideRest.replaceChildren(...sections);
    if (focusedAction) (this.sideRest.querySelector(`[data-action='${focusedAction}']`) as HTMLElement | null)?.focus();
  }

  // ---- the grid ----

  private drawGrid(): void {
    const theadHeight = this.thead.offsetHeight;
    const top = Math.max(0, this.wrap.scrollTop - theadHeight);
    const height = this.wrap.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const last = Math.min(this.items.length, Math.ceil((top + height) / rowHeight) + overscan);
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
    const label = item.key.length === 0 ? this.t('(tanpa urusan)', '(no affair)') : this.values.display(F.AffairCode, item.key);
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
    if (dom.ver !== row.ver || dom.epoch !== this.epoch) {
      dom.ver = row.ver;
      dom.epoch = this.epoch;
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

  private drawActions(dom: RowDom, row: Row): void {
    const expanded = this.detailRowId === row.id;
    const canRemove = this.model.canEditRow(row) && row.owner === this.model.config.organisationId;
    const sig = `${expanded}|${canRemove}`;
    if (dom.actions.dataset.sig === sig) return;
    dom.actions.dataset.sig = sig;
    const buttons: Node[] = [h('button', { type: 'button', class: 'link', 'aria-expanded': expanded ? 'true' : 'false', 'data-testid': 'expand', 'data-action': 'expand' },
      expanded ? this.t('Tutup', 'Less') : this.t('Rinci', 'More'))];
    if (canRemove) buttons.push(h('button', { type: 'button', class: 'link danger', 'data-testid': 'remove', 'data-action': 'remove' }, this.t('Hapus', 'Remove')));
    dom.actions.replaceChildren(...buttons);
  }

  private canEditField(row: Row, f: BoardField): boolean {
    return this.model.canEditRow(row) && f.kind !== 'readOnly' && (f.name !== F.Status || this.model.canFacilitate);
  }

  /** Writes one cell (not while its editor is open): its value, state classes and error. */
  private drawCell(cell: HTMLElement, row: Row, f: BoardField): void {
    if (this.editing && this.editing.rowId === row.id && this.editing.field === f.name) return;
    const editable = this.canEditField(row, f);
    const error = this.model.errors.get(errorKey(row.id, f.name));
    const display = this.values.display(f.name, row.fields[f.name]);
    const pending = !!row.pendingFields?.has(f.name);
    const sig = `${editable}|${pending}|${display}|${error?.text ?? ''}`;
    if (cell.dataset.sig === sig) return;
    cell.dataset.sig = sig;
    cell.classList.toggle('editable', editable);
    cell.classList.toggle('readonly', !editable);
    cell.classList.toggle('pending', pending);
    cell.classList.toggle('invalid', !!error);
    attr(cell, 'aria-readonly', editable ? 'false' : 'true');
    attr(cell, 'aria-invalid', error ? 'true' : 'false');
    attr(cell, 'title', display.length > 0 ? display : null);
    let value = cell.querySelector<HTMLElement>(':scope > [data-testid=value]');
    if (!value) {
      cell.replaceChildren(value = h('span', { class: 'value', 'data-testid': 'value' }), h('span', { class: 'markers' }));
      cell.dataset.markerSig = '';
    }
    text(value, display);
    let errorEl = cell.querySelector<HTMLElement>(':scope > [data-testid=field-error]');
    if (error) {
      if (!errorEl) cell.append(errorEl = h('span', { class: 'field-error', role: 'alert', 'data-testid': 'field-error' }));
      const rejected = this.values.display(f.name, error.value);
      text(errorEl, rejected.length > 0 ? `«${rejected}»: ${error.text}` : error.text);
    } else {
      errorEl?.remove();
    }
  }

  // ---- presence markers: the only thing a presence tick redraws ----

  private computeFocus(): void {
    const me = this.model.config.userId;
    const byRow = new Map<string, Participant[]>();
    for (const p of this.model.participants) {
      if (p.UserId.toLowerCase() === me || !p.FocusRowId) continue;
      const id = p.FocusRowId.toLowerCase();
      let list = byRow.get(id);
      if (!list) byRow.set(id, list = []);
      list.push(p);
    }
    this.focusByRow = byRow;
  }

  private drawRowMarkers(dom: RowDom, rowId: string): void {
    const people = this.focusByRow.get(rowId) ?? [];
    const sig = people.map(p => `${p.UserId}:${p.FocusField}:${p.DisplayName}`).join('|');
    if (sig === dom.markerSig) return;
    dom.markerSig = sig;
    dom.tr.classList.toggle('focused-by-other', people.length > 0);
    dom.markers.replaceChildren(...people.map(p => this.marker(p, 'row-marker')));
    for (const [field, cell] of dom.cells) this.drawCellMarkers(cell, people.filter(p => p.FocusField === field));
  }

  private drawCellMarkers(cell: HTMLElement, people: Participant[]): void {
    const sig = people.map(p => `${p.UserId}:${p.DisplayName}`).join('|');
    if (cell.dataset.markerSig === sig) return;
    cell.dataset.markerSig = sig;
    cell.classList.toggle('focused-by-other', people.length > 0);
    let markers = cell.querySelector<HTMLElement>(':scope > .markers');
    if (!markers) cell.append(markers = h('span', { class: 'markers' }));
    markers.replaceChildren(...people.map(p => this.marker(p, 'field-marker')));
  }

  private marker(p: Participant, testid: string): HTMLElement {
    return h('span', { class: 'marker', 'data-testid': testid, title: `${p.DisplayName} (${p.OrganisationName})` }, initials(p.DisplayName));
  }

  // ---- the detail panel (the row's other fields, and the full text of its key fields) ----

  private drawDetail(): void {
    const row = this.detailRowId ? this.viewRows.get(this.detailRowId) : undefined;
    if (this.detailRowId && !row) {
      this.detailRowId = null;
    }
    if (!row) {
      if (!this.detail.hidden) {
        this.detail.hidden = true;
        this.detail.replaceChildren();
        this.detailVer = NaN;
      }
      return;
    }
    this.detail.hidden = false;
    if (this.detail.dataset.rowId !== row.id) {
      this.detail.dataset.rowId = row.id;
      this.detail.replaceChildren(
        h('header', {}, h('h3', {}, this.t('Rincian baris', 'Row details')),
          h('button', { type: 'button', class: 'link', 'data-action': 'close-detail', 'data-testid': 'close-detail' }, this.t('Tutup', 'Close'))),
        h('dl', { class: 'key-values' }),
        h('div', { class: 'detail-grid' }, ...detailFields.map(f => h('div', { class: 'detail' },
          h('span', { class: 'detail-label' }, this.t(f.id, f.en)),
          h('div', { class: 'cell', id: cellId(row.id, f.name), 'data-field': f.name, 'data-row-id': row.id, tabindex: 0, role: 'gridcell', 'aria-label': this.t(f.id, f.en) },
            h('span', { class: 'value', 'data-testid': 'value' }), h('span', { class: 'markers' }))))));
      this.detailVer = NaN;
    }
    if (this.detailVer === row.ver && this.detailEpoch === this.epoch) return;
    this.detailVer = row.ver;
    this.detailEpoch = this.epoch;
    this.detail.querySelector('dl.key-values')!.replaceChildren(...keyFields.flatMap(f => [
      h('dt', {}, this.t(f.id, f.en)), h('dd', {}, this.values.display(f.name, row.fields[f.name]))]));
    for (const f of detailFields) this.drawCell(this.detail.querySelector<HTMLElement>(`[id='${cellId(row.id, f.name)}']`)!, row, f);
  }

  // ---- focus, keyboard and editing ----

  private drawFocusText(): void {
    const fo = this.focused;
    const row = fo ? this.viewRows.get(fo.rowId) : undefined;
    const value = fo && row ? this.values.display(fo.field, row.fields[fo.field]) : '';
    text(this.focusText, fo && row ? `${this.fieldLabel(fo.field)}: ${value}` : '');
    attr(this.focusText, 'title', value.length > 0 ? value : null);
  }

  private cellOf(target: EventTarget | null): { cell: HTMLElement; row: Row; field: BoardField } | null {
    const cell = (target as HTMLElement | null)?.closest?.<HTMLElement>('.cell');
    if (!cell) return null;
    const rowId = cell.closest<HTMLElement>('tr.row')?.dataset.rowId ?? cell.dataset.rowId;
    const row = rowId ? this.viewRows.get(rowId) : undefined;
    const field = fieldByName.get(cell.dataset.field ?? '');
    return row && field ? { cell, row, field } : null;
  }

  private wire(): void {
    const b = this.board;
    this.wrap.addEventListener('scroll', () => this.schedule({}), { passive: true });
    window.addEventListener('resize', () => this.schedule({}));
    b.addEventListener('focusin', e => {
      const target = e.target as HTMLElement;
      const c = this.cellOf(target);
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
      if (c && !(this.editing && this.editing.rowId === c.row.id && this.editing.field === c.field.name)) this.startEdit(c.row, c.field);
    });
    b.addEventListener('change', e => {
      const target = e.target as HTMLElement;
      const action = target.dataset.action;
      if (target.dataset.testid === 'editor' && target.tagName === 'SELECT') {
        this.commit();
        return;
      }
      if (!action) return;
      const value = (target as HTMLSelectElement).value;
      if (action === 'filter-affair') this.filterAffair = value;
      else if (action === 'filter-organisation') this.filterOrganisation = value;
      else if (action === 'filter-status') this.filterStatus = value;
      else if (action === 'new-affair') this.newAffair = value;
      this.schedule({ structure: true });
    });
    b.addEventListener('input', e => {
      const target = e.target as HTMLInputElement;
      if (target.dataset.action === 'filter-text') {
        this.filterText = target.value;
        this.wrap.scrollTop = 0;
        this.schedule({ structure: true });
      }
    });
    b.addEventListener('keydown', e => {
      const target = e.target as HTMLElement;
      if (target.dataset.testid === 'editor') {
        this.editorKey(e);
        return;
      }
      const c = this.cellOf(target);
      if (c && target === c.cell) this.cellKey(e, c.row, c.field);
      else if (e.key === 'Tab') this.tabOut(e, target);
    });
    b.addEventListener('focusout', e => {
      const target = e.target as HTMLElement;
      if (target.dataset.testid !== 'editor' || !this.editing || this.editing.input !== target) return;
      const f = fieldByName.get(this.editing.field);
      // Text and number editors save on leaving them; choices save on change, multi-value editors on an empty Enter.
      if (f && target.tagName === 'INPUT' && !isMulti(f.kind)) this.commit(false);
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
          this.detailRowId = this.detailRowId === rowId ? null : rowId;
          this.redrawActions();
        }
        break;
      case 'close-detail': this.detailRowId = null; this.redrawActions(); break;
      case 'remove': if (rowId) m.submit(OpKinds.Remove, rowId, {}); break;
      case 'toggle-group': {
        const key = button.dataset.key ?? '';
        if (!this.collapsed.delete(key)) this.collapsed.add(key);
        this.schedule({ structure: true });
        break;
      }
      case 'lock': case 'unlock': case 'close': void m.changeSession(action); break;
      case 'dismiss-rejected': m.dismissRejected(button.dataset.opId ?? ''); break;
      case 'dismiss-removed': m.removedWhileEditing.splice(Number(button.dataset.index), 1); this.schedule({ side: true }); break;
      case 'toggle-notice': {
        const id = Number(button.dataset.id);
        if (!this.openNotices.delete(id)) this.openNotices.add(id);
        this.schedule({ side: true });
        break;
      }
      case 'remove-chip': {
        if (!this.editing) break;
        this.editing.multi = this.editing.multi.filter(c => c !== button.dataset.code);
        this.drawChips();
        this.editing.input.focus();
        break;
      }
    }
  }

  private redrawActions(): void {
    for (const [id, dom] of this.rowDoms) {
      const r = this.viewRows.get(id);
      if (r) this.drawActions(dom, r);
    }
    this.schedule({});
  }

  private addRow(): void {
    const m = this.model;
    const rowId = crypto.randomUUID();
    const fields: Record<string, FieldValue> = {};
    if (this.newAffair.length > 0) fields[F.AffairCode] = this.newAffair;
    const own = this.registry.organisation(m.config.organisationId);
    if (own?.kind === 'agency') fields[F.ResponsibleAgencyId] = m.config.organisationId;
    m.submit(OpKinds.Add, rowId, fields);
    // The new row's potential is edited straight away (once the row is drawn).
    this.filterAffair = this.filterOrganisation = this.filterStatus = this.filterText = '';
    this.toolsSig = '';
    this.pendingEdit = { rowId, field: F.Potential };
    this.schedule({ structure: true });
  }

  private cellKey(e: KeyboardEvent, row: Row, f: BoardField): void {
    switch (e.key) {
      case 'Enter': case 'F2':
        e.preventDefault();
        this.startEdit(row, f);
        return;
      case 'ArrowDown': case 'ArrowUp': case 'PageDown': case 'PageUp': {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? pageRows : -pageRows;
        this.moveRow(row.id, f, step);
        return;
      }
      case 'ArrowLeft': case 'ArrowRight': {
        const at = keyFields.indexOf(f);
        const next = keyFields[at + (e.key === 'ArrowRight' ? 1 : -1)];
        if (at >= 0 && next) {
          e.preventDefault();
          this.focusCell(row.id, next.name);
        }
        return;
      }
      case 'Tab':
        this.tabOut(e, e.target as HTMLElement);
    }
  }

  /** Tab past the last drawn row (or Shift+Tab before the first) goes on to the next row that is not drawn yet. */
  private tabOut(e: KeyboardEvent, target: HTMLElement): void {
    const tr = target.closest<HTMLElement>('tr.row');
    if (!tr?.dataset.rowId) return;
    const focusables = [...tr.querySelectorAll<HTMLElement>('.cell, button')];
    if (!e.shiftKey && target === focusables[focusables.length - 1] && tr.nextElementSibling === this.bottomSpacer) {
      if (this.moveRow(tr.dataset.rowId, keyFields[0], 1)) e.preventDefault();
    } else if (e.shiftKey && target === focusables[0] && tr.previousElementSibling === this.topSpacer) {
      if (this.moveRow(tr.dataset.rowId, keyFields[keyFields.length - 1], -1)) e.preventDefault();
    }
  }

  private moveRow(fromRowId: string, f: BoardField, step: number): boolean {
    const from = this.rowIndex.get(fromRowId);
    if (from === undefined) return false;
    let i = Math.min(Math.max(from + step, 0), this.items.length - 1);
    const dir = step > 0 ? 1 : -1;
    while (i >= 0 && i < this.items.length && this.items[i].kind !== 'row') i += dir;
    const item = this.items[i];
    if (!item || item.kind !== 'row' || item.row.id === fromRowId) return false;
    this.focusCell(item.row.id, f.name);
    return true;
  }

  // ---- facilitation hooks (follow.ts, votes.ts, timer.ts) ----

  /** What this board shows: the affair filter, the search, the first row in the viewport and the focused row. */
  shownView(): { affair: string; search: string; topRowId: string | null; focusRowId: string | null; rowIds: string[] } {
    const rowIds = this.items.flatMap(i => i.kind === 'row' ? [i.row.id] : []);
    let topRowId: string | null = null;
    for (let i = Math.max(0, Math.floor(this.wrap.scrollTop / rowHeight)); i < this.items.length && topRowId === null; i++) {
      const item = this.items[i];
      if (item.kind === 'row') topRowId = item.row.id;
    }
    return { affair: this.filterAffair, search: this.filterText, topRowId, focusRowId: this.focused?.rowId ?? null, rowIds };
  }

  /** Shows what the facilitator shows: the same filters, the same first row at the top of the viewport. */
  showView(affair: string, search: string, topRowId: string | null): void {
    this.filterAffair = affair;
    this.filterText = search;
    this.filterOrganisation = this.filterStatus = '';
    this.toolsSig = '';
    this.computeItems();
    const index = topRowId ? this.rowIndex.get(topRowId) : undefined;
    this.wrap.scrollTop = index === undefined ? 0 : index * rowHeight;
    this.schedule({ structure: true });
  }

  /** A facilitation panel, above the filters. */
  addPanel(panel: HTMLElement): void { this.tools.before(panel); }

  /** The scrolling matrix (the facilitator's board shares its view when it scrolls). */
  get scroller(): HTMLElement { return this.wrap; }

  /** Scrolls a row into the viewport and draws it now (keyboard and search reach every row, drawn or not). */
  reveal(rowId: string): void {
    const index = this.rowIndex.get(rowId);
    if (index === undefined) return;
    const theadHeight = this.thead.offsetHeight;
    const top = index * rowHeight + theadHeight;
    const view = this.wrap.clientHeight;
    if (top - theadHeight < this.wrap.scrollTop) this.wrap.scrollTop = top - theadHeight;
    else if (top + rowHeight > this.wrap.scrollTop + view) this.wrap.scrollTop = top + rowHeight - view;
    this.drawGrid();
    // The wrap may be below the page's fold: bring the row into the window too.
    this.rowDoms.get(rowId)?.tr.scrollIntoView({ block: 'nearest' });
  }

  private focusCell(rowId: string, field: string): void {
    if (keyFields.some(k => k.name === field)) this.reveal(rowId);
    document.getElementById(cellId(rowId, field))?.focus({ preventScroll: true });
  }

  private startEdit(row: Row, f: BoardField): void {
    if (!this.canEditField(row, f)) return;
    if (this.editing) this.commit(false);
    if (keyFields.includes(f)) this.reveal(row.id);
    const cell = document.getElementById(cellId(row.id, f.name));
    if (!cell) return;
    const value = row.fields[f.name];
    const id = editorId(row.id, f.name);
    const t = this.t;
    let input: HTMLInputElement | HTMLSelectElement;
    const multi = isMulti(f.kind) ? this.values.codes(f, value) : [];
    if (f.kind === 'choice' || f.kind === 'bool') {
      const options: [string, string][] = f.kind === 'bool' ? [['true', t('Ya', 'Yes')], ['false', t('Tidak', 'No')]] : (f.choices ?? []).map(c => [c.code, t(c.id, c.en)]);
      input = h('select', { id, 'data-testid': 'editor' }, h('option', { value: '' }, '—'), ...options.map(([v, label]) => h('option', { value: v }, label)));
      input.value = this.values.draftOf(f, value);
    } else {
      input = h('input', { id, 'data-testid': 'editor', type: f.kind === 'number' || f.kind === 'decimal' ? 'number' : null, step: f.kind === 'decimal' ? 'any' : null, list: listOf(f),
        placeholder: isMulti(f.kind) ? t('Cari lalu Enter; Enter kosong menyimpan', 'Search then Enter; empty Enter saves') : null });
      input.value = isMulti(f.kind) ? '' : this.values.draftOf(f, value);
    }
    this.editing = { rowId: row.id, field: f.name, multi, input };
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
    const e = this.editing;
    if (!e) return '';
    const f = fieldByName.get(e.field);
    const typed = e.input.value;
    if (f && isMulti(f.kind)) return [...e.multi.map(c => this.values.chipLabel(f, c)), typed].filter(s => s.length > 0).join(', ');
    return typed;
  }

  private drawChips(): void {
    const e = this.editing;
    const f = e ? fieldByName.get(e.field) : undefined;
    const chips = e?.input.parentElement?.querySelector(':scope > .chips');
    if (!e || !f || !chips) return;
    chips.replaceChildren(...e.multi.map(code => h('span', { class: 'chip' }, this.values.chipLabel(f, code), ' ',
      h('button', { type: 'button', class: 'link', 'data-action': 'remove-chip', 'data-code': code, 'aria-label': `${this.t('Hapus', 'Remove')} ${code}` }, '×'))));
  }

  private editorKey(e: KeyboardEvent): void {
    e.stopPropagation();
    const ed = this.editing;
    if (!ed) return;
    const f = fieldByName.get(ed.field);
    if (e.key === 'Escape') {
      e.preventDefault();
      this.endEdit(true);
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
  private commit(refocus = true): void {
    const ed = this.editing;
    if (!ed) return;
    const f = fieldByName.get(ed.field)!;
    const row = this.viewRows.get(ed.rowId) ?? this.model.viewRows().find(r => r.id === ed.rowId);
    let value: FieldValue;
    if (isMulti(f.kind)) {
      const codes = [...ed.multi];
      if (ed.input.value.trim().length > 0) codes.push(codeOf(ed.input.value));
      value = codes.length === 0 ? null : this.values.multiValue(f, codes);
    } else {
      value = this.values.parse(f, ed.input.value);
    }
    this.endEdit(refocus);
    if (!row) return; // Removed meanwhile: the side panel keeps the text (see BoardModel.apply).
    if (same(row.fields[f.name], value)) return;
    this.model.submit(OpKinds.Update, row.id, { [f.name]: value });
  }

  private endEdit(refocus: boolean): void {
    const ed = this.editing;
    if (!ed) return;
    this.editing = null;
    this.model.editing = null;
    const cell = document.getElementById(cellId(ed.rowId, ed.field));
    if (cell) {
      cell.classList.remove('editing');
      cell.dataset.sig = '';
      cell.replaceChildren(h('span', { class: 'value', 'data-testid': 'value' }), h('span', { class: 'markers' }));
      cell.dataset.markerSig = '';
      const row = this.viewRows.get(ed.rowId);
      const f = fieldByName.get(ed.field);
      if (row && f) this.drawCell(cell, row, f);
      const dom = this.rowDoms.get(ed.rowId);
      if (dom) dom.markerSig = '';
      if (refocus) cell.focus({ preventScroll: true });
    }
    this.model.touch(ed.rowId);
  }

  // ---- labels ----

  private buildLists(): void {
    const r = this.registry;
    const list = (id: string, options: [string, string][]) => h('datalist', { id }, ...options.map(([v, label]) => h('option', { value: v }, label)));
    const organisations = [...r.organisations.values()];
    this.lists.replaceChildren(
      list('affair-options', [...r.affairs.values()].filter(a => a.cooperable).map(a => [a.code, `${a.code} ${a.name}`])),
      list('region-options', [...r.regions.values()].map(x => [x.code, x.name])),
      list('partner-options', organisations.filter(o => o.kind !== 'agency').map(o => [o.code, o.name])),
      list('agency-options', organisations.filter(o => o.kind === 'agency').map(o => [o.code, o.name])));
  }

  private fieldLabel(field: string): string {
    const f = fieldByName.get(field);
    return f ? this.t(f.id, f.en) : field;
  }

  private stateLabel(state: string): string {
    switch (state) {
      case SessionStates.Open: return this.t('Sesi terbuka', 'Session open');
      case SessionStates.Locked: return this.t('Sesi terkunci', 'Session locked');
      case SessionStates.Closed: return this.t('Sesi ditutup', 'Session closed');
      default: return this.t('Menghubungkan…', 'Connecting…');
    }
  }

  private connectionText(c: string): string {
    switch (c) {
      case 'connected': return this.t('Terhubung', 'Connected');
      case 'reconnecting': return this.t('Menyambung ulang…', 'Reconnecting…');
      case 'offline': return this.t('Luring', 'Offline');
      default: return this.t('Menghubungkan…', 'Connecting…');
    }
  }

  private readOnlyReason(): string {
    const m = this.model;
    if (!m.canContribute) return this.t('Anda pengamat: papan hanya dapat dibaca.', 'You are an observer: the board is read-only.');
    if (m.state === SessionStates.Closed) return this.t('Sesi ditutup: papan hanya dapat dibaca.', 'The session is closed: the board is read-only.');
    return this.t('Sesi dikunci fasilitator: papan hanya dapat dibaca.', 'The facilitator locked the session: the board is read-only.');
  }

  private opSummary(kind: string, fields: Record<string, FieldValue>): string {
    if (kind === OpKinds.Add) return this.t('Baris baru', 'New row');
    if (kind === OpKinds.Remove) return this.t('Hapus baris', 'Remove row');
    return Object.entries(fields).map(([k, v]) => `${this.fieldLabel(k)}: ${this.values.display(k, v)}`).join(', ');
  }
}

const str = (v: FieldValue | undefined): string => v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

const ordinal = (a: string, b: string): number => a < b ? -1 : a > b ? 1 : 0;

function listOf(f: BoardField): string | null {
  switch (f.kind) {
    case 'affair': return 'affair-options';
    case 'regions': return 'region-options';
    case 'partnerOrganisations': return 'partner-options';
    case 'agency': case 'agencies': return 'agency-options';
    default: return null;
  }
}

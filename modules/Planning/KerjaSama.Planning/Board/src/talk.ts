// The discussion on rows and the duplicate pairs (issue 19): a panel under the board for the row in focus (its comments
// and questions, a form with an @-picker of the invited organisations, its similar rows), markers in the owner column of
// every row (open items, a mention of this user's organisation, a similar row), and "mirip dengan …" hints while a
// potential or object is typed. Every text from people goes into the DOM as text (dom.ts's h and text), never as HTML.
import type * as signalR from '@microsoft/signalr';
import {
  CommentKinds, MatrixFieldNames, TalkHubNames,
  type CommentResult, type DuplicatePair, type DuplicateResult, type RowComment, type SimilarRow,
} from './contracts.g';
import type { Text } from './config';
import { h, text } from './dom';
import type { BoardModel } from './model';
import type { Values } from './values';
import {
  type Caller, commentProblem, commentsOf, errorLine, lower, maxLength, mayMerge, mayResolve, mentions, openPairsOf, otherRow, pairDecisions,
  pairStatusLabel, pairsWith, rowMarks, similarLine, worthChecking,
} from './board/discussion';

const hintDelayMs = 400;

/** A part of the board that listens to the hub: attached when the hub is built, told after each (re)join. */
export interface BoardExtension {
  attach(hub: signalR.HubConnection): void;
  joined(): void;
}

export class BoardTalk implements BoardExtension {
  readonly comments = new Map<string, RowComment>();
  pairs: DuplicatePair[] = [];
  hints: SimilarRow[] = [];
  rowId: string | null = null;
  private hub: signalR.HubConnection | null = null;
  private hintTimer = 0;
  private hintFor = '';
  private mentions: string[] = [];
  private error = '';
  private drawn = false;
  private readonly panel: HTMLElement;
  private readonly title: HTMLElement;
  private readonly list: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly kind: HTMLSelectElement;
  private readonly input: HTMLTextAreaElement;
  private readonly picker: HTMLSelectElement;
  private readonly chips: HTMLElement;
  private readonly errorLine: HTMLElement;
  private readonly similar: HTMLElement;
  private readonly hintList: HTMLElement;

  constructor(private readonly model: BoardModel, private readonly values: Values, private readonly t: Text, private readonly root: HTMLElement) {
    this.title = h('h3', {}, t('Diskusi baris', 'Row discussion'));
    this.list = h('ul', { class: 'talk-comments', 'data-testid': 'talk-comments', 'aria-live': 'polite' });
    this.kind = h('select', { 'data-testid': 'comment-kind', 'aria-label': t('Jenis', 'Kind') },
      h('option', { value: CommentKinds.Comment }, t('Komentar', 'Comment')), h('option', { value: CommentKinds.Question }, t('Pertanyaan', 'Question')));
    this.input = h('textarea', { 'data-testid': 'comment-input', rows: 2, maxlength: maxLength, 'aria-label': t('Tulis komentar', 'Write a comment'),
      placeholder: t('Tulis komentar atau pertanyaan…', 'Write a comment or question…') });
    this.picker = h('select', { 'data-testid': 'mention-picker', 'aria-label': t('Sebut organisasi', 'Mention an organisation') });
    this.chips = h('span', { class: 'talk-mentions', 'data-testid': 'mentions' });
    this.errorLine = h('p', { class: 'talk-error', 'data-testid': 'talk-error', role: 'alert', hidden: true });
    this.form = h('form', { class: 'talk-form', 'data-testid': 'comment-form' }, this.input,
      h('div', { class: 'talk-form-row' }, this.kind, this.picker, this.chips,
        h('button', { type: 'submit', 'data-testid': 'comment-send' }, t('Kirim', 'Send'))), this.errorLine);
    this.hintList = h('ul', { 'data-testid': 'similar-hints' });
    this.similar = h('div', { class: 'talk-similar', 'data-testid': 'talk-similar' });
    this.panel = h('section', { class: 'talk', 'data-testid': 'talk-panel', 'aria-label': t('Diskusi dan kemiripan', 'Discussion and similar rows') },
      h('div', { class: 'talk-discussion' }, this.title, this.list, this.form),
      h('div', { class: 'talk-side' }, h('h3', {}, t('Baris yang mirip', 'Similar rows')), this.hintList, this.similar));
    root.append(this.panel);
    // Rows scrolled into view are drawn anew by the grid: mark them as they come.
    new MutationObserver(records => {
      for (const r of records) {
        for (const node of r.addedNodes) if (node instanceof HTMLElement && node.matches('tr.row')) this.markRow(node);
      }
    }).observe(root, { childList: true, subtree: true });
    this.wire();
    this.draw();
  }

  // ---- the hub ----

  attach(hub: signalR.HubConnection): void {
    this.hub = hub;
    hub.on(TalkHubNames.CommentChanged, (c: RowComment) => {
      this.comments.set(lower(c.CommentId), c);
      this.draw();
    });
    hub.on(TalkHubNames.Duplicates, (session: string, pairs: DuplicatePair[]) => {
      if (lower(session) !== this.model.config.sessionId) return;
      this.pairs = pairs ?? [];
      this.draw();
    });
  }

  joined(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.hub) return;
    try {
      const [comments, pairs] = await Promise.all([
        this.hub.invoke<RowComment[]>(TalkHubNames.ListComments, this.model.config.sessionId, null),
        this.hub.invoke<DuplicatePair[]>(TalkHubNames.ListDuplicates, this.model.config.sessionId),
      ]);
      this.comments.clear();
      for (const c of comments ?? []) this.comments.set(lower(c.CommentId), c);
      this.pairs = pairs ?? [];
      this.draw();
    } catch (e) {
      this.showError(e instanceof Error ? e.message : String(e));
    }
  }

  // ---- what the board asks ----

  commentsOf(rowId: string): RowComment[] { return commentsOf(this.comments.values(), rowId); }

  /** The pairs a row is in that still call for attention (open, linked or proposed for merging). */
  pairsOf(rowId: string): DuplicatePair[] { return openPairsOf(this.pairs, rowId); }

  private mentionsMe(c: RowComment): boolean { return mentions(c, this.model.config.organisationId); }

  private get caller(): Caller {
    const m = this.model;
    return { organisationId: m.config.organisationId, canContribute: m.canContribute, canFacilitate: m.canFacilitate };
  }

  // ---- events ----

  private wire(): void {
    // The row in focus on the board (its cells, its detail panel) is the one discussed.
    this.root.addEventListener('focusin', e => {
      const target = e.target as HTMLElement;
      if (this.panel.contains(target)) return;
      const rowId = target.closest<HTMLElement>('tr.row')?.dataset.rowId ?? target.closest<HTMLElement>('[data-row-id]')?.dataset.rowId;
      if (rowId && rowId !== this.rowId) {
        this.rowId = rowId;
        this.hints = [];
        this.error = '';
        this.draw();
      }
    });
    // "Mirip dengan …" while a potential or object is typed (debounced; nothing is stored).
    this.root.addEventListener('input', e => {
      const target = e.target as HTMLElement;
      if (!(target instanceof HTMLInputElement) || this.panel.contains(target)) return;
      const cell = target.closest<HTMLElement>('.cell');
      const field = cell?.dataset.field;
      if (field !== MatrixFieldNames.Potential && field !== MatrixFieldNames.CooperationObject) return;
      const rowId = cell?.closest<HTMLElement>('tr.row')?.dataset.rowId ?? cell?.dataset.rowId;
      if (!rowId) return;
      window.clearTimeout(this.hintTimer);
      const typed = target.value;
      this.hintTimer = window.setTimeout(() => { void this.checkSimilar(rowId, typed); }, hintDelayMs);
    });
    this.root.addEventListener('click', e => {
      const marker = (e.target as HTMLElement).closest<HTMLElement>('[data-talk-row]');
      if (marker) {
        this.rowId = marker.dataset.talkRow!;
        this.draw();
      }
    });
    this.form.addEventListener('submit', e => {
      e.preventDefault();
      void this.post();
    });
    this.picker.addEventListener('change', () => {
      const id = this.picker.value;
      if (id && !this.mentions.includes(id)) this.mentions.push(id);
      this.picker.value = '';
      this.drawForm();
    });
    this.panel.addEventListener('click', e => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-talk]');
      if (!button) return;
      const d = button.dataset;
      if (d.talk === 'unmention') {
        this.mentions = this.mentions.filter(m => m !== d.id);
        this.drawForm();
      } else if (d.talk === 'resolve' || d.talk === 'reopen') {
        void this.resolve(d.id!, d.talk === 'resolve');
      } else if (d.talk === 'merge') {
        void this.merge(d.id!, d.into!);
      } else if (d.talk) {
        void this.decide(d.id!, d.talk);
      }
    });
  }

  private async checkSimilar(rowId: string, typed: string): Promise<void> {
    const affair = this.model.rows.get(rowId)?.fields[MatrixFieldNames.AffairCode];
    if (!this.hub || !worthChecking(affair, typed)) {
      this.hints = [];
      this.draw();
      return;
    }
    const key = `${rowId}|${affair}|${typed}`;
    this.hintFor = key;
    try {
      const found = await this.hub.invoke<SimilarRow[]>(TalkHubNames.CheckSimilar, this.model.config.sessionId, affair, typed);
      if (this.hintFor !== key) return;
      this.rowId = rowId;
      this.hints = (found ?? []).filter(s => lower(s.RowId) !== rowId);
      this.draw();
    } catch {
      // Hints are a courtesy: a failed look-up shows none.
    }
  }

  private async post(): Promise<void> {
    if (!this.hub || !this.rowId) return;
    const body = this.input.value.trim();
    const problem = commentProblem(this.t, body);
    if (problem !== null) return this.showError(problem);
    try {
      const result = await this.hub.invoke<CommentResult>(TalkHubNames.PostComment, {
        SessionId: this.model.config.sessionId, RowId: this.rowId, Kind: this.kind.value, Text: body, MentionedOrganisationIds: this.mentions,
      });
      if (result.Error) return this.showError(errorLine(result.Error));
      if (result.Comment) this.comments.set(lower(result.Comment.CommentId), result.Comment);
      this.input.value = '';
      this.mentions = [];
      this.error = '';
      this.draw();
    } catch (e) {
      this.showError(e instanceof Error ? e.message : String(e));
    }
  }

  private async resolve(commentId: string, resolved: boolean): Promise<void> {
    if (!this.hub) return;
    const result = await this.hub.invoke<CommentResult>(TalkHubNames.ResolveComment, this.model.config.sessionId, commentId, resolved);
    if (result.Error) return this.showError(errorLine(result.Error));
    if (result.Comment) this.comments.set(lower(result.Comment.CommentId), result.Comment);
    this.draw();
  }

  private async decide(pairId: string, decision: string): Promise<void> {
    if (!this.hub) return;
    const result = await this.hub.invoke<DuplicateResult>(TalkHubNames.DecideDuplicate, this.model.config.sessionId, pairId, decision);
    if (result.Error) return this.showError(errorLine(result.Error));
    const pair = result.Pair;
    if (pair) this.pairs = this.pairs.map(p => lower(p.PairId) === lower(pair.PairId) ? pair : p);
    this.draw();
  }

  /** Facilitators merge through consolidation's merge (REST, with the cookie and the CSRF header). */
  private async merge(pairId: string, into: string): Promise<void> {
    const response = await fetch(`/api/planning/exercises/${this.model.config.exerciseId}/duplicates/${pairId}/merge`, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-KerjaSama-Csrf': '1' },
      body: JSON.stringify({ intoRowId: into }),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({})) as { detail?: string; code?: string };
      this.showError(`${problem.detail ?? response.statusText} (${problem.code ?? response.status})`);
    }
  }

  private showError(message: string): void {
    this.error = message;
    this.draw();
  }

  // ---- drawing ----

  draw(): void {
    this.drawMarkers();
    this.drawPanel();
    this.drawn = true;
  }

  /** Markers in the owner column of every drawn row (the grid draws only what is in view, so new rows ask again). */
  drawMarkers(): void {
    for (const tr of this.root.querySelectorAll<HTMLElement>('tr.row')) this.markRow(tr);
  }

  markRow(tr: HTMLElement): void {
    const rowId = tr.dataset.rowId;
    const who = tr.querySelector<HTMLElement>('td.who-col');
    if (!rowId || !who) return;
    const { open, mentioned, pairs, sig } = rowMarks(this.comments.values(), this.pairs, rowId, this.model.config.organisationId);
    let marks = who.querySelector<HTMLElement>(':scope > .talk-marks');
    if (marks?.dataset.sig === sig) return;
    if (!marks) who.append(marks = h('span', { class: 'talk-marks' }));
    marks.dataset.sig = sig;
    const items: Node[] = [];
    if (open > 0) {
      items.push(h('button', { type: 'button', class: 'talk-count', 'data-testid': 'talk-count', 'data-talk-row': rowId,
        title: this.t(`${open} komentar/pertanyaan terbuka`, `${open} open comment(s)/question(s)`) }, `💬${open}`));
    }
    if (mentioned) {
      items.push(h('button', { type: 'button', class: 'talk-mention', 'data-testid': 'mention-marker', 'data-talk-row': rowId,
        title: this.t('Organisasi Anda disebut', 'Your organisation is mentioned') }, '@'));
    }
    for (const p of pairs) {
      const other = otherRow(p, rowId);
      const organisation = other.OrganisationName || this.values.ownerLabel(lower(other.OwnerOrganisationId));
      const label = this.t(`Mirip dengan baris ${organisation}: ${other.Text}`, `Similar to a row of ${organisation}: ${other.Text}`);
      items.push(h('button', { type: 'button', class: `talk-duplicate dup-${p.Status}`, 'data-testid': 'duplicate-marker', 'data-talk-row': rowId,
        'data-other-row': lower(other.RowId), 'data-other-organisation': lower(other.OwnerOrganisationId), title: label }, '≈'));
    }
    marks.replaceChildren(...items);
  }

  private drawPanel(): void {
    const rowId = this.rowId;
    const row = rowId ? this.model.rows.get(rowId) : undefined;
    this.panel.dataset.rowId = rowId ?? '';
    const potential = row?.fields[MatrixFieldNames.Potential];
    text(this.title, row
      ? `${this.t('Diskusi baris', 'Row discussion')}: ${typeof potential === 'string' && potential.length > 0 ? potential : this.values.ownerLabel(row.owner)}`
      : this.t('Diskusi baris: pilih sebuah baris', 'Row discussion: choose a row'));
    const comments = rowId ? this.commentsOf(rowId) : [];
    this.list.replaceChildren(...comments.map(c => this.commentItem(c)));
    if (rowId && comments.length === 0) this.list.append(h('li', { class: 'muted' }, this.t('Belum ada komentar.', 'No comments yet.')));
    this.form.hidden = !rowId;
    this.drawForm();
    this.errorLine.hidden = this.error.length === 0;
    text(this.errorLine, this.error);

    this.hintList.replaceChildren(...this.hints.map(s => h('li', { class: 'talk-hint', 'data-testid': 'similar-hint', 'data-row-id': lower(s.RowId) },
      similarLine(this.t, s.Text, s.OrganisationName || this.values.ownerLabel(lower(s.OwnerOrganisationId))))));
    const pairs = rowId ? pairsWith(this.pairs, rowId) : [];
    this.similar.replaceChildren(...pairs.map(p => this.pairItem(p, rowId!)));
    if (this.hints.length === 0 && pairs.length === 0) this.similar.append(h('p', { class: 'muted' }, this.t('Tidak ada baris yang mirip.', 'No similar rows.')));
  }

  private drawForm(): void {
    const canPost = this.model.canContribute;
    this.input.disabled = !canPost;
    this.form.classList.toggle('read-only', !canPost);
    attrTitle(this.form, canPost ? null : this.t('Pengamat hanya membaca diskusi.', 'Observers only read the discussion.'));
    const invited = this.model.config.invitedOrganisationIds;
    if (this.picker.options.length !== invited.length + 1 || !this.drawn) {
      this.picker.replaceChildren(h('option', { value: '' }, this.t('@ Sebut organisasi…', '@ Mention an organisation…')),
        ...invited.map(id => h('option', { value: id }, this.values.ownerLabel(id))));
    }
    this.chips.replaceChildren(...this.mentions.map(id => h('span', { class: 'chip', 'data-testid': 'mention-chip' }, `@${this.values.ownerLabel(id)} `,
      h('button', { type: 'button', class: 'link', 'data-talk': 'unmention', 'data-id': id, 'aria-label': this.t('Hapus sebutan', 'Remove mention') }, '×'))));
  }

  private commentItem(c: RowComment): HTMLElement {
    const may = mayResolve(c, this.caller);
    const kind = c.Kind === CommentKinds.Question ? this.t('Pertanyaan', 'Question') : this.t('Komentar', 'Comment');
    return h('li', { class: `talk-comment${c.Resolved ? ' resolved' : ''}${this.mentionsMe(c) ? ' mentions-me' : ''}`, 'data-testid': 'comment',
      'data-comment-id': lower(c.CommentId), 'data-resolved': c.Resolved ? 'true' : 'false' },
      h('div', { class: 'talk-meta' }, h('strong', {}, kind), ` · ${c.Author.DisplayName} (${c.Author.OrganisationName})`,
        c.Resolved ? ` · ${this.t('selesai', 'resolved')}` : ''),
      h('p', { class: 'talk-text', 'data-testid': 'comment-text' }, c.Text),
      (c.MentionedOrganisationIds ?? []).length > 0
        ? h('div', { class: 'talk-mentions' }, ...c.MentionedOrganisationIds.map(o => h('span', { class: 'chip' }, `@${this.values.ownerLabel(lower(o))}`)))
        : null,
      may ? h('button', { type: 'button', class: 'link', 'data-testid': c.Resolved ? 'comment-reopen' : 'comment-resolve', 'data-talk': c.Resolved ? 'reopen' : 'resolve',
        'data-id': lower(c.CommentId) }, c.Resolved ? this.t('Buka lagi', 'Reopen') : this.t('Tandai selesai', 'Resolve')) : null);
  }

  private pairItem(p: DuplicatePair, rowId: string): HTMLElement {
    const other = otherRow(p, rowId);
    const buttons: Node[] = pairDecisions(p, this.caller).map(b =>
      h('button', { type: 'button', class: 'link', 'data-testid': `pair-${b.decision}`, 'data-talk': b.decision, 'data-id': lower(p.PairId) }, this.t(b.id, b.en)));
    if (mayMerge(p, this.caller)) {
      buttons.push(h('button', { type: 'button', class: 'link', 'data-testid': 'pair-merge', 'data-talk': 'merge', 'data-id': lower(p.PairId), 'data-into': rowId },
        this.t('Gabungkan ke baris ini', 'Merge into this row')));
    }
    return h('div', { class: `talk-pair dup-${p.Status}`, 'data-testid': 'pair', 'data-pair-id': lower(p.PairId), 'data-status': p.Status },
      h('p', {}, `${similarLine(this.t, other.Text, other.OrganisationName || this.values.ownerLabel(lower(other.OwnerOrganisationId)))} · `,
        h('span', { 'data-testid': 'pair-status' }, pairStatusLabel(this.t, p.Status))),
      h('div', { class: 'talk-actions' }, ...buttons));
  }
}

function attrTitle(el: HTMLElement, value: string | null): void {
  if (value === null) el.removeAttribute('title');
  else el.setAttribute('title', value);
}

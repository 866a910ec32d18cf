// Prioritisation votes: facilitators start a round on the rows the board shows (an affair, or the filtered rows),
// organisations cast their votes, facilitators see participation, reveal the tally and close the round.
import { FacilitationHubNames as N, MatrixFieldNames as F, VoteStates, type VoteRound } from './contracts.g';
import { type Text, n } from './config';
import { h } from './dom';
import { type Facilitation } from './facilitation';
import { type BoardModel } from './model';
import { type Values } from './values';
import { type BoardView } from './view';

export class VotePanel {
  readonly el: HTMLElement;
  private readonly body = h('div', { class: 'vote-body' });
  private sig = '';

  constructor(private readonly f: Facilitation, private readonly model: BoardModel, private readonly view: BoardView,
    private readonly values: Values, private readonly t: Text) {
    this.el = h('section', { class: 'facilitation votes', 'data-testid': 'vote-panel', 'aria-label': t('Pemungutan suara prioritas', 'Priority vote') },
      h('h3', {}, t('Suara prioritas', 'Priority votes')), this.body);
    this.el.addEventListener('click', e => this.click(e));
    f.subscribe(() => this.draw());
    this.draw();
  }

  /** Rows change their text while a round runs: the panel draws again when the matrix does. */
  refresh(): void { if (this.f.vote) this.draw(); }

  private draw(): void {
    const round = this.f.vote;
    const sig = JSON.stringify([round, this.f.error, round?.RowIds.map(id => this.label(id))]);
    if (sig === this.sig) return;
    this.sig = sig;
    const t = this.t;
    this.el.dataset.state = round?.State ?? '';
    this.el.dataset.revealed = String(!!round?.Tally);
    this.el.dataset.roundId = round?.RoundId.toLowerCase() ?? '';
    const parts: Node[] = [];
    if (this.f.error) parts.push(h('p', { class: 'error', 'data-testid': 'facilitation-error', role: 'alert' }, this.f.error));
    if (round) parts.push(...this.round(round));
    if (this.model.canFacilitate && round?.State !== VoteStates.Open) {
      parts.push(h('div', { class: 'vote-start' },
        h('input', { 'data-testid': 'vote-label', maxlength: 200, value: t('Prioritas', 'Priority'), 'aria-label': t('Judul putaran', 'Round label') }),
        h('label', {}, t('Suara per organisasi', 'Votes per organisation'),
          h('input', { type: 'number', min: 1, max: 20, value: 3, 'data-testid': 'vote-allowance', style: 'width:3.5rem' })),
        h('button', { type: 'button', 'data-testid': 'vote-start', 'data-action': 'vote-start' }, t('Mulai pemungutan suara pada baris yang tampil', 'Start a vote on the rows shown'))));
    }
    this.body.replaceChildren(...parts);
  }

  private round(round: VoteRound): Node[] {
    const t = this.t;
    const open = round.State === VoteStates.Open;
    const mine = new Map(round.MyVotes.map(v => [v.RowId.toLowerCase(), v.Votes]));
    const tally = round.Tally ? new Map(round.Tally.map(v => [v.RowId.toLowerCase(), v.Votes])) : null;
    const ids = round.Tally ? round.Tally.map(v => v.RowId.toLowerCase()) : round.RowIds.map(id => id.toLowerCase());
    const parts: Node[] = [
      h('p', {}, h('strong', { 'data-testid': 'vote-round-label' }, round.Label), ' · ',
        h('span', { 'data-testid': 'vote-state' }, open ? t('dibuka', 'open') : t('ditutup', 'closed')),
        round.AffairCode ? ` · ${t('urusan', 'affair')} ${round.AffairCode}` : ''),
    ];
    if (round.CanVote && open) {
      parts.push(h('p', {}, t('Sisa suara organisasi Anda: ', 'Votes your organisation has left: '),
        h('strong', { 'data-testid': 'votes-left' }, String(round.VotesLeft)), ` / ${round.VotesPerOrganisation}`));
    }
    if (!tally) {
      parts.push(h('p', { class: 'muted' }, round.CanVote
        ? t('Hasil disembunyikan sampai fasilitator membukanya; Anda hanya melihat suara organisasi Anda.', 'The tally is hidden until the facilitator reveals it; you see only your organisation\'s votes.')
        : t('Hasil disembunyikan sampai fasilitator membukanya.', 'The tally is hidden until the facilitator reveals it.')));
    }
    const list = h('ol', { class: 'vote-rows', 'data-testid': 'vote-rows' });
    for (const id of ids) {
      const count = mine.get(id) ?? 0;
      const li = h('li', { 'data-testid': 'vote-row', 'data-row-id': id },
        h('button', { type: 'button', class: 'linkish', 'data-action': 'vote-show', 'data-row': id }, this.label(id)), ' ',
        tally ? h('strong', { 'data-testid': 'vote-tally', 'data-votes': tally.get(id) ?? 0 }, `${tally.get(id) ?? 0} ${t('suara', 'votes')}`) : null, ' ',
        round.CanVote ? h('span', { 'data-testid': 'vote-mine', 'data-votes': count }, `${t('suara Anda', 'yours')}: ${count}`) : null);
      if (round.CanVote && open) {
        li.append(' ',
          h('button', { type: 'button', 'data-testid': 'vote-add', 'data-action': 'vote-add', 'data-row': id, disabled: round.VotesLeft === 0, 'aria-label': t('Tambah suara', 'Add a vote') }, '+'),
          h('button', { type: 'button', 'data-testid': 'vote-remove', 'data-action': 'vote-remove', 'data-row': id, disabled: count === 0, 'aria-label': t('Tarik suara', 'Take a vote back') }, '−'));
      }
      list.append(li);
    }
    parts.push(list);
    if (round.Participation) {
      const voted = round.Participation.filter(p => p.VotesCast > 0).length;
      parts.push(h('p', { 'data-testid': 'vote-participation', 'data-voted': voted },
        `${voted} / ${round.Participation.length} ${t('organisasi sudah memilih', 'organisations have voted')}: `,
        round.Participation.map(p => `${p.OrganisationName || this.values.ownerLabel(p.OrganisationId.toLowerCase())} ${p.VotesCast}`).join(', ')));
    }
    if (this.model.canFacilitate && open) {
      parts.push(h('p', {},
        round.Revealed ? null : h('button', { type: 'button', 'data-testid': 'vote-reveal', 'data-action': 'vote-reveal' }, t('Buka hasil', 'Reveal the tally')), ' ',
        h('button', { type: 'button', 'data-testid': 'vote-close', 'data-action': 'vote-close' }, t('Tutup pemungutan suara', 'Close the vote'))));
    }
    return parts;
  }

  private label(rowId: string): string {
    const row = this.model.rows.get(rowId);
    const potential = row?.fields[F.Potential];
    return typeof potential === 'string' && potential.length > 0 ? potential : `${this.t('baris', 'row')} ${n(rowId).slice(0, 6)}`;
  }

  private click(e: Event): void {
    const button = (e.target as HTMLElement).closest('button[data-action]') as HTMLButtonElement | null;
    if (!button) return;
    const round = this.f.vote;
    const sessionId = this.f.sessionId;
    switch (button.dataset.action) {
      case 'vote-start': {
        const shown = this.view.shownView();
        const label = (this.el.querySelector('[data-testid=vote-label]') as HTMLInputElement).value;
        const allowance = Number((this.el.querySelector('[data-testid=vote-allowance]') as HTMLInputElement).value);
        void this.f.call(N.StartVote, {
          SessionId: sessionId, Label: label, AffairCode: shown.affair || null, RowIds: shown.affair ? null : shown.rowIds, VotesPerOrganisation: allowance,
        });
        break;
      }
      case 'vote-add': if (round) void this.f.call(N.CastVote, sessionId, round.RoundId, button.dataset.row); break;
      case 'vote-remove': if (round) void this.f.call(N.RetractVote, sessionId, round.RoundId, button.dataset.row); break;
      case 'vote-reveal': if (round) void this.f.call(N.RevealVote, sessionId, round.RoundId); break;
      case 'vote-close': if (round) void this.f.call(N.CloseVote, sessionId, round.RoundId); break;
      case 'vote-show': this.view.reveal(button.dataset.row!); break;
    }
  }
}

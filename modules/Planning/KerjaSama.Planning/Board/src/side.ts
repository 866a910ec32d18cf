// The side panel: who is present (and on which field), rows removed while this user edited them, the unsent queue,
// rejected edits, overwrite notices and the facilitator's controls. Words and choices come from board/labels.ts,
// board/cells.ts and board/access.ts.
import type { Text } from './config';
import { h, initials, text } from './dom';
import type { BoardModel, Row } from './model';
import type { Values } from './values';
import { sessionActions } from './board/access';
import { notContributed, personTitle, presenceSig } from './board/cells';
import { fieldLabel, opSummary, overwriteText, removedText } from './board/labels';

export class SidePanel {
  readonly el: HTMLElement;
  private readonly presenceCount: HTMLElement;
  private readonly presence: HTMLElement;
  private readonly rest: HTMLElement;
  private readonly openNotices = new Set<number>();
  private presenceSig = '';

  constructor(private readonly model: BoardModel, private readonly values: Values, private readonly t: Text) {
    this.presenceCount = h('h3');
    this.presence = h('ul', { 'data-testid': 'presence' });
    this.rest = h('div', { class: 'side-rest' });
    this.el = h('div', { class: 'board-side' },
      h('section', { class: 'presence', 'aria-label': t('Peserta', 'People present') }, this.presenceCount, this.presence), this.rest);
  }

  toggleNotice(id: number): void {
    if (!this.openNotices.delete(id)) this.openNotices.add(id);
  }

  drawPresence(): void {
    const m = this.model;
    const people = m.participants;
    const sig = presenceSig(people);
    if (sig === this.presenceSig) return;
    this.presenceSig = sig;
    text(this.presenceCount, `${this.t('Hadir', 'Present')} (${people.length})`);
    this.presence.replaceChildren(...people.map(p => h('li', { 'data-user-id': p.UserId.toLowerCase(), class: p.UserId.toLowerCase() === m.config.userId ? 'me' : null },
      h('span', { class: 'avatar', 'aria-hidden': 'true', title: personTitle(p) }, initials(p.DisplayName)),
      h('span', { class: 'who' }, p.DisplayName), ' ', h('span', { class: 'org' }, p.OrganisationName),
      p.FocusField ? h('span', { class: 'focus-on' }, `· ${fieldLabel(this.t, p.FocusField)}`) : null)));
  }

  draw(rows: Iterable<Row>): void {
    const m = this.model;
    const t = this.t;
    const sections: Node[] = [];
    if (m.removedWhileEditing.length > 0) {
      sections.push(h('section', { class: 'removed', 'data-testid': 'removed-while-editing', role: 'alert' },
        h('h3', {}, t('Baris dihapus saat Anda menyunting', 'Row removed while you were editing')),
        ...m.removedWhileEditing.map((r, i) => h('div', { class: 'removed-item', 'data-row-id': r.rowId },
          h('p', {}, removedText(t, r.by, r.field)),
          h('textarea', { readonly: true, rows: 2, 'data-testid': 'removed-text' }, r.text),
          h('button', { type: 'button', class: 'link', 'data-action': 'dismiss-removed', 'data-index': i }, t('Tutup', 'Dismiss'))))));
    }
    if (m.stored.queue.length > 0) {
      sections.push(h('section', { class: 'queue', 'data-testid': 'queue', 'aria-label': t('Antrean suntingan', 'Edit queue') },
        h('h3', {}, `${t('Belum terkirim', 'Not sent yet')} (${m.stored.queue.length})`),
        h('ol', {}, ...m.stored.queue.map(op => h('li', { 'data-op-id': op.OpId }, opSummary(t, this.values, op.Kind, op.Fields))))));
    }
    if (m.stored.rejected.length > 0) {
      sections.push(h('section', { class: 'rejected', 'data-testid': 'rejected', 'aria-label': t('Suntingan ditolak', 'Rejected edits') },
        h('h3', {}, t('Ditolak server', 'Rejected by the server')),
        h('ul', {}, ...m.stored.rejected.map(r => h('li', { 'data-op-id': r.opId, 'data-code': r.code },
          r.wasQueued ? t('Suntingan dari antrean: ', 'Queued edit: ') : '', h('strong', {}, fieldLabel(t, r.field ?? '')), ` — ${r.message} (${r.code}) `,
          h('button', { type: 'button', class: 'link', 'data-action': 'dismiss-rejected', 'data-op-id': r.opId }, t('Tutup', 'Dismiss')))))));
    }
    if (m.notices.length > 0) {
      sections.push(h('section', { class: 'notices', 'data-testid': 'notices' }, ...m.notices.map(x => {
        const open = this.openNotices.has(x.id);
        return h('div', { class: 'overwrite', 'data-testid': 'overwrite-notice' },
          h('button', { type: 'button', class: 'link', 'aria-expanded': open ? 'true' : 'false', 'data-action': 'toggle-notice', 'data-id': x.id }, overwriteText(t, x)),
          open ? h('dl', { class: 'both-values' },
            h('dt', {}, t('Nilai Anda', 'Your value')), h('dd', { 'data-testid': 'your-value' }, this.values.display(x.field, x.yours)),
            h('dt', {}, t('Nilai baru', 'New value')), h('dd', { 'data-testid': 'their-value' }, this.values.display(x.field, x.theirs))) : null);
      })));
    }
    if (m.canFacilitate) {
      const labels = { lock: t('Kunci sesi', 'Lock session'), unlock: t('Buka kunci', 'Unlock'), close: t('Tutup sesi', 'Close session') };
      const actions = sessionActions(m.state).map(a => h('button', { type: 'button', class: a === 'close' ? 'secondary' : null, 'data-testid': a, 'data-action': a }, labels[a]));
      sections.push(h('section', { class: 'facilitator', 'data-testid': 'facilitator', 'aria-label': t('Kendali fasilitator', 'Facilitator controls') },
        h('h3', {}, t('Fasilitator', 'Facilitator')), h('div', { class: 'actions' }, ...actions),
        h('h4', {}, t('Belum berkontribusi', 'Not contributed yet')),
        h('ul', { 'data-testid': 'not-contributed' }, ...notContributed(m.config.invitedOrganisationIds, rows)
          .map(o => h('li', { 'data-organisation-id': o }, this.values.ownerLabel(o))))));
    }
    const focusedAction = (document.activeElement as HTMLElement | null)?.closest?.('.side-rest') ? (document.activeElement as HTMLElement).dataset.action : undefined;
    this.rest.replaceChildren(...sections);
    if (focusedAction) (this.rest.querySelector(`[data-action='${focusedAction}']`) as HTMLElement | null)?.focus();
  }
}

// Following the facilitator: the facilitator's board shares what it shows (affair filter, search, first row, focused
// row; at most every 300 ms); a following board shows the same. "Bring everyone here" makes every board follow;
// anyone stops following with one button, and resumes with it.
import { FacilitationHubNames as N, type FacilitatorView } from './contracts.g';
import { type Text } from './config';
import { h, text } from './dom';
import { type Facilitation } from './facilitation';
import { type BoardModel } from './model';
import { type BoardView } from './view';

const shareEveryMs = 300;

export class FollowPanel {
  readonly el: HTMLElement;
  following = false;
  private readonly status = h('span', { 'data-testid': 'follow-status' });
  private readonly toggle = h('button', { type: 'button', 'data-testid': 'follow-toggle' });
  private shareTimer: number | null = null;
  private lastShared = '';

  constructor(private readonly f: Facilitation, private readonly model: BoardModel, private readonly view: BoardView, private readonly t: Text) {
    this.el = h('section', { class: 'facilitation follow', 'data-testid': 'follow', 'data-following': 'false', 'aria-label': t('Ikuti fasilitator', 'Follow the facilitator') },
      h('h3', {}, t('Ikuti fasilitator', 'Follow the facilitator')), this.status, ' ');
    if (model.canFacilitate) {
      const bring = h('button', { type: 'button', 'data-testid': 'bring-everyone' }, t('Bawa semua ke sini', 'Bring everyone here'));
      bring.addEventListener('click', () => void this.share(N.BringEveryone));
      this.el.append(bring);
      // The facilitator's board shares its view whenever it changes (filters, search, scroll, focus), throttled.
      const root = view.scroller.closest('[data-testid=board]') ?? view.scroller;
      for (const type of ['change', 'input', 'focusin']) root.addEventListener(type, () => this.shareSoon());
      view.scroller.addEventListener('scroll', () => this.shareSoon(), { passive: true });
      f.onJoined(() => { this.lastShared = ''; this.shareSoon(); });
    } else {
      this.toggle.addEventListener('click', () => this.setFollowing(!this.following));
      this.el.append(this.toggle);
      f.onView(view => {
        if (view.BringEveryone) this.following = true;
        if (this.following) this.apply(view);
        this.draw();
      });
    }
    f.subscribe(() => this.draw());
    this.draw();
  }

  private setFollowing(following: boolean): void {
    this.following = following;
    if (following && this.f.view) this.apply(this.f.view);
    this.draw();
  }

  private apply(v: FacilitatorView): void {
    this.view.showView(v.AffairCode ?? '', v.Search ?? '', v.TopRowId?.toLowerCase() ?? null);
  }

  private draw(): void {
    const t = this.t;
    this.el.dataset.following = String(this.following);
    if (this.model.canFacilitate) {
      text(this.status, t('Tampilan Anda dibagikan kepada peserta yang mengikuti.', 'Your view is shared with everyone following.'));
      return;
    }
    const who = this.f.view?.FacilitatorName;
    text(this.status, this.following
      ? `${t('Mengikuti', 'Following')} ${who || t('fasilitator', 'the facilitator')}`
      : t('Tidak mengikuti fasilitator.', 'Not following the facilitator.'));
    text(this.toggle, this.following ? t('Berhenti mengikuti', 'Stop following') : t('Ikuti fasilitator', 'Follow the facilitator'));
  }

  private shareSoon(): void {
    if (this.shareTimer !== null) return;
    this.shareTimer = window.setTimeout(() => {
      this.shareTimer = null;
      void this.share(N.ShareView);
    }, shareEveryMs);
  }

  private async share(method: string): Promise<void> {
    const shown = this.view.shownView();
    const body = { SessionId: this.f.sessionId, AffairCode: shown.affair || null, Search: shown.search || null, TopRowId: shown.topRowId, FocusRowId: shown.focusRowId };
    const sig = JSON.stringify(body);
    if (method === N.ShareView && sig === this.lastShared) return;
    this.lastShared = sig;
    await this.f.call(method, { ...body, BringEveryone: false, FacilitatorName: '', Version: 0 });
  }
}

// The agenda timer: every board counts down to the server's end time; facilitators start, pause, extend and clear it.
import { FacilitationHubNames as N, TimerActions } from './contracts.g';
import { type Text } from './config';
import { h, text } from './dom';
import { type Facilitation } from './facilitation';
import { type BoardModel } from './model';
import { type BoardView } from './view';

export function clock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const s = Math.ceil(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class TimerPanel {
  readonly el: HTMLElement;
  private readonly label = h('strong', { 'data-testid': 'timer-label' });
  private readonly remaining = h('span', { class: 'timer-remaining', 'data-testid': 'timer-remaining', role: 'timer', 'aria-live': 'off' });
  private readonly focus = h('span', { class: 'timer-focus', 'data-testid': 'timer-focus' });
  private readonly pause: HTMLButtonElement;

  constructor(private readonly f: Facilitation, model: BoardModel, view: BoardView, private readonly t: Text) {
    const labelInput = h('input', { 'data-testid': 'timer-label-input', maxlength: 200, placeholder: t('agenda, mis. Urusan Kesehatan', 'agenda item, e.g. Health'), 'aria-label': t('Agenda', 'Agenda item') });
    const minutes = h('input', { type: 'number', min: 1, max: 240, value: 5, 'data-testid': 'timer-minutes', 'aria-label': t('Menit', 'Minutes'), style: 'width:4rem' });
    const set = (action: string, seconds = 0, extra: Record<string, unknown> = {}) =>
      void f.call(N.SetTimer, { SessionId: f.sessionId, Action: action, Seconds: seconds, Label: null, AffairCode: null, RowIds: null, ...extra });
    const start = h('button', { type: 'button', 'data-testid': 'timer-start' }, t('Mulai', 'Start'));
    start.addEventListener('click', () => {
      const shown = view.shownView();
      set(TimerActions.Start, Math.round(Number(minutes.value) * 60), {
        Label: labelInput.value.trim(), AffairCode: shown.affair || null, RowIds: shown.affair ? null : shown.rowIds.slice(0, 500),
      });
    });
    this.pause = h('button', { type: 'button', 'data-testid': 'timer-pause' });
    this.pause.addEventListener('click', () => set(f.timer?.Running ? TimerActions.Pause : TimerActions.Resume));
    const extend = h('button', { type: 'button', 'data-testid': 'timer-extend' }, t('+1 menit', '+1 minute'));
    extend.addEventListener('click', () => set(TimerActions.Extend, 60));
    const clear = h('button', { type: 'button', 'data-testid': 'timer-clear' }, t('Hapus', 'Clear'));
    clear.addEventListener('click', () => set(TimerActions.Clear));
    const controls = model.canFacilitate
      ? h('span', { class: 'timer-controls' }, labelInput, minutes, start, this.pause, extend, clear)
      : null;
    this.el = h('section', { class: 'facilitation timer', 'data-testid': 'timer', 'data-active': 'false', 'aria-label': t('Pengatur waktu agenda', 'Agenda timer') },
      h('h3', {}, t('Waktu agenda', 'Agenda timer')), this.label, ' ', this.focus, ' ', this.remaining, controls);
    f.subscribe(() => this.draw());
    // Only the display ticks here: the time left is always the server's end time minus the server's clock.
    setInterval(() => this.tick(), 250);
    this.draw();
  }

  private draw(): void {
    const timer = this.f.timer;
    const t = this.t;
    this.el.dataset.active = String(!!timer);
    this.el.dataset.running = String(!!timer?.Running);
    text(this.label, timer ? timer.Label : t('Tidak ada agenda berjalan', 'No agenda item running'));
    text(this.focus, timer?.AffairCode ? `(${t('urusan', 'affair')} ${timer.AffairCode})` : timer && timer.RowIds.length > 0 ? `(${timer.RowIds.length} ${t('baris', 'rows')})` : '');
    text(this.pause, timer?.Running ? t('Jeda', 'Pause') : t('Lanjutkan', 'Resume'));
    this.pause.disabled = !timer;
    this.tick();
  }

  private tick(): void {
    const timer = this.f.timer;
    const ms = this.f.remainingMs();
    text(this.remaining, timer ? clock(ms) + (timer.Running ? '' : ` (${this.t('dijeda', 'paused')})`) : '');
    this.remaining.dataset.remainingMs = String(Math.round(ms));
    this.remaining.classList.toggle('overrun', !!timer && ms < 0);
  }
}

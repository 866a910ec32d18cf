// The meeting around the matrix: the agenda timer, prioritisation votes and the facilitator's view, as the server
// sends them (Join's facilitation state, then VoteState / Timer / FacilitatorView). Panels subscribe and draw.
import * as signalR from '@microsoft/signalr';
import {
  FacilitationHubNames as N,
  type FacilitationResult, type FacilitatorView, type JoinResult, type MeetingTimer, type VoteRound,
} from './contracts.g';
import { type BoardModel } from './model';

export class Facilitation {
  timer: MeetingTimer | null = null;
  /** Server clock minus this browser's clock (ms): the countdown runs on the server's end time. */
  offsetMs = 0;
  vote: VoteRound | null = null;
  view: FacilitatorView | null = null;
  /** The last refused call: the server's message and code. */
  error: string | null = null;
  private hub: signalR.HubConnection | null = null;
  private readonly listeners: (() => void)[] = [];
  private readonly viewListeners: ((view: FacilitatorView) => void)[] = [];
  private readonly joinListeners: (() => void)[] = [];

  constructor(private readonly model: BoardModel) {
    model.onHub = hub => {
      this.hub = hub;
      hub.on(N.VoteState, (round: VoteRound) => { if (this.mine(round.SessionId)) this.setVote(round); });
      hub.on(N.Timer, (timer: MeetingTimer) => { if (this.mine(timer.SessionId)) this.setTimer(timer); });
      hub.on(N.FacilitatorView, (view: FacilitatorView) => { if (this.mine(view.SessionId)) this.setView(view); });
    };
    model.onJoin = (join: JoinResult) => {
      const f = join.Facilitation;
      if (f) {
        this.setTimer(f.Timer);
        this.vote = f.Vote;
        if (f.View) this.setView(f.View);
      }
      this.changed();
      for (const l of this.joinListeners) l();
    };
  }

  get sessionId(): string { return this.model.config.sessionId; }

  subscribe(listener: () => void): void { this.listeners.push(listener); }

  onView(listener: (view: FacilitatorView) => void): void { this.viewListeners.push(listener); }

  onJoined(listener: () => void): void { this.joinListeners.push(listener); }

  /** Calls a facilitation method; a refusal is kept in <see cref="error"/> and shown by the panels. */
  async call(method: string, ...args: unknown[]): Promise<FacilitationResult | null> {
    if (!this.hub || this.hub.state !== signalR.HubConnectionState.Connected) {
      this.error = this.model.config.language === 'en' ? 'Not connected.' : 'Belum tersambung.';
      this.changed();
      return null;
    }
    try {
      const result = await this.hub.invoke<FacilitationResult>(method, ...args);
      this.error = result.Ok ? null : `${result.Error?.Message ?? ''} (${result.Error?.Code ?? ''})`;
      if (result.Vote) this.vote = result.Vote;
      if (result.Ok && method === N.SetTimer) this.setTimer(result.Timer, false);
      this.changed();
      return result;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.changed();
      return null;
    }
  }

  /** Milliseconds left on the timer now (negative once overrun). */
  remainingMs(): number {
    const t = this.timer;
    if (!t || !t.Active) return 0;
    if (!t.Running || t.EndsAtMs === null) return t.RemainingMs;
    return t.EndsAtMs - (Date.now() + this.offsetMs);
  }

  private mine(sessionId: string): boolean { return sessionId.toLowerCase() === this.sessionId; }

  private setTimer(timer: MeetingTimer | null, notify = true): void {
    this.timer = timer && timer.Active ? timer : null;
    if (timer) this.offsetMs = timer.ServerNowMs - Date.now();
    if (notify) this.changed();
  }

  private setVote(round: VoteRound): void {
    this.vote = round;
    this.changed();
  }

  private setView(view: FacilitatorView): void {
    if (this.view && this.view.Version > view.Version && !view.BringEveryone) return;
    this.view = view;
    for (const l of this.viewListeners) l(view);
    this.changed();
  }

  private changed(): void { for (const l of this.listeners) l(); }
}

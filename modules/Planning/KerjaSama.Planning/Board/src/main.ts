// The live mapping board: reads the page's parameters, connects to /hubs/mapping (MessagePack) and draws the grid.
import { readConfig, textFor } from './config';
import { BoardModel, type Changes } from './model';
import { Registry } from './registry';
import { BoardTalk } from './talk';
import { startReplay } from './replay';
import { BoardView } from './view';
import { h } from './dom';
import { Values } from './values';
import { Facilitation } from './facilitation';
import { FollowPanel } from './follow';
import { TimerPanel } from './timer';
import { VotePanel } from './votes';

function start(): void {
  // The history and replay page (ReplayPage.razor) loads the same bundle with its own configuration.
  const replay = document.getElementById('replay-config');
  if (replay) {
    startReplay(replay);
    return;
  }
  const root = document.getElementById('board-root');
  if (!root) return;
  const config = readConfig();
  const t = textFor(config.language);
  const registry = new Registry();
  const values = new Values(registry, t, config.organisationId, config.organisationName);
  let view: BoardView | null = null;
  let votes: VotePanel | null = null;
  const model = new BoardModel(config, (c: Partial<Changes> & { rowIds?: string[] }) => {
    view?.schedule(c);
    if (c.rowIds || c.all) votes?.refresh();
  });
  view = new BoardView(model, registry, values, t, root);
  const facilitation = new Facilitation(model);
  const follow = new FollowPanel(facilitation, model, view, t);
  votes = new VotePanel(facilitation, model, view, values, t);
  const panels = h('div', { class: 'facilitation-panels', 'data-testid': 'facilitation' }, new TimerPanel(facilitation, model, view, t).el, follow.el, votes.el);
  view.addPanel(panels);
  const talk = new BoardTalk(model, values, t, root);
  model.extensions.push(talk);
  // A hook for tests and the benchmark: the server's rows as this board holds them (read-only), and a way to bring
  // a row into the viewport (what the keyboard and the search box do).
  (window as unknown as Record<string, unknown>).kerjaSamaBoard = {
    snapshot: () => model.snapshot(),
    reveal: (rowId: string) => view?.reveal(rowId.toLowerCase()),
    pending: () => model.engine.pendingCount,
    facilitation: () => ({ timer: facilitation.timer, remainingMs: facilitation.remainingMs(), vote: facilitation.vote, view: facilitation.view, following: follow.following }),
    shownView: () => view?.shownView(),
    talk: () => ({ comments: [...talk.comments.values()], pairs: talk.pairs, rowId: talk.rowId }),
    codePicker: () => view?.codePicker.last ?? null,
  };
  void model.start();
  void loadRegistry(registry, view, model);
}

async function loadRegistry(registry: Registry, view: BoardView, model: BoardModel): Promise<void> {
  try {
    await Promise.all([registry.loadAffairs(), registry.loadOrganisations()]);
    view.registryLoaded();
    await registry.loadRegions();
    view.registryLoaded();
  } catch (e) {
    model.message = (model.config.language === 'en' ? 'Registry data not loaded: ' : 'Data Registry belum termuat: ') + (e instanceof Error ? e.message : String(e));
    view.schedule({ bar: true });
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

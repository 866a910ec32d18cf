// The edit queue and rejections kept in localStorage between reloads: the key and the tolerant parse (no DOM).
import type { QueueState } from '../sync/engine';
import { n } from '../config';

export const storageKey = (sessionId: string, userId: string): string => `kerjasama.board.${n(sessionId)}.${n(userId)}`;

/** What was stored, or an empty state when nothing (or nothing readable) was. */
export function parseStored(text: string | null): QueueState {
  if (!text) return { queue: [], rejected: [] };
  try {
    const parsed = JSON.parse(text) as Partial<QueueState> | null;
    return { queue: Array.isArray(parsed?.queue) ? parsed.queue : [], rejected: Array.isArray(parsed?.rejected) ? parsed.rejected : [] };
  } catch {
    return { queue: [], rejected: [] };
  }
}

/** The text to store, or null when the entry should be removed (nothing left to keep). */
export const storedText = (state: QueueState): string | null =>
  state.queue.length === 0 && state.rejected.length === 0 ? null : JSON.stringify(state);

/** The connect loop's wait after a failed attempt: doubling from the first delay, at most 8 s. */
export const nextRetryDelay = (delay: number): number => Math.min(delay * 2, 8000);

/** SignalR's automatic reconnect: 250, 500, 750 ms, then every 2 s. */
export const reconnectDelay = (previousRetryCount: number): number => previousRetryCount < 3 ? 250 * (previousRetryCount + 1) : 2000;

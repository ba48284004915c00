import type { LogFollow } from '../../domain/backend.js';
import type { Action } from '../actions.js';
import type { LogEvent } from '../../domain/model.js';
import type { LogsState, LogView } from '../state.js';

export const DEFAULT_LOG_CAPACITY = 10_000;

export const initialLogs = (capacity = DEFAULT_LOG_CAPACITY): LogsState => ({
  lines: [],
  capacity,
  received: 0,
  ids: new Set(),
});

export const initialLogView: LogView = { paused: false, errorsOnly: false, filter: '', scrollBack: 0 };

/** Appends a batch to the ring buffer, dropping events already seen (by id) and the oldest overflow. */
export function appendBatch(state: LogsState, events: LogEvent[], at: number): LogsState {
  const fresh = events.filter((e) => !state.ids.has(e.id));
  if (fresh.length === 0) return { ...state, updatedAt: at, error: undefined };
  const lines = state.lines.concat(fresh);
  const overflow = Math.max(0, lines.length - state.capacity);
  const kept = overflow > 0 ? lines.slice(overflow) : lines;
  // The id set mirrors the buffer so memory stays bounded with it.
  const ids = new Set(overflow > 0 ? kept.map((e) => e.id) : state.ids);
  if (overflow === 0) for (const e of fresh) ids.add(e.id);
  return { ...state, lines: kept, ids, received: state.received + fresh.length, updatedAt: at, error: undefined };
}

// Kept by identity while unchanged, so the Logs pane does not redraw for an equal status.
const sameFollow = (a?: LogFollow, b?: LogFollow): boolean => a?.mode === b?.mode && a?.note === b?.note;

export function logsReducer(state: LogsState, action: Action): LogsState {
  switch (action.type) {
    case 'logs/batch': {
      const next = appendBatch(state, action.events, action.at);
      return sameFollow(next.follow, action.follow) ? next : { ...next, follow: action.follow };
    }
    case 'source/failed':
      return action.source === 'logs' ? { ...state, error: action.error, failedAt: action.at } : state;
    default:
      return state;
  }
}

export function logViewReducer(view: LogView, action: Action, lineCount: number): LogView {
  switch (action.type) {
    case 'logs/togglePause':
      return view.paused
        ? { ...view, paused: false, scrollBack: 0, pausedAt: undefined }
        : { ...view, paused: true, pausedAt: lineCount };
    case 'logs/toggleErrorsOnly':
      return { ...view, errorsOnly: !view.errorsOnly, scrollBack: 0 };
    case 'logs/setFilter':
      return { ...view, filter: action.filter, scrollBack: 0 };
    case 'logs/scroll': {
      const scrollBack = Math.max(0, view.scrollBack - action.delta);
      // Scrolled back, the view anchors where it is, as if paused, so arriving lines do not move it.
      const pausedAt = view.paused || scrollBack > 0 ? (view.pausedAt ?? lineCount) : undefined;
      return { ...view, scrollBack, pausedAt };
    }
    default:
      return view;
  }
}

import { isDeepStrictEqual } from 'node:util';
import type { Action, SourceId } from '../actions.js';
import type { Alarm, ChecklistStepDef } from '../../domain/model.js';
import type { AppState, Slice } from '../state.js';
import { initialLogs, initialLogView, logsReducer, logViewReducer } from './logsReducer.js';
import { initialUi, uiReducer } from './uiReducer.js';
import { byPhase } from '../../checklist/builtIns.js';
import type { AuditEntry } from '../../domain/audit.js';
import type { KnownRollback, Release } from '../../domain/release.js';
import { releaseReducer } from './releaseReducer.js';

const emptySlice = <T>(): Slice<T> => ({ status: 'loading' });

export interface InitOptions {
  readOnly?: boolean;
  logCapacity?: number;
  checklist?: ChecklistStepDef[];
  /** First message on the key bar, e.g. that the demo started because no AWS target was given. */
  notice?: string;
  /** The release an earlier run watched (persisted in the state directory). */
  release?: Release;
  /** Rollbacks the audit log records for this target. */
  knownRollbacks?: KnownRollback[];
  releasePick?: string;
  /** This target's audit entries from earlier runs, for the timeline. */
  recorded?: AuditEntry[];
}

/** Entries kept for the timeline: a release's worth of checks, alarms and rollbacks. */
export const RECORDED_CAP = 1000;

export const initialState = (opts: InitOptions = {}): AppState => ({
  identity: emptySlice(),
  service: emptySlice(),
  alarms: emptySlice(),
  metrics: emptySlice(),
  cost: emptySlice(),
  logs: initialLogs(opts.logCapacity),
  logView: initialLogView,
  ui: { ...initialUi, notice: opts.notice },
  rollback: { phase: 'idle' },
  checklist: { steps: byPhase(opts.checklist ?? []), results: {} },
  alarmTransitions: {},
  readOnly: opts.readOnly ?? false,
  release: opts.release,
  knownRollbacks: opts.knownRollbacks ?? [],
  releasePick: opts.releasePick,
  recorded: (opts.recorded ?? []).slice(-RECORDED_CAP),
});

function sliceReducer<T>(slice: Slice<T>, action: Action, id: SourceId): Slice<T> {
  if (action.type === 'source/loaded' && action.source === id) {
    // The same answer as last time keeps its identity: only the fetch time moves, and no pane redraws.
    const data = isDeepStrictEqual(slice.data, action.data) ? slice.data : (action.data as T);
    return { data, status: 'ok', updatedAt: action.at, failedAt: undefined };
  }
  if (action.type === 'source/failed' && action.source === id) {
    // Keep the last good data: a stale number beats a blank pane in an incident.
    return { ...slice, status: 'error', error: action.error, failedAt: action.at };
  }
  return slice;
}

/** Alarm names whose state differs from the previous poll, stamped with when we saw it change. */
export function trackTransitions(
  prev: Alarm[] | undefined,
  next: Alarm[],
  seen: Record<string, number>,
): Record<string, number> {
  if (!prev) return seen;
  const before = new Map(prev.map((a) => [a.name, a.state]));
  let out = seen;
  for (const a of next) {
    const old = before.get(a.name);
    if (old !== undefined && old !== a.state) out = { ...out, [a.name]: a.stateUpdatedAt };
  }
  return out;
}

export function rootReducer(state: AppState, action: Action): AppState {
  const alarms = sliceReducer(state.alarms, action, 'alarms');
  const logs = logsReducer(state.logs, action);
  const next: AppState = {
    ...state,
    identity: sliceReducer(state.identity, action, 'identity'),
    service: sliceReducer(state.service, action, 'service'),
    alarms,
    metrics: sliceReducer(state.metrics, action, 'metrics'),
    cost: sliceReducer(state.cost, action, 'cost'),
    logs,
    logView: logViewReducer(state.logView, action, logs.received),
    ui: uiReducer(state.ui, action, state.checklist.steps.length),
    ...releaseReducer(state, action),
    recorded:
      action.type === 'audit/recorded' ? [...state.recorded, action.entry].slice(-RECORDED_CAP) : state.recorded,
    checklist:
      action.type === 'checklist/result'
        ? { ...state.checklist, results: { ...state.checklist.results, [action.id]: action.result } }
        : state.checklist,
    alarmTransitions:
      alarms !== state.alarms && alarms.data && alarms.data !== state.alarms.data
        ? trackTransitions(state.alarms.data, alarms.data, state.alarmTransitions)
        : state.alarmTransitions,
  };
  // Unchanged slices keep their identity so selectors do not wake their panes.
  return (Object.keys(next) as (keyof AppState)[]).every((k) => next[k] === state[k]) ? state : next;
}

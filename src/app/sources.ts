import type { SourceId, SourcePayloads } from './actions.js';
import type { Backend, PollIntervals } from '../domain/backend.js';
import { errorMessage } from '../domain/errors.js';
import type { LogEvent } from '../domain/model.js';
import type { Source } from './poller.js';
import type { Store } from './store.js';
import { releaseStart, servingLogGroup } from './selectors.js';

/** Wraps one backend read: on success the slice is replaced, on failure the error is recorded and rethrown for backoff. */
function sliceSource<K extends SourceId>(
  id: K,
  intervalMs: number,
  store: Store,
  fetch: (signal: AbortSignal) => Promise<SourcePayloads[K] | undefined>,
): Source {
  return {
    id,
    intervalMs,
    async run(signal) {
      try {
        const data = await fetch(signal);
        if (signal.aborted || data === undefined) return;
        store.dispatch({ type: 'source/loaded', source: id, data, at: Date.now() } as never);
      } catch (e) {
        if (!signal.aborted)
          store.dispatch({ type: 'source/failed', source: id, error: errorMessage(e), at: Date.now() });
        throw e;
      }
    },
  };
}

/**
 * While lines are arriving, the logs are read at this share of their interval: a line then waits at
 * most that long for the next poll (p95 lag at 1,000 lines/s against moto: 1.03 s at the interval).
 * A quiet stream costs the plain interval's requests.
 */
export const LOGS_FLOWING_SHARE = 0.75;

/** Each run lands as one batch (one React update); the backend keeps its place in the stream. */
function logsSource(
  backend: Backend,
  store: Store,
  intervalMs: number,
  onLogs?: (events: readonly LogEvent[]) => void,
): Source {
  let flowing = false;
  return {
    id: 'logs',
    // Read by the poller as it schedules the next run.
    get intervalMs() {
      return flowing ? Math.round(intervalMs * LOGS_FLOWING_SHARE) : intervalMs;
    },
    async run(signal) {
      const state = store.getState();
      // Where to read is in the serving task definition: wait for the service read instead of making another.
      if (!state.service.data) return;
      try {
        const page = await backend.getLogs({ logGroup: servingLogGroup(state) }, signal);
        if (signal.aborted) return;
        flowing = page.events.length > 0;
        onLogs?.(page.events);
        store.dispatch({ type: 'logs/batch', events: page.events, follow: page.follow, at: Date.now() });
      } catch (e) {
        if (!signal.aborted)
          store.dispatch({ type: 'source/failed', source: 'logs', error: errorMessage(e), at: Date.now() });
        throw e;
      }
    },
  };
}

/** `onLogs` hears every log batch as it arrives (the error signatures count them all, not just the buffer's). */
export function createSources(
  backend: Backend,
  store: Store,
  iv: PollIntervals,
  onLogs?: (events: readonly LogEvent[]) => void,
): Source[] {
  // The service first: it draws the first frame, and the others wait for its answer (Controller.start).
  return [
    sliceSource('service', iv.service, store, (s) => backend.getService(s)),
    sliceSource('identity', 60 * 60_000, store, (s) => backend.getIdentity(s)),
    sliceSource('alarms', iv.alarms, store, (s) => backend.getAlarms(s)),
    sliceSource('metrics', iv.metrics, store, (s) => {
      // The window starts at the release; until the service is known there is no window to ask for.
      const state = store.getState();
      const start = releaseStart(state);
      if (start === undefined) return Promise.resolve(undefined);
      return backend.getMetrics({ releaseStart: start, loadBalancers: state.service.data?.loadBalancers ?? [] }, s);
    }),
    sliceSource('cost', iv.cost, store, (s) => backend.getCost(s)),
    sliceSource('tasks', iv.tasks, store, (s) => backend.getTasks(s)),
    sliceSource('targetHealth', iv.targets, store, (s) => {
      // No target group, no read: a service without a load balancer has no target health.
      const lbs = store.getState().service.data?.loadBalancers?.filter((l) => l.targetGroupArn) ?? [];
      return lbs.length ? backend.getTargetHealth(lbs, s) : Promise.resolve(undefined);
    }),
    logsSource(backend, store, iv.logs, onLogs),
  ];
}

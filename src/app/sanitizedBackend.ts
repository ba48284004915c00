// The one boundary for outside text from a backend: every answer of the port (AWS's or the demo's)
// passes sanitizeDeep before the app sees it, so no pane, snapshot, JSON, report or audit entry built
// from it can forget. Errors need no wrapping here: errorMessage (domain/errors.ts) is the one way
// an error becomes a line, and it sanitises.
import type { Backend } from '../domain/backend.js';
import { sanitizeDeep } from '../domain/sanitize.js';

export function sanitizedBackend(b: Backend): Backend {
  const clean =
    <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> =>
      sanitizeDeep(await read(...args));
  return {
    kind: b.kind,
    target: sanitizeDeep(b.target),
    watchWindowMs: b.watchWindowMs,
    now: () => b.now(),
    getIdentity: clean((signal) => b.getIdentity(signal)),
    getService: clean((signal) => b.getService(signal)),
    getAlarms: clean((signal) => b.getAlarms(signal)),
    getMetrics: clean((query, signal) => b.getMetrics(query, signal)),
    getCost: clean((signal) => b.getCost(signal)),
    getLogs: clean((query, signal) => b.getLogs(query, signal)),
    getLogWindow: clean((query, signal) => b.getLogWindow(query, signal)),
    getTasks: clean((signal) => b.getTasks(signal)),
    getTargetHealth: clean((lbs, signal) => b.getTargetHealth(lbs, signal)),
    getAlarmHistory: clean((name, since, signal) => b.getAlarmHistory(name, since, signal)),
    rollback: clean((request) => b.rollback(request)),
    pinImages: clean((ref, images) => b.pinImages(ref, images)),
    close: () => b.close(),
  };
}

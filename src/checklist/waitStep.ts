// The `wait` step: N minutes (on the backend's clock) of clean signals — the service steady, no
// alarm in ALARM, no new ERROR/PANIC line. The first bad signal fails it at once, with the reason.
import type { Backend } from '../domain/backend.js';
import { isErrorLine } from '../domain/logLines.js';
import { primaryDeployment } from '../domain/rollback.js';
import type { StepOutcome } from './steps/types.js';
import type { Store } from '../app/store.js';
import type { AppState } from '../app/state.js';

const CHECK_EVERY_MS = 1000;

function problem(s: AppState, since: number): string | undefined {
  const svc = s.service.data;
  const p = svc && primaryDeployment(svc);
  if (svc && (svc.deployments.length > 1 || p?.rolloutState !== 'COMPLETED' || p.running < p.desired)) {
    return `service not steady: ${svc.deployments.length} deployment(s), running ${p?.running ?? 0}/${p?.desired ?? 0}`;
  }
  const firing = s.alarms.data?.filter((a) => a.state === 'ALARM').map((a) => a.name) ?? [];
  if (firing.length) return `in ALARM: ${firing.join(', ')}`;
  const err = s.logs.lines.find((e) => e.timestamp >= since && isErrorLine(e));
  return err ? `error in logs: ${err.message}` : undefined;
}

export function soak(store: Store, backend: Backend, minutes: number, signal: AbortSignal): Promise<StepOutcome> {
  const start = backend.now();
  const end = start + minutes * 60_000;
  return new Promise((resolve) => {
    const finish = (o: StepOutcome) => {
      clearInterval(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(o);
    };
    const check = () => {
      const why = problem(store.getState(), start);
      const elapsed = Math.round((backend.now() - start) / 1000);
      if (why) finish({ passed: false, summary: `soak failed after ${elapsed}s: ${why}`, output: why });
      else if (backend.now() >= end) finish({ passed: true, summary: `${minutes} min of clean signals`, output: '' });
    };
    const onAbort = () => finish({ passed: false, cancelled: true, summary: 'cancelled', output: '' });
    const timer = setInterval(check, CHECK_EVERY_MS);
    signal.addEventListener('abort', onAbort, { once: true });
    check();
  });
}

// The `wait` step: N minutes (on the backend's clock) of clean signals — the service steady, no
// alarm in ALARM, no new ERROR/PANIC line. The first bad signal fails it at once, with the reason.
import { firingNames } from '../domain/health/alarms.js';
import { isErrorLine } from '../domain/health/errorLines.js';
import { isSteady, steadyDetail } from '../domain/health/steady.js';
import type { StepOutcome } from './steps/types.js';
import type { ReleaseSignals } from '../domain/signals.js';
import type { ChecklistHost } from './host.js';

const CHECK_EVERY_MS = 1000;

function problem(s: ReleaseSignals, since: number): string | undefined {
  const svc = s.service;
  if (svc && !isSteady(svc)) return `service not steady: ${steadyDetail(svc)}`;
  const firing = firingNames(s.alarms ?? []);
  if (firing.length) return `in ALARM: ${firing.join(', ')}`;
  const err = s.logs.find((e) => e.timestamp >= since && isErrorLine(e));
  return err ? `error in logs: ${err.message}` : undefined;
}

export function waitStep(
  host: Pick<ChecklistHost, 'signals' | 'now'>,
  minutes: number,
  signal: AbortSignal,
): Promise<StepOutcome> {
  const start = host.now();
  const end = start + minutes * 60_000;
  return new Promise((resolve) => {
    const finish = (o: StepOutcome) => {
      clearInterval(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(o);
    };
    const check = () => {
      const why = problem(host.signals(), start);
      const elapsed = Math.round((host.now() - start) / 1000);
      if (why) finish({ passed: false, summary: `soak failed after ${elapsed}s: ${why}`, output: why });
      else if (host.now() >= end) finish({ passed: true, summary: `${minutes} min of clean signals`, output: '' });
    };
    const onAbort = () => finish({ passed: false, cancelled: true, summary: 'cancelled', output: '' });
    const timer = setInterval(check, CHECK_EVERY_MS);
    signal.addEventListener('abort', onAbort, { once: true });
    check();
  });
}

import type { Alarm, MetricSeries, ServiceSnapshot } from './model.js';
import { identifyRelease, type Release } from './release.js';
import { backOnPrevious } from './rollback.js';
import { isFiring } from './health/alarms.js';
import { isRolling, isShort, primaryDeployment } from './health/steady.js';
import { overThreshold } from './health/thresholds.js';
import type { RollbackOp } from './rollback.js';

export type Verdict =
  'LOADING' | 'ROLLING' | 'HEALTHY' | 'DEGRADED' | 'ALARM' | 'ROLLING BACK' | 'ROLLED BACK' | 'FAILED';

export interface VerdictInput {
  service?: ServiceSnapshot;
  alarms?: Alarm[];
  metrics?: MetricSeries[];
  rollback: RollbackOp;
  /** The release watched; identified from the snapshot alone when not given. */
  release?: Release;
}

/**
 * One word for the release, most urgent first. A rollback started here shows ROLLING BACK while it
 * runs; after that the service speaks: an ALARM is never hidden behind a rollback's state, and a
 * failed rollback is said by the header's rollback hint (and `r` may try again), not by the verdict.
 */
export function verdict({ service, alarms = [], metrics = [], rollback, release }: VerdictInput): Verdict {
  if (rollback.phase === 'requesting' || rollback.phase === 'in-flight') return 'ROLLING BACK';
  if (!service) return 'LOADING';
  const sd = service.serviceDeployments[0];
  if (sd && (sd.status === 'ROLLBACK_REQUESTED' || sd.status === 'ROLLBACK_IN_PROGRESS')) return 'ROLLING BACK';
  if (alarms.some(isFiring)) return 'ALARM';
  const back = backOnPrevious(service, release ?? identifyRelease(service, { rollbacks: [] }));
  if (back === 'rolling') return 'ROLLING BACK';
  if (back === 'done' || sd?.status === 'ROLLBACK_SUCCESSFUL') return 'ROLLED BACK';
  const primary = primaryDeployment(service);
  if (sd?.status === 'ROLLBACK_FAILED' || primary?.rolloutState === 'FAILED') return 'FAILED';
  if (metrics.some(overThreshold) || isShort(service) || (primary?.failed ?? 0) > 0) return 'DEGRADED';
  return isRolling(service) ? 'ROLLING' : 'HEALTHY';
}

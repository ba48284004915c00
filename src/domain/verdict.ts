import type { Alarm, MetricSeries, ServiceSnapshot } from './model.js';
import { primaryDeployment } from './rollback.js';
import type { RollbackOp } from './rollback.js';

export type Verdict =
  'LOADING' | 'ROLLING' | 'HEALTHY' | 'DEGRADED' | 'ALARM' | 'ROLLING BACK' | 'ROLLED BACK' | 'FAILED';

export interface VerdictInput {
  service?: ServiceSnapshot;
  alarms?: Alarm[];
  metrics?: MetricSeries[];
  rollback: RollbackOp;
}

export const overThreshold = (m: MetricSeries): boolean =>
  m.threshold !== undefined && m.current !== undefined && m.current > m.threshold;

/** One word for the whole release, most urgent first: a rollback's own state outranks the signals. */
export function verdict({ service, alarms = [], metrics = [], rollback }: VerdictInput): Verdict {
  if (rollback.phase === 'failed') return 'FAILED';
  if (rollback.phase === 'requesting' || rollback.phase === 'in-flight') return 'ROLLING BACK';
  if (rollback.phase === 'done') return 'ROLLED BACK';
  if (!service) return 'LOADING';
  const sd = service.serviceDeployments[0];
  if (sd && (sd.status === 'ROLLBACK_REQUESTED' || sd.status === 'ROLLBACK_IN_PROGRESS')) return 'ROLLING BACK';
  if (sd?.status === 'ROLLBACK_SUCCESSFUL') return 'ROLLED BACK';
  const primary = primaryDeployment(service);
  if (sd?.status === 'ROLLBACK_FAILED' || primary?.rolloutState === 'FAILED') return 'FAILED';
  if (alarms.some((a) => a.state === 'ALARM')) return 'ALARM';
  const rolling = service.deployments.length > 1 || primary?.rolloutState === 'IN_PROGRESS';
  const short = !rolling && service.running < service.desired;
  if (metrics.some(overThreshold) || short || (primary?.failed ?? 0) > 0) return 'DEGRADED';
  return rolling ? 'ROLLING' : 'HEALTHY';
}

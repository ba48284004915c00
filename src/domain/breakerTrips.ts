import type { ServiceSnapshot } from './model.js';

const ECS_ROLLBACK = /^ROLLBACK_/;

/**
 * What ECS itself did against the release between two polls that the on-call must hear (the bell):
 * its circuit breaker or deployment alarms started a rollback, or a rollout failed. None on the
 * first poll: nothing was watched changing.
 */
export function breakerTrips(prev: ServiceSnapshot | undefined, next: ServiceSnapshot): string[] {
  if (!prev) return [];
  const out: string[] = [];
  const before = new Map(prev.serviceDeployments.map((sd) => [sd.arn, sd]));
  for (const sd of next.serviceDeployments) {
    const was = before.get(sd.arn);
    if (was && !ECS_ROLLBACK.test(was.status) && ECS_ROLLBACK.test(sd.status))
      out.push(`ECS is rolling back ${sd.targetRevision.family}:${sd.targetRevision.revision} (${sd.status})`);
  }
  const failedBefore = new Set(prev.deployments.filter((d) => d.rolloutState === 'FAILED').map((d) => d.id));
  for (const d of next.deployments)
    if (d.rolloutState === 'FAILED' && !failedBefore.has(d.id) && prev.deployments.some((p) => p.id === d.id))
      out.push(`rollout FAILED: ${d.rolloutStateReason ?? d.taskDefinition.family}`);
  return out;
}

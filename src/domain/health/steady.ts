// What "steady" means, once: ECS has finished with the service — the built-in check, the soak
// step, the rollback follow-through and the verdict all ask this, not their own version of it.
import type { Deployment, ServiceSnapshot, TaskDefRef } from '../model.js';
import { sameRef } from '../release.js';

export const primaryDeployment = (s: ServiceSnapshot): Deployment | undefined =>
  s.deployments.find((d) => d.status === 'PRIMARY');

/** One deployment, its rollout COMPLETED, as many tasks running as desired. */
export function isSteady(s: ServiceSnapshot): boolean {
  const p = primaryDeployment(s);
  return s.deployments.length === 1 && p?.rolloutState === 'COMPLETED' && p.running === p.desired;
}

/** Steady, and the one deployment runs `ref`. */
export const isSteadyOn = (s: ServiceSnapshot, ref: TaskDefRef): boolean =>
  isSteady(s) && sameRef(s.deployments[0]!.taskDefinition, ref);

/** Fewer tasks running than desired while no rollout is under way: capacity lost. */
export function isShort(s: ServiceSnapshot): boolean {
  const p = primaryDeployment(s);
  return !isRolling(s) && s.running < s.desired && p !== undefined;
}

/** A rollout is under way: more than one deployment, or the primary's rollout still in progress. */
export const isRolling = (s: ServiceSnapshot): boolean =>
  s.deployments.length > 1 || primaryDeployment(s)?.rolloutState === 'IN_PROGRESS';

/** The words for what steadiness looks at: `2 deployment(s), PRIMARY IN_PROGRESS, running 1/3`. */
export function steadyDetail(s: ServiceSnapshot): string {
  const p = primaryDeployment(s);
  return `${s.deployments.length} deployment(s), PRIMARY ${p?.rolloutState ?? 'none'}, running ${p?.running ?? 0}/${p?.desired ?? 0}`;
}

import { refKey } from '../domain/model.js';
import type { RollbackPlan } from '../domain/rollback.js';
import type { RollbackOp } from '../domain/rollback.js';

const tag = (tags: string[]) => (tags[0] ? ` (${tags[0]})` : '');

/** The header's promise of what `r` would do, shown before anyone presses it. */
export function rollbackHint(plan: RollbackPlan, op: RollbackOp): string {
  if (op.request && (op.phase === 'requesting' || op.phase === 'in-flight'))
    return `rolling back → ${refKey(op.request.to)}`;
  if (plan.target && plan.back === 'done') return `rolled back → ${refKey(plan.target.ref)}`;
  if (plan.target && plan.back === 'rolling') return `rolling back → ${refKey(plan.target.ref)}`;
  // A failed rollback is said until the next try; `r` plans and asks again.
  // The runner's failures say themselves whether trying again is safe (app/rollbackRunner.ts); a
  // rollout that failed after AWS took the change does not, and r is the way on.
  if (op.request && op.phase === 'failed') {
    const advised = / — (not applied|it may have been applied)/.test(op.error ?? '');
    return `rollback failed${plan.refusal || advised ? '' : ' (r to retry)'}: ${op.error ?? ''}`;
  }
  if (!plan.target) return `r: ${plan.refusal ?? 'no target'}`;
  const base = `r → ${refKey(plan.target.ref)}${tag(plan.target.imageTags)}`;
  return plan.refusal ? `${base} [${plan.refusal.split(':')[0]}]` : base;
}

export const METHOD_TEXT = {
  'update-service': 'UpdateService to the target, force new deployment',
  'stop-service-deployment': 'StopServiceDeployment (ROLLBACK) of the deployment in flight',
} as const;

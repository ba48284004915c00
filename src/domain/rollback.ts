// Rollback target resolution and guards: pure functions of what the backend reported.
// The target is "what was serving before", taken from ECS's own record first; never `revision - 1`.
import type {
  Deployment,
  RollbackRequest,
  ServiceDeploymentInfo,
  ServiceSnapshot,
  TaskDefinitionInfo,
  TaskDefRef,
} from './model.js';
import { refKey } from './model.js';

/** A rollback started from this dashboard, from `y` to its end. */
export type RollbackPhase = 'idle' | 'requesting' | 'in-flight' | 'done' | 'failed';

export interface RollbackOp {
  phase: RollbackPhase;
  request?: RollbackRequest;
  startedAt?: number;
  finishedAt?: number;
  error?: string;
}

export interface PlannedTarget {
  ref: TaskDefRef;
  info?: TaskDefinitionInfo;
  imageTags: string[];
  /** Which rule picked it, for the dialog. */
  source: string;
  lastServedAt?: number;
}

export interface RollbackPlan {
  current?: { ref: TaskDefRef; info?: TaskDefinitionInfo; imageTags: string[] };
  target?: PlannedTarget;
  /** Why `r` would do nothing right now; undefined when it may proceed. */
  refusal?: string;
  request?: RollbackRequest;
}

const IN_FLIGHT: ReadonlySet<string> = new Set(['PENDING', 'IN_PROGRESS']);
const ROLLING_BACK: ReadonlySet<string> = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED']);
const same = (a: TaskDefRef, b: TaskDefRef) => a.family === b.family && a.revision === b.revision;

export const primaryDeployment = (s: ServiceSnapshot): Deployment | undefined =>
  s.deployments.find((d) => d.status === 'PRIMARY');

function tagsOf(s: ServiceSnapshot, ref: TaskDefRef): string[] {
  const info = s.taskDefinitions[refKey(ref)];
  if (info) return info.containers.map((c) => c.imageTag);
  return s.deployments.find((d) => same(d.taskDefinition, ref))?.imageTags ?? [];
}

/** The candidate from ECS's records (rules a–c), or from the family's revisions (rule d). */
function findCandidate(s: ServiceSnapshot, current: TaskDefRef): PlannedTarget | undefined {
  const make = (ref: TaskDefRef, source: string, lastServedAt?: number): PlannedTarget => ({
    ref,
    info: s.taskDefinitions[refKey(ref)],
    imageTags: tagsOf(s, ref),
    source,
    lastServedAt,
  });
  const [newest, ...older] = s.serviceDeployments;
  // (a) the newest service deployment's source revision, in flight or completed.
  if (newest && same(newest.targetRevision, current)) {
    const src = newest.sourceRevisions.find((r) => !same(r, current));
    if (src) return make(src, 'ECS service deployment: source revision', newest.createdAt);
  }
  // (b) the target of the newest successful service deployment before the current one.
  const prev = older.find((d: ServiceDeploymentInfo) => d.status === 'SUCCESSFUL' && !same(d.targetRevision, current));
  if (prev) return make(prev.targetRevision, 'ECS service deployment: previous successful', newest?.createdAt);
  // (c) during a rollout, the deployment still serving beside the new one.
  const active = s.deployments
    .filter((d) => d.status === 'ACTIVE' && !same(d.taskDefinition, current))
    .sort((x, y) => y.createdAt - x.createdAt)[0];
  if (active) return make(active.taskDefinition, 'ACTIVE deployment during rollout', s.deployments[0]?.updatedAt);
  // (d) the newest older revision of the family that is still ACTIVE; sorted here, never trusted.
  const fallback = s.familyRevisions
    .filter((r) => r.revision < current.revision && r.status === 'ACTIVE')
    .sort((x, y) => y.revision - x.revision)[0];
  if (fallback) return make({ family: current.family, revision: fallback.revision }, 'newest older ACTIVE revision');
  return undefined;
}

function statusOf(s: ServiceSnapshot, ref: TaskDefRef): string | undefined {
  const known = s.taskDefinitions[refKey(ref)]?.status;
  if (known) return known;
  const family = primaryDeployment(s)?.taskDefinition.family;
  return ref.family === family ? s.familyRevisions.find((r) => r.revision === ref.revision)?.status : undefined;
}

/** Why a rollback must not start now, checked in order of what the on-call most needs to hear. */
function refusalFor(
  s: ServiceSnapshot,
  target: PlannedTarget | undefined,
  op: RollbackOp,
  readOnly: boolean,
): string | undefined {
  if (readOnly) return 'read-only mode: shipwatch was started with --read-only';
  if (s.status !== 'ACTIVE') return `service ${s.service} is ${s.status}, not ACTIVE`;
  if (op.phase === 'requesting' || op.phase === 'in-flight') return 'a rollback started here is already in flight';
  const newest = s.serviceDeployments[0];
  if (newest && ROLLING_BACK.has(newest.status)) return `ECS is already rolling back (${newest.status})`;
  if (newest?.status === 'ROLLBACK_SUCCESSFUL') return 'ECS circuit breaker has already rolled back this deployment';
  if (op.phase === 'done' && op.request) return `already rolled back to ${refKey(op.request.to)}`;
  if (!target) return 'no earlier revision to roll back to (none found in ECS records or the family)';
  const status = statusOf(s, target.ref);
  if (status === undefined) return `target ${refKey(target.ref)} is unknown`;
  if (status !== 'ACTIVE')
    return `target ${refKey(target.ref)} is ${status} (deregistered); re-register it or deploy by hand`;
  return undefined;
}

export function planRollback(s: ServiceSnapshot | undefined, op: RollbackOp, readOnly: boolean): RollbackPlan {
  if (!s) return { refusal: 'service not loaded yet' };
  const primary = primaryDeployment(s);
  if (!primary) return { refusal: `service ${s.service} has no PRIMARY deployment` };
  const currentRef = primary.taskDefinition;
  const current = { ref: currentRef, info: s.taskDefinitions[refKey(currentRef)], imageTags: tagsOf(s, currentRef) };
  const target = findCandidate(s, currentRef);
  const refusal = refusalFor(s, target, op, readOnly);
  if (refusal || !target) return { current, target, refusal };
  const newest = s.serviceDeployments[0];
  const stoppable =
    s.serviceDeploymentsAvailable && newest && IN_FLIGHT.has(newest.status) && same(newest.targetRevision, currentRef);
  const request: RollbackRequest = {
    cluster: s.cluster,
    service: s.service,
    from: currentRef,
    to: target.ref,
    method: stoppable ? 'stop-service-deployment' : 'update-service',
    serviceDeploymentArn: stoppable ? newest.arn : undefined,
  };
  return { current, target, request };
}

export type RollbackProgress =
  { state: 'rolling-back' } | { state: 'rolled-back' } | { state: 'failed'; reason: string };

/** Follows a started rollback: done when the target is the only deployment, COMPLETED, running = desired. */
export function rollbackProgress(s: ServiceSnapshot, to: TaskDefRef): RollbackProgress {
  const onTarget = s.deployments.filter((d) => same(d.taskDefinition, to));
  const failed = onTarget.find((d) => d.rolloutState === 'FAILED');
  if (failed) return { state: 'failed', reason: failed.rolloutStateReason ?? 'rollout FAILED' };
  const newest = s.serviceDeployments[0];
  if (newest?.status === 'ROLLBACK_FAILED')
    return { state: 'failed', reason: newest.statusReason ?? 'ROLLBACK_FAILED' };
  const only = s.deployments.length === 1 ? s.deployments[0] : undefined;
  if (only && same(only.taskDefinition, to) && only.rolloutState === 'COMPLETED' && only.running === only.desired) {
    return { state: 'rolled-back' };
  }
  return { state: 'rolling-back' };
}

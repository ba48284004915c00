// Rollback planning and guards: pure functions of what the backend reported and the release watched.
// The target is the revision that served before the release (release.ts); never `revision - 1`.
import type {
  RollbackRequest,
  ServiceDeploymentInfo,
  ServiceSnapshot,
  TaskDefinitionInfo,
  TaskDefRef,
} from './model.js';
import { refKey, type ContainerImage } from './model.js';
import { isMutableTag } from './imageTags.js';
import { isSteady, isSteadyOn, primaryDeployment } from './health/steady.js';
import { identifyRelease, sameRef, type Release } from './release.js';

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
  /** The images and digests that last served it, when ECS's service revisions say. */
  servedImages?: ContainerImage[];
  /** Its tags that can point elsewhere now (latest, a branch, the bad release's own tag). */
  mutableTags: string[];
}

export interface RollbackPlan {
  current?: { ref: TaskDefRef; info?: TaskDefinitionInfo; imageTags: string[] };
  target?: PlannedTarget;
  /** Why `r` would do nothing right now; undefined when it may proceed. */
  refusal?: string;
  request?: RollbackRequest;
  /** The release it rolls back. */
  release?: Release;
  /** The service is back on what served before the release (by anyone), or on its way back. */
  back?: 'rolling' | 'done';
}

const IN_FLIGHT: ReadonlySet<string> = new Set(['PENDING', 'IN_PROGRESS']);
const ROLLING_BACK: ReadonlySet<string> = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED']);

function tagsOf(s: ServiceSnapshot, ref: TaskDefRef): string[] {
  const info = s.taskDefinitions[refKey(ref)];
  if (info) return info.containers.map((c) => c.imageTag);
  return s.deployments.find((d) => sameRef(d.taskDefinition, ref))?.imageTags ?? [];
}

function statusOf(s: ServiceSnapshot, ref: TaskDefRef): string | undefined {
  const known = s.taskDefinitions[refKey(ref)]?.status;
  if (known) return known;
  const family = primaryDeployment(s)?.taskDefinition.family;
  return ref.family === family ? s.familyRevisions.find((r) => r.revision === ref.revision)?.status : undefined;
}

/** The release's own service deployment, when ECS keeps one. */
const releaseDeployment = (s: ServiceSnapshot, release: Release): ServiceDeploymentInfo | undefined =>
  s.serviceDeployments.find((sd) => sd.arn === release.deploymentId);

/** The service is on the revision that served before the release: back, or on its way back. */
export function backOnPrevious(s: ServiceSnapshot, release: Release | undefined): 'rolling' | 'done' | undefined {
  const primary = primaryDeployment(s);
  if (!release?.previous || !primary || !sameRef(primary.taskDefinition, release.previous.ref)) return undefined;
  return isSteady(s) ? 'done' : 'rolling';
}

/** Why a rollback must not start now, checked in order of what the on-call most needs to hear. */
function refusalFor(
  s: ServiceSnapshot,
  release: Release,
  target: PlannedTarget | undefined,
  op: RollbackOp,
  readOnly: boolean,
  picked: boolean,
): string | undefined {
  if (readOnly) return 'read-only mode: shipwatch was started with --read-only';
  if (s.status !== 'ACTIVE') return `service ${s.service} is ${s.status}, not ACTIVE`;
  if (op.phase === 'requesting' || op.phase === 'in-flight') return 'a rollback started here is already in flight';
  const own = releaseDeployment(s, release);
  const newest = s.serviceDeployments[0];
  if (newest && ROLLING_BACK.has(newest.status)) return `ECS is already rolling back (${newest.status})`;
  if (!target) return 'no earlier revision to roll back to (none found in ECS records or the family)';
  const current = primaryDeployment(s)?.taskDefinition;
  if (picked) {
    // Going further back is deliberate: only the target itself must be usable.
    if (sameRef(current, target.ref)) return `already on ${refKey(target.ref)}`;
    return targetStatusRefusal(s, target);
  }
  const back = backOnPrevious(s, release);
  const was = refKey(release.released.ref);
  if (back === 'done') return `already on ${refKey(target.ref)}, the revision serving before release ${was}`;
  if (back === 'rolling')
    return `already rolling back to ${refKey(target.ref)}, the revision serving before release ${was}`;
  if (own?.status === 'ROLLBACK_SUCCESSFUL') return `ECS circuit breaker has already rolled back release ${was}`;
  return targetStatusRefusal(s, target);
}

function targetStatusRefusal(s: ServiceSnapshot, target: PlannedTarget): string | undefined {
  const status = statusOf(s, target.ref);
  if (status === undefined) return `target ${refKey(target.ref)} is unknown`;
  if (status !== 'ACTIVE')
    return `target ${refKey(target.ref)} is ${status} (deregistered); re-register it or deploy by hand`;
  return undefined;
}

/**
 * `r` rolls the release back to what served before it. Without a release given (tests of ECS states
 * alone), the release is identified from the snapshot with nothing remembered.
 */
export function planRollback(
  s: ServiceSnapshot | undefined,
  op: RollbackOp,
  readOnly: boolean,
  known?: Release,
  /** `R`: a revision picked by hand instead of what served before the release. */
  pick?: TaskDefRef,
): RollbackPlan {
  if (!s) return { refusal: 'service not loaded yet' };
  const primary = primaryDeployment(s);
  if (!primary) return { refusal: `service ${s.service} has no PRIMARY deployment` };
  const release = known ?? identifyRelease(s, { rollbacks: [] });
  if (!release) return { refusal: 'no release found in ECS records' };
  const currentRef = primary.taskDefinition;
  const current = { ref: currentRef, info: s.taskDefinitions[refKey(currentRef)], imageTags: tagsOf(s, currentRef) };
  const prev = pick ? { ref: pick, imageTags: [] } : release.previous;
  const target: PlannedTarget | undefined = prev && {
    ref: prev.ref,
    info: s.taskDefinitions[refKey(prev.ref)],
    imageTags: tagsOf(s, prev.ref).length ? tagsOf(s, prev.ref) : prev.imageTags,
    source: pick ? 'picked by hand (R)' : (release.previousBasis ?? 'what served before the release'),
    lastServedAt: s.servedImages?.[refKey(prev.ref)]?.at ?? release.t0,
    servedImages: s.servedImages?.[refKey(prev.ref)]?.images,
    mutableTags: [],
  };
  if (target) {
    const tags = target.imageTags;
    target.mutableTags = [...new Set(tags.filter((t) => isMutableTag(t, release.released.imageTags)))];
  }
  const refusal = refusalFor(s, release, target, op, readOnly, pick !== undefined);
  const back = backOnPrevious(s, release);
  if (refusal || !target) return { current, target, refusal, release, back };
  const newest = s.serviceDeployments[0];
  const stoppable =
    s.serviceDeploymentsAvailable &&
    newest &&
    IN_FLIGHT.has(newest.status) &&
    sameRef(newest.targetRevision, currentRef);
  const request: RollbackRequest = {
    cluster: s.cluster,
    service: s.service,
    from: currentRef,
    to: target.ref,
    method: stoppable ? 'stop-service-deployment' : 'update-service',
    serviceDeploymentArn: stoppable ? newest.arn : undefined,
  };
  return { current, target, request, release };
}

export type RollbackProgress =
  { state: 'rolling-back' } | { state: 'rolled-back' } | { state: 'failed'; reason: string };

/** Follows a started rollback: done when the target is the only deployment, COMPLETED, running = desired. */
export function rollbackProgress(s: ServiceSnapshot, to: TaskDefRef): RollbackProgress {
  const onTarget = s.deployments.filter((d) => sameRef(d.taskDefinition, to));
  const failed = onTarget.find((d) => d.rolloutState === 'FAILED');
  if (failed) return { state: 'failed', reason: failed.rolloutStateReason ?? 'rollout FAILED' };
  const newest = s.serviceDeployments[0];
  if (newest?.status === 'ROLLBACK_FAILED')
    return { state: 'failed', reason: newest.statusReason ?? 'ROLLBACK_FAILED' };
  return isSteadyOn(s, to) ? { state: 'rolled-back' } : { state: 'rolling-back' };
}

/** What a plan would do, as one string: the dialog's plan and the one `y` acts on must be equal. */
export const planKey = (plan: RollbackPlan): string | undefined =>
  plan.request && `${refKey(plan.request.from)}>${refKey(plan.request.to)}:${plan.request.method}`;

/** A decision older than this is made again on fresh data. */
export const MAX_DECISION_AGE_MS = 15_000;

export interface DecisionContext {
  /** How old the service data under the plan is, ms. */
  dataAgeMs?: number;
  /** planKey of what the dialog showed when it opened. */
  shown?: string;
}

/** Whether `y` may confirm now: the dialog, the key bar and the controller all ask this. */
export function confirmRefusal(plan: RollbackPlan, op: RollbackOp, ctx: DecisionContext = {}): string | undefined {
  if (op.phase === 'requesting' || op.phase === 'in-flight') return 'a rollback started here is already in flight';
  if (plan.refusal) return plan.refusal;
  if (!plan.request) return 'no target';
  if (ctx.dataAgeMs !== undefined && ctx.dataAgeMs > MAX_DECISION_AGE_MS)
    return `the service data is ${Math.round(ctx.dataAgeMs / 1000)}s old: waiting for a fresh read`;
  if (ctx.shown !== undefined && ctx.shown !== planKey(plan))
    return `the plan changed while the dialog was open (now → ${refKey(plan.request.to)}): press r to look again`;
  return undefined;
}

export interface PickableRevision {
  ref: TaskDefRef;
  imageTags: string[];
  /** Digests that last served it, when ECS's service revisions say. */
  digests: string[];
  lastServedAt?: number;
  /** What served before the release: what `r` would pick. */
  isPrevious: boolean;
}

/** `R`: the family's ACTIVE revisions older than the one serving, newest first. */
export function pickableRevisions(s: ServiceSnapshot, release: Release | undefined): PickableRevision[] {
  const current = primaryDeployment(s)?.taskDefinition;
  if (!current) return [];
  return s.familyRevisions
    .filter((r) => r.status === 'ACTIVE' && r.revision !== current.revision)
    .sort((a, b) => b.revision - a.revision)
    .map((r) => {
      const ref = { family: current.family, revision: r.revision };
      const served = s.servedImages?.[refKey(ref)];
      return {
        ref,
        imageTags: tagsOf(s, ref),
        digests: served?.images.flatMap((i) => (i.digest ? [i.digest] : [])) ?? [],
        lastServedAt: served?.at,
        isPrevious: sameRef(ref, release?.previous?.ref),
      };
    });
}

/** The images to pin when `p` takes the safe path; undefined (with why) when it cannot. */
export function pinnable(plan: RollbackPlan): { images?: ContainerImage[]; why?: string } {
  const t = plan.target;
  if (!t || !plan.request) return { why: plan.refusal ?? 'no target' };
  if (!t.mutableTags.length) return { why: 'its tags are versions: nothing to pin' };
  const images = t.servedImages?.filter((i) => i.digest);
  if (!images?.length) return { why: 'ECS recorded no digest for it (service revisions unavailable)' };
  return { images };
}

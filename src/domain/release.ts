// The release the on-call is watching: the newest deployment that is not a rollback, with its T+0
// and what served before it. A rollback, a retry or a scale change happens inside a release; a
// new revision deployed on top is a new release. Pure: ECS state, the audit log's rollbacks and the
// release persisted by an earlier run are the inputs.
import { refKey, type ServiceSnapshot, type TaskDefRef } from './model.js';

export interface RevisionImages {
  ref: TaskDefRef;
  imageTags: string[];
  /** The image digests that last served it (`container@sha256:…`), when ECS's service revisions say. */
  digests?: string[];
}

export interface Release {
  cluster: string;
  service: string;
  /** T+0: when the release's deployment was created. Does not move on rollback. */
  t0: number;
  released: RevisionImages;
  /** What served before the release: the rollback target. Undefined when nothing is known to have. */
  previous?: RevisionImages;
  /** How `previous` is known, for the dialog and the record. */
  previousBasis?: string;
  /** The ECS deployment id or service-deployment ARN that started it. */
  deploymentId: string;
}

/** A rollback recorded in shipwatch's audit log (by this or an earlier run). */
export interface KnownRollback {
  from: TaskDefRef;
  to: TaskDefRef;
  /** When AWS accepted it, epoch ms. */
  at: number;
}

export interface ReleaseInputs {
  /** The release this target had before (persisted, or from the previous poll). */
  prior?: Release;
  rollbacks: readonly KnownRollback[];
  /** `--release`: a revision number or a deployment id/ARN to watch instead of the newest. */
  pick?: string;
}

/** The audit's rollback and the deployment it made are created within this of each other. */
const AUDIT_MATCH_MS = 2 * 60_000;

export const sameRef = (a: TaskDefRef | undefined, b: TaskDefRef | undefined): boolean =>
  a !== undefined && b !== undefined && a.family === b.family && a.revision === b.revision;

/** One start of serving a revision: a service deployment, else an ECS deployment; newest first. */
interface Start {
  id: string;
  ref: TaskDefRef;
  /** What served when it started, when ECS says. */
  source?: TaskDefRef;
  createdAt: number;
}

/** The service-deployment history describes what serves now (it can be cut off, or lag a poll). */
function historyIsCurrent(s: ServiceSnapshot): boolean {
  const primary = s.deployments.find((d) => d.status === 'PRIMARY')?.taskDefinition;
  const newest = s.serviceDeployments[0];
  if (!newest || !primary) return false;
  // ECS's breaker and alarms roll back inside the deployment: then it is its source that serves.
  return sameRef(newest.targetRevision, primary) || newest.sourceRevisions.some((r) => sameRef(r, primary));
}

function startsOf(s: ServiceSnapshot): Start[] {
  // Service deployments keep history (and ECS's own rollbacks happen inside one); deployments vanish.
  if (historyIsCurrent(s))
    return s.serviceDeployments.map((sd) => ({
      id: sd.arn,
      ref: sd.targetRevision,
      source: sd.sourceRevisions.find((r) => !sameRef(r, sd.targetRevision)),
      createdAt: sd.createdAt,
    }));
  const ds = [...s.deployments].sort((a, b) => b.createdAt - a.createdAt);
  return ds.map((d, i) => ({
    id: d.id,
    ref: d.taskDefinition,
    source: ds.slice(i + 1).find((o) => !sameRef(o.taskDefinition, d.taskDefinition))?.taskDefinition,
    createdAt: d.createdAt,
  }));
}

/** Why `start` is a rollback rather than a release, or undefined when it is a release. */
function rollbackOf(start: Start, older: readonly Start[], inputs: ReleaseInputs): string | undefined {
  const before = older.find((o) => !sameRef(o.ref, start.ref));
  if (before?.source && sameRef(before.source, start.ref)) return 'back to what served before the release';
  // Replacing a newer revision of the family with an older one is going back, whoever started it.
  if (start.source && start.source.family === start.ref.family && start.ref.revision < start.source.revision)
    return 'to an older revision than was serving';
  const audited = inputs.rollbacks.find(
    (r) => sameRef(r.to, start.ref) && Math.abs(r.at - start.createdAt) <= AUDIT_MATCH_MS,
  );
  if (audited) return 'a rollback in the audit log';
  const { prior } = inputs;
  if (prior && sameRef(prior.previous?.ref, start.ref) && start.createdAt >= prior.t0)
    return 'back to what served before the release';
  return undefined;
}

function imagesOf(s: ServiceSnapshot, ref: TaskDefRef): RevisionImages {
  const digests = s.servedImages?.[refKey(ref)]?.images.flatMap((i) =>
    i.digest ? [`${i.container}@${i.digest}`] : [],
  );
  return {
    ref,
    imageTags:
      s.taskDefinitions[refKey(ref)]?.containers.map((c) => c.imageTag) ??
      s.deployments.find((d) => sameRef(d.taskDefinition, ref))?.imageTags ??
      [],
    ...(digests?.length ? { digests } : {}),
  };
}

/** The newest older revision of the family that is still ACTIVE: a guess, said as one. */
function newestOlderActive(s: ServiceSnapshot, ref: TaskDefRef): TaskDefRef | undefined {
  const r = s.familyRevisions
    .filter((x) => x.revision < ref.revision && x.status === 'ACTIVE')
    .sort((a, b) => b.revision - a.revision)[0];
  return r && { family: ref.family, revision: r.revision };
}

function previousOf(
  s: ServiceSnapshot,
  start: Start,
  prior: Release | undefined,
): Pick<Release, 'previous' | 'previousBasis'> {
  if (start.source)
    return { previous: imagesOf(s, start.source), previousBasis: 'ECS: the source revision of its deployment' };
  if (prior?.previous) return { previous: prior.previous, previousBasis: prior.previousBasis };
  const lastGood = s.serviceDeployments.find(
    (sd) => sd.status === 'SUCCESSFUL' && !sameRef(sd.targetRevision, start.ref),
  );
  if (lastGood)
    return { previous: imagesOf(s, lastGood.targetRevision), previousBasis: 'ECS: the previous successful deployment' };
  const guess = newestOlderActive(s, start.ref);
  return guess ? { previous: imagesOf(s, guess), previousBasis: 'newest older ACTIVE revision' } : {};
}

const isPicked = (start: Start, pick: string): boolean =>
  start.id === pick || String(start.ref.revision) === pick || refKey(start.ref) === pick;

/**
 * The release: `--release` if given, else the newest start that is not a rollback. A start that is
 * the prior release itself keeps it (and its T+0); when ECS shows only rollbacks, the prior stands.
 */
export function identifyRelease(s: ServiceSnapshot, inputs: ReleaseInputs): Release | undefined {
  const starts = startsOf(s);
  const { prior } = inputs;
  const index = inputs.pick
    ? starts.findIndex((st) => isPicked(st, inputs.pick!))
    : starts.findIndex((st, i) => !rollbackOf(st, starts.slice(i + 1), inputs));
  const start = starts[index];
  const samePrior = prior && prior.cluster === s.cluster && prior.service === s.service ? prior : undefined;
  if (!start) {
    // A picked release ECS no longer lists is only the prior one if that is what was picked.
    const priorPicked =
      samePrior &&
      inputs.pick &&
      (samePrior.deploymentId === inputs.pick ||
        String(samePrior.released.ref.revision) === inputs.pick ||
        refKey(samePrior.released.ref) === inputs.pick);
    return inputs.pick && !priorPicked ? undefined : samePrior;
  }
  if (samePrior && (samePrior.deploymentId === start.id || isPriorSeenAgain(samePrior, start))) {
    // Fill in what the prior run could not know, never move T+0.
    return samePrior.previous || !start.source ? samePrior : { ...samePrior, ...previousOf(s, start, undefined) };
  }
  // Older than the prior release: ECS no longer lists the prior's deployment (moto keeps one deployment
  // and edits it in place); the prior is the newer truth.
  if (samePrior && start.createdAt < samePrior.t0 && !inputs.pick) return samePrior;
  return {
    cluster: s.cluster,
    service: s.service,
    t0: start.createdAt,
    released: imagesOf(s, start.ref),
    ...previousOf(s, start, undefined),
    deploymentId: start.id,
  };
}

/** The released revision again (the same record, or a retry such as a forced new deployment): the same release. */
const isPriorSeenAgain = (prior: Release, start: Start): boolean =>
  sameRef(prior.released.ref, start.ref) && start.createdAt >= prior.t0;

/** A new release replaced the one watched (not a rollback, not the same one seen again). */
export const isNewRelease = (before: Release | undefined, after: Release | undefined): boolean =>
  before !== undefined && after !== undefined && before.deploymentId !== after.deploymentId && after.t0 > before.t0;

// Pure mappers from ECS SDK output shapes to domain types. No I/O, no clock: tested on recorded
// responses (test/unit/aws-ecs-map.test.ts).
import type {
  Deployment as SdkDeployment,
  LoadBalancer,
  Service,
  ServiceDeployment,
  ServiceEvent as SdkEvent,
  ServiceRevision,
  Task,
} from '@aws-sdk/client-ecs';
import type {
  ContainerImage,
  Deployment,
  DeploymentStatus,
  RolloutState,
  ServiceDeploymentInfo,
  ServiceDeploymentStatus,
  ServiceEvent,
  ServiceSnapshot,
  StoppedTask,
  TaskDefinitionInfo,
  TaskDefRef,
} from '../../domain/model.js';
import { refKey } from '../../domain/model.js';

export const ms = (d: Date | undefined): number | undefined => (d ? d.getTime() : undefined);

/**
 * `arn:aws:ecs:REGION:ACCOUNT:task-definition/web:3` or `web:3` → {web, 3}. ECS answers with ARNs,
 * but moto stores what UpdateService was given (`web:2`) as the service's task definition.
 */
export function parseTaskDefRef(s: string | undefined): TaskDefRef | undefined {
  const m = /^(?:arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/)?([A-Za-z0-9_-]+):(\d+)$/.exec(s ?? '');
  return m ? { family: m[1]!, revision: Number(m[2]) } : undefined;
}

// Moved to the domain (the demo names images too); re-exported for the mappers' callers and tests.
export { imageTag } from '../../domain/imageTags.js';

// Task definitions: ecsTaskDefMap.ts; re-exported for the mappers' callers and tests.
export { mapTaskDefinition } from './ecsTaskDefMap.js';

/** ListTaskDefinitions ARNs → revisions of exactly `family` (AWS's familyPrefix also matches `web-worker`). */
export function familyRevisionsFrom(
  arns: string[],
  family: string,
  status: TaskDefinitionInfo['status'],
): ServiceSnapshot['familyRevisions'] {
  return arns.flatMap((arn) => {
    const ref = parseTaskDefRef(arn);
    return ref && ref.family === family ? [{ revision: ref.revision, status }] : [];
  });
}

const DEP_STATUS: ReadonlySet<string> = new Set(['PRIMARY', 'ACTIVE', 'INACTIVE']);
const ROLLOUT: ReadonlySet<string> = new Set(['IN_PROGRESS', 'COMPLETED', 'FAILED']);

/**
 * The task definition each deployment runs. Real ECS keeps `service.taskDefinition` equal to the
 * PRIMARY deployment's; moto changes only the service's on UpdateService. The service-level value
 * is the truth for PRIMARY (it is what new tasks are started from), so it wins when they differ.
 */
export function deploymentRefs(s: Service): { dep: SdkDeployment; ref: TaskDefRef }[] {
  const serviceRef = parseTaskDefRef(s.taskDefinition);
  return (s.deployments ?? []).flatMap((dep) => {
    const ref = (dep.status === 'PRIMARY' && serviceRef) || parseTaskDefRef(dep.taskDefinition);
    return ref ? [{ dep, ref }] : [];
  });
}

export function mapDeployments(s: Service, defs: Record<string, TaskDefinitionInfo>): Deployment[] {
  return deploymentRefs(s).map(({ dep, ref }) => ({
    id: dep.id ?? refKey(ref),
    status: (DEP_STATUS.has(dep.status ?? '') ? dep.status : 'ACTIVE') as DeploymentStatus,
    taskDefinition: ref,
    imageTags: defs[refKey(ref)]?.containers.map((c) => c.imageTag) ?? [],
    desired: dep.desiredCount ?? 0,
    running: dep.runningCount ?? 0,
    pending: dep.pendingCount ?? 0,
    failed: dep.failedTasks ?? 0,
    rolloutState: ROLLOUT.has(dep.rolloutState ?? '') ? (dep.rolloutState as RolloutState) : undefined,
    rolloutStateReason: dep.rolloutStateReason,
    createdAt: ms(dep.createdAt) ?? 0,
    updatedAt: ms(dep.updatedAt) ?? ms(dep.createdAt) ?? 0,
  }));
}

/** Newest first: ECS returns them so, but the order is not part of the contract. */
export function mapEvents(events: SdkEvent[] | undefined, cap: number): ServiceEvent[] {
  return (events ?? [])
    .map((e, i) => ({ id: e.id ?? `event-${i}`, createdAt: ms(e.createdAt) ?? 0, message: e.message ?? '' }))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, cap);
}

export function mapLoadBalancers(lbs: LoadBalancer[] | undefined): NonNullable<ServiceSnapshot['loadBalancers']> {
  return (lbs ?? []).map((lb) => ({
    targetGroupArn: lb.targetGroupArn,
    loadBalancerName: lb.loadBalancerName,
    containerName: lb.containerName,
  }));
}

/**
 * A stopped task; `seenAt` stands in for stoppedAt when ECS has not set it yet (a task whose
 * desired status is STOPPED may still be stopping) or when the server omits it (moto).
 */
export function mapStoppedTask(t: Task, seenAt: number): StoppedTask | undefined {
  const ref = parseTaskDefRef(t.taskDefinitionArn);
  if (!t.taskArn || !ref) return undefined;
  return {
    taskArn: t.taskArn,
    taskDefinition: ref,
    stoppedReason: t.stoppedReason ?? '',
    stopCode: t.stopCode,
    stoppedAt: ms(t.stoppedAt) ?? ms(t.stoppingAt) ?? ms(t.executionStoppedAt) ?? seenAt,
  };
}

export const newestStoppedFirst = (tasks: StoppedTask[], cap: number): StoppedTask[] =>
  [...tasks].sort((a, b) => b.stoppedAt - a.stoppedAt || a.taskArn.localeCompare(b.taskArn)).slice(0, cap);

/** Service deployments that can no longer change: described once, then cached. */
export const FINISHED_SERVICE_DEPLOYMENT: ReadonlySet<string> = new Set([
  'SUCCESSFUL',
  'STOPPED',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
]);

/**
 * Source and target refer to service revisions, whose task definition only DescribeServiceRevisions
 * tells (ServiceRevisionSummary has the ARN and task counts, no task definition): `revisionRef`
 * resolves them. Undefined when the target cannot be resolved: such a record cannot guide a rollback.
 */
export function mapServiceDeployment(
  sd: ServiceDeployment,
  revisionRef: (arn: string) => TaskDefRef | undefined,
): ServiceDeploymentInfo | undefined {
  const target = sd.targetServiceRevision?.arn ? revisionRef(sd.targetServiceRevision.arn) : undefined;
  if (!sd.serviceDeploymentArn || !sd.status || !target) return undefined;
  const cb = sd.deploymentCircuitBreaker;
  const alarms = sd.alarms;
  return {
    arn: sd.serviceDeploymentArn,
    status: sd.status as ServiceDeploymentStatus,
    statusReason: sd.statusReason,
    lifecycleStage: sd.lifecycleStage,
    sourceRevisions: (sd.sourceServiceRevisions ?? []).flatMap((r) => {
      const ref = r.arn ? revisionRef(r.arn) : undefined;
      return ref ? [ref] : [];
    }),
    targetRevision: target,
    circuitBreaker: cb?.status
      ? { status: cb.status, failureCount: cb.failureCount ?? 0, threshold: cb.threshold ?? 0 }
      : undefined,
    alarms: alarms?.status
      ? {
          status: alarms.status,
          alarmNames: alarms.alarmNames ?? [],
          triggeredAlarmNames: alarms.triggeredAlarmNames ?? [],
        }
      : undefined,
    createdAt: ms(sd.createdAt) ?? ms(sd.startedAt) ?? 0,
    finishedAt: ms(sd.finishedAt) ?? ms(sd.stoppedAt),
  };
}

export const newestServiceDeploymentFirst = (list: ServiceDeploymentInfo[]): ServiceDeploymentInfo[] =>
  [...list].sort((a, b) => b.createdAt - a.createdAt);

/** A service revision as the snapshot needs it: the task definition it ran and what its images resolved to. */
export interface ServedRevision {
  ref: TaskDefRef;
  images: ContainerImage[];
  createdAt?: number;
}

/**
 * DescribeServiceRevisions' `containerImages` carry the digest each tag resolved to for that revision.
 * Undefined without a task definition. Text is sanitised: a container name or image is shown on screen.
 */
export function mapServiceRevision(rev: ServiceRevision): ServedRevision | undefined {
  const ref = parseTaskDefRef(rev.taskDefinition);
  if (!ref) return undefined;
  const images = (rev.containerImages ?? []).flatMap((c): ContainerImage[] =>
    c.containerName && c.image
      ? [
          {
            container: c.containerName,
            image: c.image,
            ...(c.imageDigest ? { digest: c.imageDigest } : {}),
          },
        ]
      : [],
  );
  return { ref, images, createdAt: ms(rev.createdAt) };
}

/**
 * Per task definition, the newest service revision that ran it: a task definition may have run in
 * several service revisions (a redeploy, a rollback by UpdateService), each resolving its tags anew,
 * and the newest is what last served. A revision without createdAt counts as the oldest.
 */
export function servedImagesFrom(revisions: Iterable<ServedRevision>): NonNullable<ServiceSnapshot['servedImages']> {
  const newest = new Map<string, ServedRevision>();
  for (const r of revisions) {
    const key = refKey(r.ref);
    const seen = newest.get(key);
    if (!seen || (r.createdAt ?? -Infinity) > (seen.createdAt ?? -Infinity)) newest.set(key, r);
  }
  const out: NonNullable<ServiceSnapshot['servedImages']> = {};
  for (const [key, r] of newest)
    out[key] = { images: r.images.map((i) => ({ ...i })), ...(r.createdAt !== undefined ? { at: r.createdAt } : {}) };
  return out;
}

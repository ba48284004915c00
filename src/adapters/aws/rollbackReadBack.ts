// After a change's answer was lost: did it take effect? Each function reads what AWS shows now and
// says "applied" (with the result the answer would have carried) or "not applied" (with why), and
// throws, naming the read's IAM action, when it cannot tell. Used by mutate (sendOnce.ts).
import {
  DescribeServiceDeploymentsCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type Service,
} from '@aws-sdk/client-ecs';
import { refKey, type RollbackResult, type TaskDefRef } from '../../domain/model.js';
import { sameRef } from '../../domain/release.js';
import { describeAwsError } from './awsErrors.js';
import { deploymentRefs, familyRevisionsFrom, ms } from './ecsMap.js';
import type { ReadBack } from './sendOnce.js';

/**
 * How much earlier than our clock's "sent" AWS may date what the call made. SigV4 refuses a request
 * whose clock is off by more than 5 minutes (and the SDK corrects larger offsets, see awsClock), so
 * anything the request made is dated within this of when it was sent.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The service-deployment statuses a StopServiceDeployment (ROLLBACK) leads to. */
const STOPPING: ReadonlySet<string> = new Set([
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
]);

/** The local clock corrected by the offset the SDK measured from AWS's answers. */
export const awsClock = (ecs: ECSClient) => (): number => Date.now() + (ecs.config.systemClockOffset ?? 0);

type ReadService = (signal: AbortSignal) => Promise<Service>;

const primaryOf = (svc: Service) => deploymentRefs(svc).find((d) => d.dep.status === 'PRIMARY');

/** UpdateService took effect when the PRIMARY deployment runs `to` and was made since the request. */
export async function updateTookEffect(
  to: TaskDefRef,
  since: number,
  readService: ReadService,
  signal: AbortSignal,
): Promise<ReadBack<RollbackResult>> {
  const primary = primaryOf(await readService(signal));
  if (!primary) return { applied: false, why: 'the service has no PRIMARY deployment' };
  const created = ms(primary.dep.createdAt);
  if (sameRef(primary.ref, to) && created !== undefined && created >= since - CLOCK_SKEW_MS)
    return { applied: true, result: { method: 'update-service', deploymentId: primary.dep.id } };
  return { applied: false, why: `the PRIMARY deployment is ${refKey(primary.ref)}, made before the request` };
}

/**
 * StopServiceDeployment took effect when its deployment is stopping or rolling back, or the service
 * is already back on `to`. Without the deployment's status and not on `to`, nobody can tell.
 */
export async function stopTookEffect(
  ecs: ECSClient,
  arn: string,
  to: TaskDefRef,
  readService: ReadService,
  signal: AbortSignal,
): Promise<ReadBack<RollbackResult>> {
  const result: RollbackResult = { method: 'stop-service-deployment', deploymentId: arn };
  let status: string | undefined;
  let unread: Error | undefined;
  try {
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), {
      abortSignal: signal,
    });
    status = out.serviceDeployments?.find((sd) => sd.serviceDeploymentArn === arn)?.status;
    if (status && STOPPING.has(status)) return { applied: true, result };
    if (!status) unread = new Error(`ecs:DescribeServiceDeployments: ${arn} not found`);
  } catch (e) {
    unread = new Error(describeAwsError(e, 'ecs:DescribeServiceDeployments'), { cause: e });
  }
  const primary = primaryOf(await readService(signal));
  if (primary && sameRef(primary.ref, to)) return { applied: true, result };
  if (unread) throw unread;
  return {
    applied: false,
    why: `the service deployment is ${status}, the service on ${primary ? refKey(primary.ref) : 'no PRIMARY'}`,
  };
}

/**
 * RegisterTaskDefinition took effect when the family's newest ACTIVE revision has exactly the images
 * registered, and was registered since the request (moto gives no registeredAt: the images decide).
 */
export async function registrationTookEffect(
  ecs: ECSClient,
  input: RegisterTaskDefinitionCommandInput,
  since: number,
  signal: AbortSignal,
): Promise<ReadBack<TaskDefRef>> {
  const family = input.family ?? '';
  // sort DESC puts the newest on the first page; moto ignores it, so the newest is picked here.
  const listed = await ecs
    .send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults: 10 }), {
      abortSignal: signal,
    })
    .catch((e: unknown) => Promise.reject(new Error(describeAwsError(e, 'ecs:ListTaskDefinitions'), { cause: e })));
  const revisions = familyRevisionsFrom(listed.taskDefinitionArns ?? [], family, 'ACTIVE').map((r) => r.revision);
  if (!revisions.length) return { applied: false, why: `${family} has no ACTIVE revision` };
  const ref = { family, revision: Math.max(...revisions) };
  const described = await ecs
    .send(new DescribeTaskDefinitionCommand({ taskDefinition: refKey(ref) }), { abortSignal: signal })
    .catch((e: unknown) => Promise.reject(new Error(describeAwsError(e, 'ecs:DescribeTaskDefinition'), { cause: e })));
  const td = described.taskDefinition;
  const images = (defs: { image?: string }[] | undefined) => (defs ?? []).map((c) => c.image ?? '').join('\n');
  const registeredAt = ms(td?.registeredAt);
  const recent = registeredAt === undefined || registeredAt >= since - CLOCK_SKEW_MS;
  if (td && recent && images(td.containerDefinitions) === images(input.containerDefinitions))
    return { applied: true, result: ref };
  return { applied: false, why: `the newest revision, ${refKey(ref)}, is not the pinned copy` };
}

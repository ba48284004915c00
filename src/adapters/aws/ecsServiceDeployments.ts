// ECS's own record of deployments (ListServiceDeployments → DescribeServiceDeployments →
// DescribeServiceRevisions), the rollback planner's first choice. Optional: moto does not implement
// it, accounts may lack the permission, and it only covers deployments since 2024-10-25. When it is
// unavailable the snapshot says so and the planner falls back; it is asked again after a while.
// The service revisions also say what each image tag resolved to (its digest), kept as servedImages:
// what last served a task definition, which a tag that has moved since can no longer tell.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  type ECSClient,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import type { ServiceDeploymentInfo, ServiceSnapshot } from '../../domain/model.js';
import {
  FINISHED_SERVICE_DEPLOYMENT,
  mapServiceDeployment,
  mapServiceRevision,
  ms,
  newestServiceDeploymentFirst,
  servedImagesFrom,
  type ServedRevision,
} from './ecsMap.js';
import { isAccessDenied, isUnavailable } from './awsErrors.js';
import { chunks, rethrowIfAborted, type EcsIssues } from './ecsUtil.js';

export const RETRY_UNAVAILABLE_MS = 10 * 60_000;
/** The newest few are enough for the planner (current one, and the successful one before it). */
export const SERVICE_DEPLOYMENTS_LISTED = 10;
/** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs. */
const DESCRIBE_BATCH = 20;

export interface ServiceDeploymentsRead {
  available: boolean;
  deployments: ServiceDeploymentInfo[];
  /** From the same DescribeServiceRevisions answers (no extra call); absent when unavailable. */
  servedImages?: NonNullable<ServiceSnapshot['servedImages']>;
}

export class ServiceDeployments {
  /** Finished deployments never change again: described once. */
  private readonly finished = new Map<string, ServiceDeployment>();
  /** Service revision ARN → its task definition and resolved images; revisions are immutable. null: ECS could not say. */
  private readonly revisions = new Map<string, ServedRevision | null>();
  private unavailableUntil = 0;
  private last?: Omit<ServiceDeploymentsRead, 'available'>;

  constructor(
    private readonly ecs: ECSClient,
    private readonly cluster: string,
    private readonly service: string,
    private readonly now: () => number,
    private readonly issues: EcsIssues,
  ) {}

  async read(signal: AbortSignal): Promise<ServiceDeploymentsRead> {
    if (this.now() < this.unavailableUntil) return { available: false, deployments: [] };
    let action = 'ecs:ListServiceDeployments';
    try {
      const arns = await this.listNewest(signal);
      action = 'ecs:DescribeServiceDeployments';
      const raw = await this.describe(arns, signal);
      action = 'ecs:DescribeServiceRevisions';
      await this.resolveRevisions(raw, signal);
      const mapped = raw.flatMap((sd) => mapServiceDeployment(sd, (arn) => this.revisions.get(arn)?.ref) ?? []);
      this.last = {
        deployments: newestServiceDeploymentFirst(mapped),
        servedImages: servedImagesFrom([...this.revisions.values()].flatMap((r) => r ?? [])),
      };
      for (const a of ['ecs:ListServiceDeployments', 'ecs:DescribeServiceDeployments', 'ecs:DescribeServiceRevisions'])
        this.issues.clear(a);
      return { available: true, ...this.last };
    } catch (e) {
      rethrowIfAborted(e, signal);
      this.issues.set(action, e);
      if (isUnavailable(e) || isAccessDenied(e)) {
        // Not served here (or not allowed): asking every poll would only add failing requests.
        this.unavailableUntil = this.now() + RETRY_UNAVAILABLE_MS;
        this.last = undefined;
        return { available: false, deployments: [] };
      }
      // Transient (throttling, 5xx): the last good record, if any, is better than switching the planner.
      return this.last ? { available: true, ...this.last } : { available: false, deployments: [] };
    }
  }

  private async listNewest(signal: AbortSignal): Promise<string[]> {
    const out = await this.ecs.send(
      new ListServiceDeploymentsCommand({
        cluster: this.cluster,
        service: this.service,
        maxResults: SERVICE_DEPLOYMENTS_LISTED,
      }),
      { abortSignal: signal },
    );
    // Documented newest first; sorted anyway, as nothing else here trusts a server's order.
    return [...(out.serviceDeployments ?? [])]
      .sort((a, b) => (ms(b.createdAt) ?? 0) - (ms(a.createdAt) ?? 0))
      .flatMap((b) => (b.serviceDeploymentArn ? [b.serviceDeploymentArn] : []))
      .slice(0, SERVICE_DEPLOYMENTS_LISTED);
  }

  /** Describes the listed deployments that are not finished-and-cached; forgets ones no longer listed. */
  private async describe(arns: string[], signal: AbortSignal): Promise<ServiceDeployment[]> {
    const fresh = new Map<string, ServiceDeployment>();
    for (const batch of chunks(
      arns.filter((a) => !this.finished.has(a)),
      DESCRIBE_BATCH,
    )) {
      const out = await this.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: batch }), {
        abortSignal: signal,
      });
      for (const sd of out.serviceDeployments ?? []) {
        if (!sd.serviceDeploymentArn) continue;
        fresh.set(sd.serviceDeploymentArn, sd);
        if (FINISHED_SERVICE_DEPLOYMENT.has(sd.status ?? '')) this.finished.set(sd.serviceDeploymentArn, sd);
      }
    }
    const listed = new Set(arns);
    for (const arn of this.finished.keys()) if (!listed.has(arn)) this.finished.delete(arn);
    return arns.flatMap((a) => fresh.get(a) ?? this.finished.get(a) ?? []);
  }

  private async resolveRevisions(raw: ServiceDeployment[], signal: AbortSignal): Promise<void> {
    const wanted = new Set(
      raw.flatMap((sd) =>
        [...(sd.sourceServiceRevisions ?? []), ...(sd.targetServiceRevision ? [sd.targetServiceRevision] : [])].map(
          (r) => r.arn ?? '',
        ),
      ),
    );
    wanted.delete('');
    for (const batch of chunks(
      [...wanted].filter((a) => !this.revisions.has(a)),
      DESCRIBE_BATCH,
    )) {
      const out = await this.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: batch }), {
        abortSignal: signal,
      });
      for (const arn of batch) this.revisions.set(arn, null);
      for (const rev of out.serviceRevisions ?? []) {
        if (rev.serviceRevisionArn) this.revisions.set(rev.serviceRevisionArn, mapServiceRevision(rev) ?? null);
      }
    }
    for (const arn of this.revisions.keys()) if (!wanted.has(arn)) this.revisions.delete(arn);
  }
}

// The ECS part of the AWS adapter: one service's snapshot (read every few seconds) and the rollback
// action. Only DescribeServices may fail a read; every other call degrades (see EcsIssues) so the
// on-call still sees the deployments when an optional API is missing, denied or throttled.
//
// Requests per getService (see test/integration/ecs.test.ts): DescribeServices, ListTasks and
// ListServiceDeployments every poll; DescribeServiceDeployments only while a deployment is unfinished;
// ListTaskDefinitions ×2 once a minute; DescribeTaskDefinition / DescribeTasks / DescribeServiceRevisions
// only for what was not seen before (and a task definition's status re-check every 5 minutes).
import {
  DescribeServicesCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import type {
  RollbackRequest,
  RollbackResult,
  ServiceDeploymentInfo,
  ServiceSnapshot,
  TaskDefRef,
} from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { deploymentRefs, mapDeployments, mapEvents, mapLoadBalancers, parseTaskDefRef } from './ecsMap.js';
import { ServiceDeployments } from './ecsServiceDeployments.js';
import { StoppedTasks } from './ecsStopped.js';
import { TaskDefinitions } from './ecsTaskDefs.js';
import { EcsIssues } from './ecsUtil.js';
import { describeAwsError } from './awsErrors.js';
import { awsClock, stopTookEffect, updateTookEffect } from './rollbackReadBack.js';
import { mutate, sentOnce, type MutationTiming } from './sendOnce.js';

export const EVENTS_CAP = 20;
/** Older ACTIVE revisions described beside the deployments': the planner's family fallback and a few more. */
export const OLDER_ACTIVE_KEPT = 3;

export interface EcsReaderOptions {
  /** Wall clock for the caches' intervals; injectable for tests. */
  now?: () => number;
  /** Named in the "run aws sso login --profile …" hint of credential errors. */
  profile?: string;
  /** The rollback call's deadline and the read-back after a lost answer; tests shrink them. */
  mutation?: MutationTiming;
}

export class EcsReader {
  /** Optional calls that failed and were degraded, with why (for the README's IAM note and help). */
  readonly issues = new EcsIssues();
  private readonly taskDefs: TaskDefinitions;
  private readonly stopped: StoppedTasks;
  private readonly serviceDeployments: ServiceDeployments;
  private readonly wrap: (e: unknown, action: string) => Error;
  private readonly profile?: string;
  private readonly mutation?: MutationTiming;

  constructor(
    private readonly ecs: ECSClient,
    private readonly cluster: string,
    private readonly service: string,
    opts: EcsReaderOptions = {},
  ) {
    const now = opts.now ?? Date.now;
    this.profile = opts.profile;
    this.mutation = opts.mutation;
    this.wrap = (e, action) => new Error(describeAwsError(e, action, opts.profile), { cause: e });
    this.taskDefs = new TaskDefinitions(ecs, now, this.issues);
    this.stopped = new StoppedTasks(ecs, cluster, service, now, this.issues);
    this.serviceDeployments = new ServiceDeployments(ecs, cluster, service, now, this.issues);
  }

  /** The degraded calls, said on the Deployments pane: a list there may be incomplete, and this is why. */
  private notes(): { notes?: string[] } {
    // Outside text, cleaned with the rest of the answer at the port (app/sanitizedBackend.ts).
    const notes = this.issues.list().map((i) => i.message);
    return notes.length ? { notes } : {};
  }

  async getService(signal: AbortSignal): Promise<ServiceSnapshot> {
    const svc = await this.describeService(signal);
    const deployed = deploymentRefs(svc);
    const primary = deployed.find((d) => d.dep.status === 'PRIMARY')?.ref ?? parseTaskDefRef(svc.taskDefinition);
    // The deployments' own task definitions (the image tag on the first frame) are described beside the
    // list calls, not after them; only what the lists add waits for the lists.
    const [familyRevisions, stoppedTasks, sd] = await Promise.all([
      primary ? this.taskDefs.familyRevisions(primary.family, signal) : Promise.resolve([]),
      this.stopped.read(signal),
      this.serviceDeployments.read(signal),
      this.taskDefs.resolve(
        deployed.map((d) => d.ref),
        signal,
      ),
    ]);
    const olderActive = primary ? newestOlderActive(familyRevisions, primary) : [];
    const taskDefinitions = await this.taskDefs.resolve(
      unique([...deployed.map((d) => d.ref), ...revisionsOf(sd.deployments), ...olderActive]),
      signal,
    );
    const loadBalancers = mapLoadBalancers(svc.loadBalancers);
    return {
      cluster: this.cluster,
      service: this.service,
      serviceArn: svc.serviceArn,
      status: svc.status ?? 'UNKNOWN',
      desired: svc.desiredCount ?? 0,
      running: svc.runningCount ?? 0,
      pending: svc.pendingCount ?? 0,
      deployments: mapDeployments(svc, taskDefinitions),
      events: mapEvents(svc.events, EVENTS_CAP),
      stoppedTasks,
      serviceDeployments: sd.deployments,
      serviceDeploymentsAvailable: sd.available,
      ...(sd.servedImages ? { servedImages: sd.servedImages } : {}),
      taskDefinitions,
      familyRevisions,
      hasLoadBalancer: loadBalancers.length > 0,
      loadBalancers,
      ...this.notes(),
    };
  }

  /**
   * Changes production; called only after the user confirmed. Sent once; a lost answer is settled by
   * reading the service back (rollbackReadBack.ts). Errors are MutationErrors saying whether it applied.
   */
  async rollback(req: RollbackRequest): Promise<RollbackResult> {
    if (req.cluster !== this.cluster || req.service !== this.service) {
      throw new Error(
        `rollback of ${req.cluster}/${req.service} refused: this session watches ${this.cluster}/${this.service}`,
      );
    }
    const base = { profile: this.profile, now: awsClock(this.ecs) };
    const readService = (signal: AbortSignal) => this.describeService(signal);
    if (req.method === 'stop-service-deployment') {
      const arn = req.serviceDeploymentArn;
      if (!arn) throw new Error('ecs:StopServiceDeployment: no service deployment ARN to stop');
      const stop = new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' });
      return mutate(
        {
          ...base,
          action: 'ecs:StopServiceDeployment',
          send: (signal) => this.ecs.send(sentOnce(stop), { abortSignal: signal }),
          answered: (out): RollbackResult => ({ method: req.method, deploymentId: out.serviceDeploymentArn ?? arn }),
          readBack: (_since, signal) => stopTookEffect(this.ecs, arn, req.to, readService, signal),
        },
        this.mutation,
      );
    }
    const update = new UpdateServiceCommand({
      cluster: this.cluster,
      service: this.service,
      taskDefinition: refKey(req.to),
      forceNewDeployment: true,
    });
    return mutate(
      {
        ...base,
        action: 'ecs:UpdateService',
        send: (signal) => this.ecs.send(sentOnce(update), { abortSignal: signal }),
        answered: (out): RollbackResult => ({
          method: req.method,
          deploymentId: out.service?.deployments?.find((d) => d.status === 'PRIMARY')?.id,
        }),
        readBack: (since, signal) => updateTookEffect(req.to, since, readService, signal),
      },
      this.mutation,
    );
  }

  private async describeService(signal: AbortSignal): Promise<Service> {
    let out;
    try {
      out = await this.ecs.send(new DescribeServicesCommand({ cluster: this.cluster, services: [this.service] }), {
        abortSignal: signal,
      });
    } catch (e) {
      if (signal.aborted) throw e;
      if ((e as { name?: string }).name === 'ClusterNotFoundException') {
        throw new Error(`cluster ${this.cluster} not found (ecs:DescribeServices)`, { cause: e });
      }
      throw this.wrap(e, 'ecs:DescribeServices');
    }
    const svc = out.services?.[0];
    const failure = out.failures?.[0];
    if (!svc && failure?.reason && failure.reason !== 'MISSING') {
      throw new Error(`ecs:DescribeServices: ${failure.reason}${failure.detail ? ` (${failure.detail})` : ''}`);
    }
    // MISSING in failures, or a deleted service (INACTIVE, still described for a while after deletion).
    if (!svc || svc.status === 'INACTIVE')
      throw new Error(`service ${this.service} not found in cluster ${this.cluster}`);
    return svc;
  }
}

/** The planner's last-resort candidates: ACTIVE revisions below the serving one, newest first. */
function newestOlderActive(revisions: ServiceSnapshot['familyRevisions'], primary: TaskDefRef): TaskDefRef[] {
  return revisions
    .filter((r) => r.status === 'ACTIVE' && r.revision < primary.revision)
    .sort((a, b) => b.revision - a.revision)
    .slice(0, OLDER_ACTIVE_KEPT)
    .map((r) => ({ family: primary.family, revision: r.revision }));
}

function revisionsOf(list: ServiceDeploymentInfo[]): TaskDefRef[] {
  return list.flatMap((d) => [d.targetRevision, ...d.sourceRevisions]);
}

function unique(refs: TaskDefRef[]): TaskDefRef[] {
  return [...new Map(refs.map((r) => [refKey(r), r])).values()];
}

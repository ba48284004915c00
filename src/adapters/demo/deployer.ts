// ECS's deployment controller above the fleet: service deployments, the circuit breaker's rollback,
// completion, and the two ways an operator rolls back (UpdateService, StopServiceDeployment).
import type {
  RollbackRequest,
  ServiceDeploymentInfo,
  ServiceDeploymentStatus,
  TaskDefinitionInfo,
  TaskDefRef,
} from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { CALLER_ARN, CLUSTER, DESIRED, SERVICE, serviceDeploymentArn } from './catalog.js';
import * as text from './ecsText.js';
import { type Fleet, isServing, sameRef, type SimDeployment } from './fleet.js';
import { alnum, type Rng } from './random.js';

export const DEPLOYMENT_ALARMS = ['web-5xx-high', 'web-p99-latency'];
const IN_FLIGHT: ReadonlySet<ServiceDeploymentStatus> = new Set([
  'PENDING',
  'IN_PROGRESS',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
]);
const ROLLBACK_ACK_MS = 3000;
const MAX_SERVICE_DEPLOYMENTS = 10;

export class Deployer {
  serviceDeployments: ServiceDeploymentInfo[] = [];
  private readonly requestedAt = new Map<string, number>();

  constructor(
    private readonly fleet: Fleet,
    private readonly rng: Rng,
    /** The world's registry, which grows when a revision is pinned: a rollback may target the new one. */
    private readonly taskDef: (ref: TaskDefRef) => TaskDefinitionInfo | undefined,
  ) {}

  newServiceDeployment(target: TaskDefRef, source: TaskDefRef, t: number): ServiceDeploymentInfo {
    const sd: ServiceDeploymentInfo = {
      arn: serviceDeploymentArn(alnum(this.rng, 22)),
      status: 'IN_PROGRESS',
      lifecycleStage: 'SCALE_UP',
      sourceRevisions: [{ ...source }],
      targetRevision: { ...target },
      circuitBreaker: { status: 'MONITORING', failureCount: 0, threshold: 3 },
      alarms: { status: 'MONITORING', alarmNames: [...DEPLOYMENT_ALARMS], triggeredAlarmNames: [] },
      createdAt: t,
    };
    this.serviceDeployments.unshift(sd);
    if (this.serviceDeployments.length > MAX_SERVICE_DEPLOYMENTS)
      this.serviceDeployments.length = MAX_SERVICE_DEPLOYMENTS;
    return sd;
  }

  step(t: number, alarmsFiring: readonly string[]): void {
    const primary = this.fleet.primary();
    if (!primary) return;
    this.tripBreaker(primary, t);
    for (const sd of this.serviceDeployments) {
      const asked = this.requestedAt.get(sd.arn);
      if (sd.status === 'ROLLBACK_REQUESTED' && asked !== undefined && t - asked >= ROLLBACK_ACK_MS)
        sd.status = 'ROLLBACK_IN_PROGRESS';
      if (IN_FLIGHT.has(sd.status) && sd.alarms?.status === 'MONITORING')
        sd.alarms.triggeredAlarmNames = sd.alarms.alarmNames.filter((n) => alarmsFiring.includes(n));
    }
    const current = this.fleet.primary()!;
    const serving = current.tasks.filter(isServing).length;
    if (current.sd && IN_FLIGHT.has(current.sd.status))
      current.sd.lifecycleStage = serving < DESIRED ? 'SCALE_UP' : 'CLEAN_UP';
    if (
      current.rolloutState === 'IN_PROGRESS' &&
      this.fleet.deployments.length === 1 &&
      serving === DESIRED &&
      current.tasks.length === DESIRED
    )
      this.complete(current, t);
  }

  /** ECS's own rollback: the failed deployment stays visible as ACTIVE while the source revision returns. */
  private tripBreaker(primary: SimDeployment, t: number): void {
    const sd = primary.sd;
    const breaker = sd?.circuitBreaker;
    if (!sd || !breaker || sd.status !== 'IN_PROGRESS' || primary.rolloutState !== 'IN_PROGRESS') return;
    if (breaker.failureCount < breaker.threshold) return;
    primary.rolloutState = 'FAILED';
    primary.rolloutStateReason = text.breakerReason;
    primary.updatedAt = t;
    breaker.status = 'TRIGGERED';
    sd.status = 'ROLLBACK_IN_PROGRESS';
    sd.statusReason = text.breakerRollbackReason;
    this.fleet.event(t, text.deploymentFailed(primary.id));
    const back = this.fleet.startDeployment(sd.sourceRevisions[0]!, t, sd, true);
    this.fleet.event(t, text.rollingBack(back.id));
  }

  private complete(dep: SimDeployment, t: number): void {
    dep.rolloutState = 'COMPLETED';
    dep.rolloutStateReason = text.completedReason(dep.id);
    dep.updatedAt = t;
    this.fleet.event(t, text.deploymentCompleted(dep.id));
    this.fleet.event(t, text.steadyState);
    const sd = dep.sd;
    if (!sd || !IN_FLIGHT.has(sd.status)) return;
    sd.status = sd.status === 'IN_PROGRESS' || sd.status === 'PENDING' ? 'SUCCESSFUL' : 'ROLLBACK_SUCCESSFUL';
    sd.finishedAt = t;
    if (sd.circuitBreaker && sd.circuitBreaker.status === 'MONITORING')
      sd.circuitBreaker.status = 'MONITORING_COMPLETE';
    if (sd.alarms && sd.alarms.status === 'MONITORING') sd.alarms.status = 'MONITORING_COMPLETE';
  }

  rollback(req: RollbackRequest, t: number): string {
    if (req.cluster !== CLUSTER || req.service !== SERVICE)
      throw new Error(`ServiceNotFoundException: service ${req.service} not found in cluster ${req.cluster}`);
    const spec = this.taskDef(req.to);
    if (!spec)
      throw new Error(`ClientException: Unable to describe task definition ${refKey(req.to)}: it does not exist.`);
    if (spec.status !== 'ACTIVE')
      throw new Error(
        `ClientException: TaskDefinition ${refKey(req.to)} is ${spec.status}; a deregistered revision cannot be deployed.`,
      );
    return req.method === 'stop-service-deployment' ? this.stopServiceDeployment(req, t) : this.updateService(req, t);
  }

  private updateService(req: RollbackRequest, t: number): string {
    for (const old of this.serviceDeployments.filter((x) => IN_FLIGHT.has(x.status))) {
      old.status = 'STOPPED';
      old.statusReason = 'Stopped by a newer service deployment.';
      old.finishedAt = t;
    }
    const sd = this.newServiceDeployment(req.to, req.from, t);
    const dep = this.fleet.startDeployment(req.to, t, sd, true);
    this.fleet.event(t, text.updatedService(dep.id, req.to, CALLER_ARN));
    return dep.id;
  }

  private stopServiceDeployment(req: RollbackRequest, t: number): string {
    const sd = req.serviceDeploymentArn
      ? this.serviceDeployments.find((x) => x.arn === req.serviceDeploymentArn)
      : this.serviceDeployments[0];
    if (!sd)
      throw new Error(
        `ServiceDeploymentNotFoundException: ${req.serviceDeploymentArn ?? 'no service deployment'} not found`,
      );
    // Like the real API: once a deployment has finished there is nothing to stop; the caller must update the service.
    if (sd.status !== 'PENDING' && sd.status !== 'IN_PROGRESS')
      throw new Error(
        `InvalidParameterException: service deployment ${sd.arn} is ${sd.status}; only a PENDING or IN_PROGRESS one can be stopped`,
      );
    if (!sameRef(sd.targetRevision, this.fleet.primary()?.ref ?? req.from))
      throw new Error(
        `InvalidParameterException: service deployment ${sd.arn} is not the service's current deployment`,
      );
    sd.status = 'ROLLBACK_REQUESTED';
    sd.statusReason = `Rollback requested by ${CALLER_ARN}.`;
    this.requestedAt.set(sd.arn, t);
    const dep = this.fleet.startDeployment(req.to, t, sd, true);
    this.fleet.event(t, text.rollingBack(dep.id));
    return dep.id;
  }
}

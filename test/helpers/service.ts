// Builders for ServiceSnapshot fixtures: a service `web` on family `web`, overridable piecemeal.
import type {
  Deployment,
  ServiceDeploymentInfo,
  ServiceSnapshot,
  TaskDefinitionInfo,
  TaskDefRef,
} from '../../src/domain/model.js';
import { refKey } from '../../src/domain/model.js';

export const ref = (revision: number, family = 'web'): TaskDefRef => ({ family, revision });

export function taskDef(
  revision: number,
  status: TaskDefinitionInfo['status'] = 'ACTIVE',
  tag = `v1.${revision}.0`,
  env: string[] = ['PORT'],
): TaskDefinitionInfo {
  return {
    family: 'web',
    revision,
    arn: `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`,
    status,
    containers: [{ name: 'web', image: `registry.example.com/web:${tag}`, imageTag: tag, envNames: env }],
  };
}

export function deployment(revision: number, over: Partial<Deployment> = {}): Deployment {
  return {
    id: `ecs-svc/${revision}`,
    status: 'PRIMARY',
    taskDefinition: ref(revision),
    imageTags: [`v1.${revision}.0`],
    desired: 3,
    running: 3,
    pending: 0,
    failed: 0,
    rolloutState: 'COMPLETED',
    createdAt: 1_000_000 + revision,
    updatedAt: 1_000_000 + revision,
    ...over,
  };
}

export function serviceDeployment(
  target: number,
  sources: number[],
  over: Partial<ServiceDeploymentInfo> = {},
): ServiceDeploymentInfo {
  return {
    arn: `arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/${target}`,
    status: 'SUCCESSFUL',
    sourceRevisions: sources.map((r) => ref(r)),
    targetRevision: ref(target),
    createdAt: 2_000_000 + target,
    ...over,
  };
}

/** A steady service on `current` with the given revisions registered (all ACTIVE unless listed inactive). */
export function service(
  current: number,
  revisions: number[],
  over: Partial<ServiceSnapshot> = {},
  inactive: number[] = [],
): ServiceSnapshot {
  const defs = revisions.map((r) => taskDef(r, inactive.includes(r) ? 'INACTIVE' : 'ACTIVE'));
  return {
    cluster: 'demo',
    service: 'web',
    status: 'ACTIVE',
    desired: 3,
    running: 3,
    pending: 0,
    deployments: [deployment(current)],
    events: [],
    stoppedTasks: [],
    serviceDeployments: [],
    serviceDeploymentsAvailable: false,
    taskDefinitions: Object.fromEntries(defs.map((d) => [refKey(d), d])),
    // Deliberately unsorted: the planner must sort.
    familyRevisions: [...defs]
      .reverse()
      .map((d, i, all) => all[(i * 7) % all.length]!)
      .map((d) => ({ revision: d.revision, status: d.status })),
    hasLoadBalancer: true,
    ...over,
  };
}

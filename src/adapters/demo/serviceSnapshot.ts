// The world as DescribeServices (plus ECS's deployment and task-definition records) would report it.
import type { Deployment, ServiceSnapshot, TaskDefinitionInfo } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { CLUSTER, DESIRED, FAMILY_REVISIONS, SERVICE, SERVICE_ARN } from './catalog.js';
import type { Deployer } from './deployer.js';
import type { Fleet, SimDeployment, SimTask } from './fleet.js';

function toDeployment(dep: SimDeployment, defs: Record<string, TaskDefinitionInfo>): Deployment {
  const count = (...states: SimTask['state'][]) => dep.tasks.filter((x) => states.includes(x.state)).length;
  return {
    id: dep.id,
    status: dep.status,
    taskDefinition: { ...dep.ref },
    imageTags: defs[refKey(dep.ref)]?.containers.map((c) => c.imageTag) ?? [],
    // ECS lowers an old deployment's desired count as it scales it in.
    desired: dep.status === 'PRIMARY' ? DESIRED : count('PENDING', 'RUNNING'),
    running: count('RUNNING', 'DRAINING'),
    pending: count('PENDING'),
    failed: dep.failed,
    rolloutState: dep.rolloutState,
    rolloutStateReason: dep.rolloutStateReason,
    createdAt: dep.createdAt,
    updatedAt: dep.updatedAt,
  };
}

export function serviceSnapshot(
  fleet: Fleet,
  deployer: Deployer,
  taskDefinitions: Record<string, TaskDefinitionInfo>,
): ServiceSnapshot {
  const deployments = [...fleet.deployments]
    .sort((a, b) => (a.status === 'PRIMARY' ? -1 : b.status === 'PRIMARY' ? 1 : b.createdAt - a.createdAt))
    .map((d) => toDeployment(d, taskDefinitions));
  // A deep copy: the app keeps snapshots in its store and must never see the world mutate under it.
  return structuredClone({
    cluster: CLUSTER,
    service: SERVICE,
    serviceArn: SERVICE_ARN,
    status: 'ACTIVE',
    desired: DESIRED,
    running: deployments.reduce((s, d) => s + d.running, 0),
    pending: deployments.reduce((s, d) => s + d.pending, 0),
    deployments,
    events: fleet.events,
    stoppedTasks: fleet.stopped,
    serviceDeployments: deployer.serviceDeployments,
    serviceDeploymentsAvailable: true,
    taskDefinitions,
    familyRevisions: FAMILY_REVISIONS,
    hasLoadBalancer: true,
  });
}

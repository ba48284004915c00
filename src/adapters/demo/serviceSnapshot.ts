// The world as DescribeServices (plus ECS's deployment and task-definition records) would report it.
import type { Deployment, ServiceSnapshot, TaskDefinitionInfo } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';
import { CLUSTER, DESIRED, SERVICE, SERVICE_ARN, TARGET_GROUP_ARN } from './catalog.js';
import type { Deployer } from './deployer.js';
import type { Fleet, SimDeployment, SimTask } from './fleet.js';
import type { TaskDefs } from './taskDefs.js';

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

/**
 * What DescribeServiceRevisions would say: each service deployment created its target's service
 * revision (at its createdAt), whose images the registry resolved then; the newest one per task
 * definition wins. A source revision whose own deployment is no longer listed is known without a time.
 */
function servedImages(deployer: Deployer, taskDefs: TaskDefs): NonNullable<ServiceSnapshot['servedImages']> {
  const out: NonNullable<ServiceSnapshot['servedImages']> = {};
  const newestFirst = [...deployer.serviceDeployments].sort((a, b) => b.createdAt - a.createdAt);
  for (const sd of newestFirst) {
    const key = refKey(sd.targetRevision);
    out[key] ??= { images: taskDefs.images(sd.targetRevision), at: sd.createdAt };
  }
  for (const ref of newestFirst.flatMap((sd) => sd.sourceRevisions))
    out[refKey(ref)] ??= { images: taskDefs.images(ref) };
  return out;
}

export function serviceSnapshot(fleet: Fleet, deployer: Deployer, taskDefs: TaskDefs): ServiceSnapshot {
  const taskDefinitions = taskDefs.all();
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
    familyRevisions: taskDefs.familyRevisions(),
    servedImages: servedImages(deployer, taskDefs),
    hasLoadBalancer: true,
    // Named so the app asks for the group's target health, as it does for a real service.
    loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: 'web' }],
  });
}

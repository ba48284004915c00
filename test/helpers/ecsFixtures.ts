// ECS SDK output shapes as AWS returns them (field names and nesting from the ECS API reference:
// DescribeServices, DescribeTaskDefinition, DescribeTasks, DescribeServiceDeployments,
// DescribeServiceRevisions), for the mapper and aws-sdk-client-mock tests.
import type {
  Deployment,
  Service,
  ServiceDeployment,
  ServiceRevision,
  Task,
  TaskDefinition,
} from '@aws-sdk/client-ecs';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
const arn = (resource: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${resource}`;

export const tdArn = (revision: number, family = 'web') => arn(`task-definition/${family}:${revision}`);
export const revisionArn = (id: string) => arn(`service-revision/prod/web/${id}`);
export const sdArn = (id: string) => arn(`service-deployment/prod/web/${id}`);
export const taskArn = (id: string) => arn(`task/prod/${id}`);
export const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 12, minute));

export function sdkTaskDef(revision: number, over: Partial<TaskDefinition> = {}): TaskDefinition {
  return {
    taskDefinitionArn: tdArn(revision),
    family: 'web',
    revision,
    status: 'ACTIVE',
    registeredAt: at(revision),
    containerDefinitions: [
      {
        name: 'web',
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.${revision}.0`,
        environment: [
          { name: 'PORT', value: '8080' },
          { name: 'DB_URL', value: 'postgres://secret@db/web' },
        ],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'web' },
        },
      },
      { name: 'sidecar', image: 'public.ecr.aws/aws-observability/aws-otel-collector' },
    ],
    ...over,
  };
}

export function sdkDeployment(revision: number, over: Partial<Deployment> = {}): Deployment {
  return {
    id: `ecs-svc/${revision}000`,
    status: 'PRIMARY',
    taskDefinition: tdArn(revision),
    desiredCount: 3,
    runningCount: 1,
    pendingCount: 2,
    failedTasks: 0,
    createdAt: at(10),
    updatedAt: at(12),
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ecs-svc/${revision}000 in progress.`,
    ...over,
  };
}

/** A rollout in flight: web:42 PRIMARY, web:41 still ACTIVE, behind a target group. */
export function sdkService(over: Partial<Service> = {}): Service {
  return {
    serviceArn: arn('service/prod/web'),
    serviceName: 'web',
    clusterArn: arn('cluster/prod'),
    status: 'ACTIVE',
    desiredCount: 3,
    runningCount: 4,
    pendingCount: 2,
    taskDefinition: tdArn(42),
    loadBalancers: [
      {
        targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
        containerName: 'web',
        containerPort: 8080,
      },
    ],
    deployments: [
      sdkDeployment(42),
      sdkDeployment(41, {
        status: 'ACTIVE',
        runningCount: 3,
        pendingCount: 0,
        createdAt: at(1),
        updatedAt: at(11),
        rolloutState: 'COMPLETED',
        rolloutStateReason: 'ECS deployment ecs-svc/41000 completed.',
      }),
    ],
    events: [
      { id: 'e1', createdAt: at(10), message: '(service web) has started 2 tasks: (task a) (task b).' },
      { id: 'e3', createdAt: at(12), message: '(service web) registered 1 targets in (target-group web)' },
      { id: 'e2', createdAt: at(11), message: '(service web) has stopped 1 running tasks: (task c).' },
    ],
    ...over,
  };
}

export function sdkStoppedTask(id: string, minute: number, over: Partial<Task> = {}): Task {
  return {
    taskArn: taskArn(id),
    taskDefinitionArn: tdArn(42),
    group: 'service:web',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'TaskFailedToStart',
    stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth',
    stoppingAt: at(minute - 1),
    stoppedAt: at(minute),
    ...over,
  };
}

/** An in-flight deployment 41 → 42 that the circuit breaker and an alarm are watching. */
export function sdkServiceDeployment(id: string, over: Partial<ServiceDeployment> = {}): ServiceDeployment {
  return {
    serviceDeploymentArn: sdArn(id),
    serviceArn: arn('service/prod/web'),
    clusterArn: arn('cluster/prod'),
    createdAt: at(10),
    startedAt: at(10),
    updatedAt: at(12),
    sourceServiceRevisions: [
      { arn: revisionArn('rev41'), requestedTaskCount: 3, runningTaskCount: 3, pendingTaskCount: 0 },
    ],
    targetServiceRevision: {
      arn: revisionArn('rev42'),
      requestedTaskCount: 3,
      runningTaskCount: 1,
      pendingTaskCount: 2,
    },
    status: 'IN_PROGRESS',
    lifecycleStage: 'SCALE_UP',
    deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 2, threshold: 3 },
    alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx', 'web-p99'], triggeredAlarmNames: ['web-5xx'] },
    ...over,
  };
}

/** A digest as ECR writes them (sha256: and 64 hex), distinct per seed (its hex, repeated): `digest(0x41)` = sha256:4141…41. */
export const digest = (seed: number): string => `sha256:${seed.toString(16).padStart(2, '0').repeat(32).slice(0, 64)}`;

/** A service revision running web:`revision`, with what each container's tag resolved to when it was created. */
export const sdkRevision = (id: string, revision: number, over: Partial<ServiceRevision> = {}): ServiceRevision => ({
  serviceRevisionArn: revisionArn(id),
  serviceArn: arn('service/prod/web'),
  clusterArn: arn('cluster/prod'),
  taskDefinition: tdArn(revision),
  containerImages: [
    {
      containerName: 'web',
      imageDigest: digest(revision),
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.${revision}.0`,
    },
    {
      containerName: 'sidecar',
      imageDigest: digest(0xee),
      image: 'public.ecr.aws/aws-observability/aws-otel-collector',
    },
  ],
  createdAt: at(revision - 40),
  ...over,
});

/** A task of the service as DescribeTasks returns it on AWS (moto leaves out the times, the zone and the task's health). */
export function sdkTask(id: string, minute: number, over: Partial<Task> = {}): Task {
  return {
    taskArn: taskArn(id),
    taskDefinitionArn: tdArn(42),
    clusterArn: arn('cluster/prod'),
    group: 'service:web',
    availabilityZone: 'us-east-1b',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    createdAt: at(minute - 1),
    startedAt: at(minute),
    containers: [
      { name: 'web', lastStatus: 'RUNNING', healthStatus: 'HEALTHY' },
      { name: 'sidecar', lastStatus: 'RUNNING', healthStatus: 'UNKNOWN' },
    ],
    ...over,
  };
}

/** A container definition with everything a rollback diff looks at (RegisterTaskDefinition's field names). */
export const fullContainerDefinition = {
  name: 'web',
  image: 'registry.example.com/web:v1.4.0',
  cpu: 448,
  memory: 1536,
  memoryReservation: 1024,
  essential: true,
  entryPoint: ['/usr/local/bin/web'],
  command: ['serve', '--port', '8080'],
  environment: [
    { name: 'PORT', value: '8080' },
    { name: 'FEATURE_NEW_CHECKOUT', value: 'true' },
  ],
  secrets: [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:web/db-AbCdEf` }],
  portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' as const }],
  healthCheck: {
    command: ['CMD-SHELL', 'curl -f http://localhost:8080/health'],
    interval: 15,
    timeout: 5,
    retries: 3,
    startPeriod: 30,
  },
};

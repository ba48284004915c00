// A FakeBackend world with a release worth judging: web:42 since T+0, p99 up 7x on one of two target
// groups, a new error signature, two target groups (one with an unhealthy target), a running and a
// stopped task. For the list views' component tests.
import type { ContainerDetail, LogEvent, MetricSeries, TaskDefinitionInfo } from '../../src/domain/model.js';
import type { TargetGroupHealth, TasksPage } from '../../src/domain/tasks.js';
import type { FakeWorld } from './fakeBackend.js';
import { deployment, service, taskDef } from './service.js';

/** deployment(42).createdAt: the release's T+0. */
export const T0 = 1_000_042;
const STEP = 15_000;
const wobble = (i: number) => [0.98, 1.01, 0.99, 1.02, 1.0, 0.97, 1.03][i % 7]!;
const points = (from: number, level: number) =>
  Array.from({ length: 20 }, (_, i) => ({ t: from + i * STEP, v: level * wobble(i) }));

function p99(id: string, group: string, after: number): MetricSeries {
  return {
    id,
    label: 'p99',
    unit: 'ms',
    targetGroup: group,
    points: points(T0, after),
    baselinePoints: points(T0 - 20 * STEP, 170),
  };
}

const line = (i: number, at: number, message: string): LogEvent => ({
  id: `l${i}`,
  timestamp: at,
  stream: 'web/web/0f3c1a2b',
  level: 'ERROR',
  message,
});

export const NEW_ERROR = 'pq: sorry, too many clients already';

export const TASKS: TasksPage = {
  insights: true,
  tasks: [
    {
      id: '0f3c1a2b9d8e7f6a5b4c3d2e1f0a9b8c',
      arn: 'arn:aws:ecs:us-east-1:123456789012:task/demo/0f3c1a2b9d8e7f6a5b4c3d2e1f0a9b8c',
      taskDefinition: { family: 'web', revision: 42 },
      availabilityZone: 'us-east-1a',
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      health: 'HEALTHY',
      startedAt: T0 + 60_000,
      containers: [{ name: 'web', lastStatus: 'RUNNING', health: 'HEALTHY' }],
      cpuPct: 23.4,
      memoryPct: 41,
    },
    {
      id: '7a8f7edf11112222333344445555666',
      arn: 'arn:aws:ecs:us-east-1:123456789012:task/demo/7a8f7edf11112222333344445555666',
      taskDefinition: { family: 'web', revision: 42 },
      availabilityZone: 'us-east-1b',
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      startedAt: T0 + 30_000,
      stoppedAt: T0 + 120_000,
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [
        {
          name: 'web',
          lastStatus: 'STOPPED',
          exitCode: 137,
          reason: 'OutOfMemoryError: Container killed due to memory usage',
        },
        { name: 'log-router', lastStatus: 'STOPPED', exitCode: 0 },
      ],
    },
  ],
};

export const TARGETS: TargetGroupHealth[] = [
  {
    name: 'api-tg',
    targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/1',
    targets: [
      { id: '10.0.1.5', port: 8080, availabilityZone: 'us-east-1a', state: 'healthy' },
      {
        id: '10.0.2.9',
        port: 8080,
        availabilityZone: 'us-east-1b',
        state: 'unhealthy',
        reason: 'Target.ResponseCodeMismatch',
        description: 'Health checks failed with these codes: [502]',
      },
    ],
  },
  {
    name: 'web-tg',
    targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/2',
    targets: [{ id: '10.0.1.5', port: 8081, availabilityZone: 'us-east-1a', state: 'healthy' }],
  },
];

const detail = (over: Partial<ContainerDetail>): ContainerDetail => ({ env: {}, secrets: [], ports: [], ...over });

/** web:42 and web:41 read whole: the rollback changes four env values, the memory and the command. */
function definition(revision: number, d: Partial<ContainerDetail>): TaskDefinitionInfo {
  const def = taskDef(revision);
  return { ...def, logGroup: '/ecs/web', containers: def.containers.map((c) => ({ ...c, detail: detail(d) })) };
}

export const DIFFERING = {
  current: definition(42, {
    env: { LOG_LEVEL: 'debug', POOL_SIZE: '200', FEATURE_X: 'on', API_TOKEN: 'new' },
    memory: 512,
    command: ['node', 'server.js', '--pool=200'],
  }),
  target: definition(41, {
    env: { LOG_LEVEL: 'info', POOL_SIZE: '20', FEATURE_X: 'off', API_TOKEN: 'old' },
    memory: 1024,
    command: ['node', 'server.js'],
  }),
};

export function releaseWorld(): Partial<FakeWorld> {
  return {
    service: service(42, [41, 42], {
      deployments: [deployment(42), deployment(41, { status: 'ACTIVE', running: 0, desired: 0 })],
      taskDefinitions: { 'web:41': DIFFERING.target, 'web:42': DIFFERING.current },
      loadBalancers: TARGETS.map((g) => ({ targetGroupArn: g.targetGroupArn, containerName: 'web' })),
    }),
    metrics: [p99('p99', 'api-tg', 1200), p99('p99@web-tg', 'web-tg', 172)],
    logs: Array.from({ length: 12 }, (_, i) => line(i, T0 + 30_000 + i * 10_000, NEW_ERROR)),
    pastLogs: [line(100, T0 - 60_000, 'redis: connection reset by peer')],
    tasks: TASKS,
    targetHealth: TARGETS,
  };
}

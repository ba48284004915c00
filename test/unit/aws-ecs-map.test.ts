import { describe, expect, it } from 'vitest';
import {
  familyRevisionsFrom,
  imageTag,
  mapDeployments,
  mapEvents,
  mapLoadBalancers,
  mapServiceDeployment,
  mapStoppedTask,
  mapTaskDefinition,
  newestStoppedFirst,
  parseTaskDefRef,
} from '../../src/adapters/aws/ecsMap.js';
import {
  at,
  revisionArn,
  sdkDeployment,
  sdkService,
  sdkServiceDeployment,
  sdkStoppedTask,
  sdkTaskDef,
  tdArn,
} from '../helpers/ecsFixtures.js';

describe('parseTaskDefRef', () => {
  it('reads ARNs and family:revision (moto stores the latter as service.taskDefinition)', () => {
    expect(parseTaskDefRef(tdArn(42))).toEqual({ family: 'web', revision: 42 });
    expect(parseTaskDefRef('arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/my_app-2:7')).toEqual({
      family: 'my_app-2',
      revision: 7,
    });
    expect(parseTaskDefRef('web:2')).toEqual({ family: 'web', revision: 2 });
    expect(parseTaskDefRef('web')).toBeUndefined();
    expect(parseTaskDefRef(undefined)).toBeUndefined();
  });
});

describe('imageTag', () => {
  it.each([
    ['registry.example.com/web:v1.0.1', 'v1.0.1'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2025-06-01_abc', '2025-06-01_abc'],
    ['nginx', 'latest'],
    ['registry.example.com:5000/web', 'latest'],
    ['registry.example.com:5000/web:v2', 'v2'],
    ['web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', '@sha256:0123456789ab'],
    ['web:v3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'v3'],
  ])('%s → %s', (image, tag) => expect(imageTag(image)).toBe(tag));
});

describe('mapTaskDefinition', () => {
  it('maps containers, tags, env names (values only in the detail) and the awslogs group', () => {
    expect(mapTaskDefinition(sdkTaskDef(42))).toEqual({
      family: 'web',
      revision: 42,
      arn: tdArn(42),
      status: 'ACTIVE',
      registeredAt: at(42).getTime(),
      logGroup: '/ecs/web',
      containers: [
        {
          name: 'web',
          image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1.42.0',
          imageTag: 'v1.42.0',
          envNames: ['PORT', 'DB_URL'],
          detail: { env: { PORT: '8080', DB_URL: 'postgres://secret@db/web' }, secrets: [], ports: [] },
        },
        {
          name: 'sidecar',
          image: 'public.ecr.aws/aws-observability/aws-otel-collector',
          imageTag: 'latest',
          envNames: [],
          detail: { env: {}, secrets: [], ports: [] },
        },
      ],
    });
  });

  it('takes the first container that has an awslogs group; none → undefined', () => {
    const td = sdkTaskDef(3, { status: 'INACTIVE', registeredAt: undefined });
    td.containerDefinitions![0]!.logConfiguration = undefined;
    td.containerDefinitions![1]!.logConfiguration = {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/sidecar' },
    };
    expect(mapTaskDefinition(td)).toMatchObject({
      status: 'INACTIVE',
      logGroup: '/ecs/sidecar',
      registeredAt: undefined,
    });
    td.containerDefinitions![1]!.logConfiguration = undefined;
    expect(mapTaskDefinition(td)?.logGroup).toBeUndefined();
    expect(mapTaskDefinition(undefined)).toBeUndefined();
  });
});

describe('familyRevisionsFrom', () => {
  it('keeps exactly the family (familyPrefix "web" also lists web-worker on AWS)', () => {
    const arns = [tdArn(3), tdArn(9, 'web-worker'), tdArn(1)];
    expect(familyRevisionsFrom(arns, 'web', 'INACTIVE')).toEqual([
      { revision: 3, status: 'INACTIVE' },
      { revision: 1, status: 'INACTIVE' },
    ]);
  });
});

describe('mapDeployments', () => {
  const defs = { 'web:42': mapTaskDefinition(sdkTaskDef(42))!, 'web:41': mapTaskDefinition(sdkTaskDef(41))! };

  it('maps PRIMARY and ACTIVE with counts, rollout state, image tags and times', () => {
    const [primary, active] = mapDeployments(sdkService(), defs);
    expect(primary).toEqual({
      id: 'ecs-svc/42000',
      status: 'PRIMARY',
      taskDefinition: { family: 'web', revision: 42 },
      imageTags: ['v1.42.0', 'latest'],
      desired: 3,
      running: 1,
      pending: 2,
      failed: 0,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment ecs-svc/42000 in progress.',
      createdAt: at(10).getTime(),
      updatedAt: at(12).getTime(),
    });
    expect(active).toMatchObject({
      status: 'ACTIVE',
      taskDefinition: { revision: 41 },
      rolloutState: 'COMPLETED',
      running: 3,
    });
  });

  it('counts failed tasks and keeps the FAILED reason', () => {
    const svc = sdkService({
      deployments: [
        sdkDeployment(42, {
          failedTasks: 4,
          rolloutState: 'FAILED',
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        }),
      ],
    });
    expect(mapDeployments(svc, {})[0]).toMatchObject({
      failed: 4,
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      imageTags: [],
    });
  });

  it("takes service.taskDefinition as PRIMARY's when they differ (moto after UpdateService)", () => {
    const svc = sdkService({ taskDefinition: 'web:41', deployments: [sdkDeployment(42)] });
    expect(mapDeployments(svc, defs)[0]).toMatchObject({
      taskDefinition: { family: 'web', revision: 41 },
      imageTags: ['v1.41.0', 'latest'],
    });
  });
});

describe('events, load balancers, stopped tasks', () => {
  it('sorts events newest first and caps them', () => {
    expect(mapEvents(sdkService().events, 2).map((e) => e.id)).toEqual(['e3', 'e2']);
    expect(mapEvents(undefined, 20)).toEqual([]);
  });

  it('maps load balancers', () => {
    expect(mapLoadBalancers(sdkService().loadBalancers)).toEqual([
      {
        targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef',
        containerName: 'web',
        loadBalancerName: undefined,
      },
    ]);
  });

  it('maps a stopped task; stoppedAt falls back to stoppingAt, then to when it was first seen', () => {
    expect(mapStoppedTask(sdkStoppedTask('t1', 20), 0)).toEqual({
      taskArn: sdkStoppedTask('t1', 20).taskArn,
      taskDefinition: { family: 'web', revision: 42 },
      stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth',
      stopCode: 'TaskFailedToStart',
      stoppedAt: at(20).getTime(),
    });
    expect(mapStoppedTask(sdkStoppedTask('t2', 20, { stoppedAt: undefined }), 0)?.stoppedAt).toBe(at(19).getTime());
    expect(
      mapStoppedTask(sdkStoppedTask('t3', 20, { stoppedAt: undefined, stoppingAt: undefined }), 777)?.stoppedAt,
    ).toBe(777);
  });

  it('orders stopped tasks newest first and caps them', () => {
    const tasks = [5, 30, 17].map((m) => mapStoppedTask(sdkStoppedTask(`t${m}`, m), 0)!);
    expect(newestStoppedFirst(tasks, 2).map((t) => t.stoppedAt)).toEqual([at(30).getTime(), at(17).getTime()]);
  });
});

describe('mapServiceDeployment', () => {
  const revs: Record<string, number> = { [revisionArn('rev41')]: 41, [revisionArn('rev42')]: 42 };
  const resolve = (arn: string) => (revs[arn] ? { family: 'web', revision: revs[arn]! } : undefined);

  it('maps status, stage, revisions via the resolver, circuit breaker and alarms', () => {
    expect(mapServiceDeployment(sdkServiceDeployment('sd1'), resolve)).toEqual({
      arn: sdkServiceDeployment('sd1').serviceDeploymentArn,
      status: 'IN_PROGRESS',
      statusReason: undefined,
      lifecycleStage: 'SCALE_UP',
      sourceRevisions: [{ family: 'web', revision: 41 }],
      targetRevision: { family: 'web', revision: 42 },
      circuitBreaker: { status: 'MONITORING', failureCount: 2, threshold: 3 },
      alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx', 'web-p99'], triggeredAlarmNames: ['web-5xx'] },
      createdAt: at(10).getTime(),
      finishedAt: undefined,
    });
  });

  it('maps a finished rollback and leaves out monitors that are absent', () => {
    const sd = sdkServiceDeployment('sd2', {
      status: 'ROLLBACK_SUCCESSFUL',
      statusReason: 'Service deployment rolled back because the circuit breaker threshold was exceeded.',
      finishedAt: at(20),
      deploymentCircuitBreaker: undefined,
      alarms: undefined,
    });
    expect(mapServiceDeployment(sd, resolve)).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      finishedAt: at(20).getTime(),
      circuitBreaker: undefined,
      alarms: undefined,
    });
  });

  it('drops a deployment whose target revision cannot be resolved', () => {
    expect(mapServiceDeployment(sdkServiceDeployment('sd3'), () => undefined)).toBeUndefined();
  });
});

// EcsReader against moto over real HTTP. moto differs from AWS where AWS-TESTBED.md says: one
// deployment per service that UpdateService changes in place, no events, no service-deployment APIs.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  ECSClient,
  ListClustersCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EcsReader } from '../../src/adapters/aws/ecs.js';
import { planRollback } from '../../src/domain/rollback.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

let moto: Moto;
let ecs: ECSClient;
const signal = new AbortController().signal;
let clock = 0;
const reader = () => new EcsReader(ecs, 'prod', 'web', { now: () => clock });

/** HTTP requests (every attempt, after the SDK's retries) by operation, since the last reset. */
let requests: string[] = [];
const tally = () => requests.reduce<Record<string, number>>((acc, op) => ({ ...acc, [op]: (acc[op] ?? 0) + 1 }), {});

beforeAll(async () => {
  moto = await startMoto();
  ecs = new ECSClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: {
      accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  });
  ecs.middlewareStack.add(
    (next, context) => async (args) => {
      requests.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    // The deserialize step runs once per HTTP attempt (inside the retry middleware).
    { step: 'deserialize', name: 'countRequests' },
  );
  await ecs.send(new ListClustersCommand({})); // moto loads ECS on first use (~1 s)
});
afterAll(() => moto?.stop());

beforeEach(async () => {
  await moto.reset();
  clock = 1_000_000;
  await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }));
  for (const rev of [1, 2, 3]) {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        containerDefinitions: [
          {
            name: 'web',
            image: `registry.example.com/web:v1.0.${rev}`,
            memory: 256,
            environment: [
              { name: 'PORT', value: '8080' },
              { name: 'RELEASE', value: `v1.0.${rev}` },
            ],
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' },
            },
          },
        ],
      }),
    );
  }
  await ecs.send(
    new CreateServiceCommand({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web:3', desiredCount: 3 }),
  );
  requests = [];
});

describe('EcsReader on moto', () => {
  it('maps the service, its deployment, task definitions and family; service deployments unavailable without an exception', async () => {
    const r = reader();
    const s = await r.getService(signal);
    expect(s).toMatchObject({
      cluster: 'prod',
      service: 'web',
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      status: 'ACTIVE',
      desired: 3,
      hasLoadBalancer: false,
      events: [],
      stoppedTasks: [],
      serviceDeployments: [],
      serviceDeploymentsAvailable: false,
    });
    expect(s.deployments).toEqual([
      expect.objectContaining({
        status: 'PRIMARY',
        taskDefinition: { family: 'web', revision: 3 },
        imageTags: ['v1.0.3'],
        desired: 3,
        pending: 3,
        rolloutState: 'IN_PROGRESS',
      }),
    ]);
    expect(Object.keys(s.taskDefinitions).sort()).toEqual(['web:1', 'web:2', 'web:3']);
    expect(s.taskDefinitions['web:3']).toMatchObject({
      status: 'ACTIVE',
      logGroup: '/ecs/web',
      containers: [
        { name: 'web', image: 'registry.example.com/web:v1.0.3', imageTag: 'v1.0.3', envNames: ['PORT', 'RELEASE'] },
      ],
    });
    expect([...s.familyRevisions].sort((a, b) => a.revision - b.revision)).toEqual(
      [1, 2, 3].map((revision) => ({ revision, status: 'ACTIVE' })),
    );
    expect(r.issues.list().map((i) => i.action)).toEqual(['ecs:ListServiceDeployments']);
    expect(planRollback(s, { phase: 'idle' }, false).request).toMatchObject({
      method: 'update-service',
      to: { family: 'web', revision: 2 },
    });
  });

  it('sees a deregistered revision as INACTIVE at the next family listing (at most a minute later)', async () => {
    const r = reader();
    await r.getService(signal);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:2' }));
    clock += 5_000;
    expect((await r.getService(signal)).familyRevisions).toContainEqual({ revision: 2, status: 'ACTIVE' }); // cached listing
    clock += 60_000;
    const s = await r.getService(signal);
    expect(s.familyRevisions).toContainEqual({ revision: 2, status: 'INACTIVE' });
    expect(planRollback(s, { phase: 'idle' }, false).target?.ref).toEqual({ family: 'web', revision: 1 });
  });

  it("lists stopped tasks with their stoppedReason, not other services' tasks", async () => {
    const run = (group: string) =>
      ecs.send(
        new RunTaskCommand({
          cluster: 'prod',
          taskDefinition: 'web:3',
          launchType: 'FARGATE',
          group,
          startedBy: 'ecs-svc/1',
        }),
      );
    const [ours, theirs] = [
      (await run('service:web')).tasks![0]!.taskArn!,
      (await run('service:api')).tasks![0]!.taskArn!,
    ];
    await ecs.send(
      new StopTaskCommand({
        cluster: 'prod',
        task: ours,
        reason: 'ResourceInitializationError: unable to pull secrets',
      }),
    );
    await ecs.send(
      new StopTaskCommand({
        cluster: 'prod',
        task: theirs,
        reason: 'Scaling activity initiated by (deployment ecs-svc/2)',
      }),
    );
    const s = await reader().getService(signal);
    expect(s.stoppedTasks).toEqual([
      {
        taskArn: ours,
        taskDefinition: { family: 'web', revision: 3 },
        stoppedReason: 'ResourceInitializationError: unable to pull secrets',
        stopCode: undefined,
        stoppedAt: clock,
      },
    ]);
  });

  it('a missing or deleted service is a clear error', async () => {
    await expect(new EcsReader(ecs, 'prod', 'nope').getService(signal)).rejects.toThrow(
      'service nope not found in cluster prod',
    );
    await ecs.send(new DeleteServiceCommand({ cluster: 'prod', service: 'web', force: true }));
    await expect(reader().getService(signal)).rejects.toThrow('service web not found in cluster prod');
  });

  it('an aborted read rejects as an abort, not as a degraded snapshot', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(reader().getService(ctrl.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rollback by UpdateService moves the service to the target; the service-level value is PRIMARY', async () => {
    const r = reader();
    const result = await r.rollback({
      cluster: 'prod',
      service: 'web',
      from: { family: 'web', revision: 3 },
      to: { family: 'web', revision: 2 },
      method: 'update-service',
    });
    expect(result.method).toBe('update-service');
    const raw = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0]!;
    expect(raw.taskDefinition).toMatch(/web:2$/);
    // moto keeps its one deployment on web:3; AWS would show a new PRIMARY on web:2.
    expect(raw.deployments![0]!.taskDefinition).toMatch(/web:3$/);
    const s = await r.getService(signal);
    expect(s.deployments[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: { family: 'web', revision: 2 },
      imageTags: ['v1.0.2'],
    });
  });

  it('keeps the poll cheap: requests per getService, first and steady state', async () => {
    const r = reader();
    await r.getService(signal);
    // ListServiceDeployments: moto's 500 is retried by the SDK (3 attempts), then remembered as unavailable.
    expect(tally()).toEqual({
      DescribeServices: 1,
      ListTaskDefinitions: 2,
      DescribeTaskDefinition: 3,
      ListTasks: 1,
      ListServiceDeployments: 3,
    });
    for (const step of [5_000, 5_000, 5_000]) {
      requests = [];
      clock += step;
      await r.getService(signal);
      expect(tally()).toEqual({ DescribeServices: 1, ListTasks: 1 });
    }
    requests = [];
    clock += 60_000;
    await r.getService(signal);
    expect(tally()).toEqual({ DescribeServices: 1, ListTasks: 1, ListTaskDefinitions: 2 });
  });
});

// getTasks against moto over real HTTP: the service's running and stopped tasks, and per-task CPU and
// memory from Container Insights once its metrics exist. moto differs from AWS: it ignores ListTasks'
// serviceName (the reader keeps the service's own group); its tasks carry no times, zone or task
// health, and only the first container; a container it never ran still reports exit code 0; and it
// moves a task one lifecycle step each time it is described unless told not to (holdTaskStates).
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClients } from '../../src/adapters/aws/clients.js';
import { AwsBackend } from '../../src/adapters/aws/index.js';
import { TaskReader } from '../../src/adapters/aws/tasks.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { awsClients, holdTaskStates, putMetricData, seededBackendOptions } from '../helpers/seedAws.js';

const signal = new AbortController().signal;
let moto: Moto;
let ecs: ECSClient;
let cw: CloudWatchClient;
/** Operations sent through the reader's clients, with their input. */
let sent: { name: string; input: Record<string, unknown> }[] = [];
let ours: string[] = [];
let theirs = '';

const record = (client: ECSClient | CloudWatchClient) =>
  (client as ECSClient).middlewareStack.add(
    (next, ctx) => async (args) => {
      sent.push({
        name: String(ctx.commandName).replace(/Command$/, ''),
        input: args.input as Record<string, unknown>,
      });
      return next(args);
    },
    { step: 'initialize', name: 'recordSends' },
  );

beforeAll(async () => {
  Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
  moto = await startMoto();
  const config = {
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: {
      accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  };
  ecs = new ECSClient(config);
  cw = new CloudWatchClient(config);
  record(ecs);
  record(cw);
  await holdTaskStates(moto);
});
afterAll(async () => {
  ecs?.destroy();
  cw?.destroy();
  await moto?.stop();
});

/** prod/web on web:2 with three tasks of its own (one stopped by a failing container) and one of another service. */
beforeEach(async () => {
  await moto.reset();
  const c = awsClients(moto).ecs;
  await c.send(new CreateClusterCommand({ clusterName: 'prod' }));
  for (const rev of [1, 2])
    await c.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        containerDefinitions: [
          { name: 'web', image: `registry.example.com/web:v1.0.${rev}`, memory: 512 },
          { name: 'log-router', image: 'fluent/fluent-bit:2.2', memory: 128 },
        ],
      }),
    );
  await c.send(
    new CreateServiceCommand({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web:2', desiredCount: 2 }),
  );
  const run = async (group: string, taskDefinition = 'web:2') =>
    (await c.send(new RunTaskCommand({ cluster: 'prod', taskDefinition, launchType: 'FARGATE', group }))).tasks![0]!
      .taskArn!;
  ours = [await run('service:web'), await run('service:web'), await run('service:web', 'web:1')];
  theirs = await run('service:api');
  await c.send(new StopTaskCommand({ cluster: 'prod', task: ours[2], reason: 'Essential container in task exited' }));
  c.destroy();
  sent = [];
});

const idOf = (arn: string) => arn.split('/').pop()!;
const reader = () => new TaskReader(ecs, cw, 'prod', 'web');

describe('getTasks against moto', () => {
  it("lists the service's running and stopped tasks, not another service's, without insights while there is no data", async () => {
    const page = await reader().read(signal);
    expect(page.insights).toBe(false);
    expect(page.tasks.map((t) => t.arn).sort()).toEqual([...ours].sort());
    const stopped = page.tasks.find((t) => t.arn === ours[2])!;
    expect(stopped).toMatchObject({
      id: idOf(ours[2]!),
      taskDefinition: { family: 'web', revision: 1 },
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
    });
    expect(stopped.containers.map((c) => [c.name, c.exitCode])).toEqual([['web', 0]]);
    const running = page.tasks.find((t) => t.arn === ours[0])!;
    expect(running).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING', taskDefinition: { revision: 2 } });
    expect(running.stoppedReason).toBeUndefined();
    // A container that has not stopped has no exit code, whatever moto says.
    expect(running.containers).toEqual([{ name: 'web', lastStatus: 'PENDING', health: 'HEALTHY' }]);
    expect(running.cpuPct).toBeUndefined();
    // ListTasks for each desired status; one DescribeTasks for what they listed; one GetMetricData.
    expect(sent.map((s) => s.name).sort()).toEqual(['DescribeTasks', 'GetMetricData', 'ListTasks', 'ListTasks']);
    expect(sent.filter((s) => s.name === 'ListTasks').map((s) => s.input.desiredStatus)).toEqual([
      'RUNNING',
      'STOPPED',
    ]);
    const queries = sent.find((s) => s.name === 'GetMetricData')!.input.MetricDataQueries as {
      MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: unknown[] } };
    }[];
    // The two running tasks, four metrics each; the stopped one is not asked about.
    expect(queries).toHaveLength(8);
    expect(queries[0]!.MetricStat.Metric).toEqual({
      Namespace: 'ECS/ContainerInsights',
      MetricName: 'CpuUtilized',
      Dimensions: [
        { Name: 'ClusterName', Value: 'prod' },
        { Name: 'TaskDefinitionFamily', Value: 'web' },
        { Name: 'TaskId', Value: idOf(page.tasks.filter((t) => t.lastStatus === 'RUNNING')[0]!.arn) },
      ],
    });
  });

  it('describes a stopped task once, and a running one on every read', async () => {
    const r = reader();
    await r.read(signal);
    sent = [];
    const again = await r.read(signal);
    expect(again.tasks).toHaveLength(3);
    const described = sent.filter((s) => s.name === 'DescribeTasks').flatMap((s) => s.input.tasks as string[]);
    expect(described.sort()).toEqual([ours[0], ours[1], theirs].sort());
  });

  it('adds CPU and memory as percent of the reservation once Container Insights has data', async () => {
    const at = new Date(Date.now() - 2 * 60_000);
    const dims = (arn: string) => [
      { Name: 'ClusterName', Value: 'prod' },
      { Name: 'TaskDefinitionFamily', Value: 'web' },
      { Name: 'TaskId', Value: idOf(arn) },
    ];
    await putMetricData(
      moto,
      'ECS/ContainerInsights',
      [
        [ours[0]!, 128, 256, 384, 512],
        [ours[1]!, 64, 256, 128, 512],
      ].flatMap(([arn, cpu, cpuRes, mem, memRes]) =>
        (
          [
            ['CpuUtilized', cpu],
            ['CpuReserved', cpuRes],
            ['MemoryUtilized', mem],
            ['MemoryReserved', memRes],
          ] as const
        ).map(([MetricName, Value]) => ({
          MetricName,
          Value: Value as number,
          Timestamp: at,
          Dimensions: dims(arn as string),
        })),
      ),
    );
    const page = await reader().read(signal);
    expect(page.insights).toBe(true);
    const by = Object.fromEntries(page.tasks.map((t) => [t.arn, t]));
    expect(by[ours[0]!]).toMatchObject({ cpuPct: 50, memoryPct: 75 });
    expect(by[ours[1]!]).toMatchObject({ cpuPct: 25, memoryPct: 25 });
    expect(by[ours[2]!]!.cpuPct).toBeUndefined();
  });

  it('a failing Container Insights read leaves the task list whole', async () => {
    const dead = new CloudWatchClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', maxAttempts: 1 });
    try {
      const page = await new TaskReader(ecs, dead, 'prod', 'web').read(signal);
      expect(page).toMatchObject({ insights: false });
      expect(page.tasks).toHaveLength(3);
    } finally {
      dead.destroy();
    }
  });
});

describe('AwsBackend.getTasks against moto', () => {
  it('reads the configured service, and names the IAM action when the read fails', async () => {
    const backend = new AwsBackend(createClients({ region: 'us-east-1', endpoint: moto.endpoint }), {
      ...seededBackendOptions(moto.endpoint),
      cluster: 'prod',
      service: 'web',
    });
    const elsewhere = new AwsBackend(createClients({ region: 'us-east-1', endpoint: moto.endpoint }), {
      ...seededBackendOptions(moto.endpoint),
      cluster: 'staging',
    });
    try {
      expect((await backend.getTasks(signal)).tasks).toHaveLength(3);
      await expect(elsewhere.getTasks(signal)).rejects.toThrow(/^ecs:ListTasks: ClusterNotFoundException: /);
    } finally {
      backend.close();
      elsewhere.close();
    }
  });
});

// The Tasks view's AWS side on recorded shapes: DescribeTasks → TaskInfo, the order, and the reader's
// requests (ListTasks pages, DescribeTasks batches of 100, the stopped-task cache) against
// aws-sdk-client-mock; Container Insights' queries, pairing and pacing.
import { CloudWatchClient, GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { DescribeTasksCommand, ECSClient, ListTasksCommand, type Task } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ContainerInsights, insightsQueries, usageFrom } from '../../src/adapters/aws/containerInsights.js';
import { mapTask, newestStartedFirst, TaskReader, TASKS_CAP } from '../../src/adapters/aws/tasks.js';
import { at, sdkStoppedTask, sdkTask, taskArn } from '../helpers/ecsFixtures.js';

const ecsMock = mockClient(ECSClient);
const cwMock = mockClient(CloudWatchClient);
const signal = new AbortController().signal;
afterEach(() => {
  ecsMock.reset();
  cwMock.reset();
});

describe('mapTask', () => {
  it('maps a running task: id from the ARN, revision, zone, statuses, health, start, containers', () => {
    expect(mapTask(sdkTask('a1b2', 10))).toEqual({
      id: 'a1b2',
      arn: taskArn('a1b2'),
      taskDefinition: { family: 'web', revision: 42 },
      availabilityZone: 'us-east-1b',
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      health: 'HEALTHY',
      startedAt: at(10).getTime(),
      containers: [
        { name: 'web', lastStatus: 'RUNNING', health: 'HEALTHY' },
        { name: 'sidecar', lastStatus: 'RUNNING', health: 'UNKNOWN' },
      ],
    });
  });

  it('maps a stopped task with its stop reason and code and each container exit code and reason', () => {
    const t = sdkStoppedTask('dead', 20, {
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      startedAt: at(12),
      containers: [
        {
          name: 'web',
          lastStatus: 'STOPPED',
          exitCode: 137,
          reason: 'OutOfMemoryError: Container killed due to memory usage',
        },
        { name: 'sidecar', lastStatus: 'STOPPED', exitCode: 0 },
      ],
    });
    expect(mapTask(t)).toMatchObject({
      lastStatus: 'STOPPED',
      startedAt: at(12).getTime(),
      stoppedAt: at(20).getTime(),
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [
        { name: 'web', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
        { name: 'sidecar', exitCode: 0 },
      ],
    });
  });

  it("keeps no exit code for a container still running, and no empty stop reason (moto's shapes)", () => {
    const t = sdkTask('m1', 1, {
      stoppedReason: '',
      containers: [{ name: 'web', lastStatus: 'PENDING', exitCode: 0 }],
    });
    const m = mapTask(t)!;
    expect(m.containers).toEqual([{ name: 'web', lastStatus: 'PENDING' }]);
    expect(m.stoppedReason).toBeUndefined();
  });

  it('has nothing to show without an ARN or a task definition', () => {
    expect(mapTask(sdkTask('x', 1, { taskArn: undefined }))).toBeUndefined();
    expect(mapTask(sdkTask('x', 1, { taskDefinitionArn: 'web' }))).toBeUndefined();
  });
});

describe('newestStartedFirst', () => {
  it('orders by start, a pending task by creation; unknown times last, by ARN; capped', () => {
    const tasks: Task[] = [
      sdkTask('old', 5),
      sdkTask('pending', 0, { startedAt: undefined, createdAt: at(30), lastStatus: 'PENDING' }),
      sdkTask('new', 20),
      sdkTask('zz-untimed', 0, { startedAt: undefined, createdAt: undefined }),
      sdkTask('aa-untimed', 0, { startedAt: undefined, createdAt: undefined }),
    ];
    expect(newestStartedFirst(tasks, 10).map((t) => t.id)).toEqual([
      'pending',
      'new',
      'old',
      'aa-untimed',
      'zz-untimed',
    ]);
    expect(newestStartedFirst(tasks, 2).map((t) => t.id)).toEqual(['pending', 'new']);
  });
});

const reader = (now = () => 1_000_000) =>
  new TaskReader(new ECSClient({ region: 'us-east-1' }), new CloudWatchClient({ region: 'us-east-1' }), 'prod', 'web', {
    now,
  });
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => taskArn(`${prefix}${i}`));

describe('TaskReader', () => {
  it('follows ListTasks pages, describes 100 at a time, keeps only the service group, caps at 100 newest', async () => {
    const running = ids(150, 'r');
    const listed: unknown[] = [];
    ecsMock.on(ListTasksCommand).callsFake((input) => {
      // Recorded at call time: the paginator reuses one input object for every page.
      listed.push({ ...input });
      if (input.desiredStatus === 'STOPPED') return { taskArns: [taskArn('other')] };
      return input.nextToken ? { taskArns: running.slice(100) } : { taskArns: running.slice(0, 100), nextToken: 'p2' };
    });
    ecsMock.on(DescribeTasksCommand).callsFake(({ tasks }: { tasks: string[] }) => ({
      tasks: tasks.map((arn) => {
        const id = arn.split('/').pop()!;
        if (id === 'other') return sdkStoppedTask(id, 3, { group: 'service:api' });
        return sdkTask(id, Number(id.slice(1)) % 60);
      }),
    }));
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const page = await reader().read(signal);
    expect(listed).toEqual([
      { cluster: 'prod', serviceName: 'web', desiredStatus: 'RUNNING', maxResults: 100, nextToken: undefined },
      { cluster: 'prod', serviceName: 'web', desiredStatus: 'STOPPED', maxResults: 100, nextToken: undefined },
      { cluster: 'prod', serviceName: 'web', desiredStatus: 'RUNNING', maxResults: 100, nextToken: 'p2' },
    ]);
    expect(ecsMock.commandCalls(DescribeTasksCommand).map((c) => c.args[0].input.tasks!.length)).toEqual([100, 51]);
    expect(page.tasks).toHaveLength(TASKS_CAP);
    expect(page.tasks.some((t) => t.id === 'other')).toBe(false);
    expect(page.tasks[0]!.startedAt).toBe(at(59).getTime());
    expect(page.insights).toBe(false);
  });

  it("describes a stopped task once (another service's too), and drops it once ECS no longer lists it", async () => {
    ecsMock
      .on(ListTasksCommand, { desiredStatus: 'RUNNING' })
      .resolves({ taskArns: [taskArn('run')] })
      .on(ListTasksCommand, { desiredStatus: 'STOPPED' })
      .resolvesOnce({ taskArns: [taskArn('gone'), taskArn('api')] })
      .resolves({ taskArns: [taskArn('gone')] });
    ecsMock.on(DescribeTasksCommand).callsFake(({ tasks }: { tasks: string[] }) => ({
      tasks: tasks.map((arn) => {
        const id = arn.split('/').pop()!;
        if (id === 'run') return sdkTask(id, 9);
        return sdkStoppedTask(id, 4, id === 'api' ? { group: 'service:api' } : {});
      }),
    }));
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const r = reader();
    expect((await r.read(signal)).tasks.map((t) => t.id)).toEqual(['run', 'gone']);
    const second = await r.read(signal);
    expect(second.tasks.map((t) => t.id)).toEqual(['run', 'gone']);
    expect(ecsMock.commandCalls(DescribeTasksCommand).map((c) => c.args[0].input.tasks)).toEqual([
      [taskArn('run'), taskArn('gone'), taskArn('api')],
      [taskArn('run')],
    ]);
  });

  it('names DescribeTasks when that is the call that fails', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('a')] });
    ecsMock
      .on(DescribeTasksCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: {} }));
    await expect(reader().read(signal)).rejects.toThrow(
      'ecs:DescribeTasks: access denied — the IAM policy needs ecs:DescribeTasks (see README)',
    );
  });

  it("adds Container Insights' CPU and memory to the running tasks only", async () => {
    ecsMock
      .on(ListTasksCommand, { desiredStatus: 'RUNNING' })
      .resolves({ taskArns: [taskArn('run')] })
      .on(ListTasksCommand, { desiredStatus: 'STOPPED' })
      .resolves({ taskArns: [taskArn('dead')] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [sdkTask('run', 9), sdkStoppedTask('dead', 4)] });
    cwMock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [result('cpuu0', [[0, 64]]), result('cpur0', [[0, 256]])],
    });
    const page = await reader().read(signal);
    expect(page.insights).toBe(true);
    expect(page.tasks.map((t) => [t.id, t.cpuPct, t.memoryPct])).toEqual([
      ['run', 25, undefined],
      ['dead', undefined, undefined],
    ]);
  });
});

const result = (Id: string, pts: [number, number][]): MetricDataResult => ({
  Id,
  Timestamps: pts.map(([t]) => new Date(t)),
  Values: pts.map(([, v]) => v),
});
const toPoints = (results: MetricDataResult[]) =>
  new Map(results.map((r) => [r.Id!, r.Timestamps!.map((t, i) => ({ t: t.getTime(), v: r.Values![i]! }))]));

describe('Container Insights', () => {
  const tasks = [
    { id: '0f3c1a2b', family: 'web' },
    { id: '9d8e7f6a', family: 'web-canary' },
  ];

  it('asks four metrics a task, by ClusterName, TaskDefinitionFamily and TaskId, at one-minute periods', () => {
    const q = insightsQueries('prod', tasks);
    expect(q.map((x) => [x.Id, x.MetricStat!.Metric!.MetricName])).toEqual([
      ['cpuu0', 'CpuUtilized'],
      ['cpur0', 'CpuReserved'],
      ['memu0', 'MemoryUtilized'],
      ['memr0', 'MemoryReserved'],
      ['cpuu1', 'CpuUtilized'],
      ['cpur1', 'CpuReserved'],
      ['memu1', 'MemoryUtilized'],
      ['memr1', 'MemoryReserved'],
    ]);
    expect(q[4]!.MetricStat).toEqual({
      Metric: {
        Namespace: 'ECS/ContainerInsights',
        MetricName: 'CpuUtilized',
        Dimensions: [
          { Name: 'ClusterName', Value: 'prod' },
          { Name: 'TaskDefinitionFamily', Value: 'web-canary' },
          { Name: 'TaskId', Value: '9d8e7f6a' },
        ],
      },
      Period: 60,
      Stat: 'Average',
    });
  });

  it('divides at the newest minute that has both figures, skips a zero reservation, leaves out tasks without data', () => {
    const usage = usageFrom(
      toPoints([
        result('cpuu0', [
          [60_000, 100],
          [120_000, 200],
          [180_000, 300],
        ]),
        result('cpur0', [
          [60_000, 400],
          [120_000, 400],
          [180_000, 0],
        ]),
        result('memu0', [[60_000, 256]]),
        result('memr0', [[60_000, 1024]]),
        result('cpuu1', []),
      ]),
      tasks,
    );
    expect([...usage]).toEqual([['0f3c1a2b', { cpuPct: 50, memoryPct: 25 }]]);
  });

  it('asks at most once in five minutes; after no data, once in ten minutes; a failure is no data, an abort is an abort', async () => {
    let now = 0;
    const ci = new ContainerInsights(new CloudWatchClient({ region: 'us-east-1' }), 'prod', () => now);
    cwMock
      .on(GetMetricDataCommand)
      .resolves({ MetricDataResults: [result('cpuu0', [[0, 1]]), result('cpur0', [[0, 4]])] });
    expect(await ci.usage(tasks, signal)).toEqual(new Map([['0f3c1a2b', { cpuPct: 25 }]]));
    now = 299_000;
    await ci.usage(tasks, signal);
    expect(cwMock.commandCalls(GetMetricDataCommand)).toHaveLength(1);
    now = 300_000;
    cwMock.on(GetMetricDataCommand).rejects(new Error('boom'));
    expect(await ci.usage(tasks, signal)).toBeUndefined();
    now = 300_000 + 9 * 60_000;
    await ci.usage(tasks, signal);
    expect(cwMock.commandCalls(GetMetricDataCommand)).toHaveLength(2);
    now = 300_000 + 10 * 60_000;
    const ctl = new AbortController();
    ctl.abort();
    await expect(ci.usage(tasks, ctl.signal)).rejects.toThrow();
    expect(cwMock.commandCalls(GetMetricDataCommand)).toHaveLength(3);
  });
});

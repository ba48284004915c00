// Alarms and metrics against moto: real HTTP and SDK serialisation, data seeded through the API.
import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type MetricDatum,
} from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchAlarms } from '../../src/adapters/aws/alarms.js';
import { MetricsReader } from '../../src/adapters/aws/metrics.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { albDimensions, seedAlb } from '../helpers/seedAws.js';

const MIN = 60_000;
const signal = new AbortController().signal;
let moto: Moto;
let cw: CloudWatchClient;
let elb: ElasticLoadBalancingV2Client;
/** Every command sent through the clients, by name, with its input (one entry per send, not per retry). */
let sent: { name: string; input: Record<string, unknown> }[] = [];

function clientConfig() {
  const credentials = {
    accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
    secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
  };
  // One attempt: moto's deliberate 500s should not be retried with back-off by the SDK.
  return { endpoint: moto.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
}

/** Records each send (not each retry): the initialize step runs once per command. */
const recorder =
  <A extends { input: object }, R>() =>
  (next: (args: A) => Promise<R>, ctx: { commandName?: string }) =>
  async (args: A): Promise<R> => {
    sent.push({ name: String(ctx.commandName), input: args.input as Record<string, unknown> });
    return next(args);
  };
const RECORD = { step: 'initialize', name: 'recordSends' } as const;

const count = (name: string) => sent.filter((s) => s.name === name).length;

beforeAll(async () => {
  moto = await startMoto();
  // The SDK gzips PutMetricData bodies over 10 KB, which moto cannot read.
  cw = new CloudWatchClient({ ...clientConfig(), disableRequestCompression: true });
  elb = new ElasticLoadBalancingV2Client(clientConfig());
  cw.middlewareStack.add(recorder(), RECORD);
  elb.middlewareStack.add(recorder(), RECORD);
});
afterAll(async () => {
  cw?.destroy();
  elb?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  sent = [];
});

// moto 5.2.1's server cannot create composite alarms (no PutCompositeAlarm action, and its
// PutMetricAlarm drops AlarmRule): their mapping is covered by the aws-sdk-client-mock tests.
describe('fetchAlarms against moto', () => {
  const metricAlarm = (AlarmName: string) =>
    cw.send(
      new PutMetricAlarmCommand({
        AlarmName,
        Namespace: 'AWS/ECS',
        MetricName: 'CPUUtilization',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 70,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );

  beforeEach(async () => {
    for (const n of ['web-cpu-high', 'web-5xx', 'web-p99', 'other-cpu', 'db-connections']) await metricAlarm(n);
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: 'web-cpu-high',
        StateValue: 'ALARM',
        StateReason: 'Threshold Crossed: 1 datapoint [85.2] > 70',
      }),
    );
    sent = [];
  });

  it('maps the alarms matching the prefix, with state, reason and time', async () => {
    const before = Date.now();
    const alarms = await fetchAlarms(cw, { prefix: 'web-' }, signal);
    expect(alarms.map((a) => [a.name, a.kind])).toEqual([
      ['web-5xx', 'metric'],
      ['web-cpu-high', 'metric'],
      ['web-p99', 'metric'],
    ]);
    const fired = alarms.find((a) => a.name === 'web-cpu-high')!;
    expect(fired).toMatchObject({ state: 'ALARM', reason: 'Threshold Crossed: 1 datapoint [85.2] > 70' });
    expect(Math.abs(fired.stateUpdatedAt - before)).toBeLessThan(60_000);
    // moto starts alarms in OK (AWS: INSUFFICIENT_DATA); the mapping passes either through.
    expect(alarms.find((a) => a.name === 'web-p99')).toMatchObject({
      state: 'OK',
      reason: 'Unchecked: Initial alarm creation',
    });
    expect(sent[0]!.input).toMatchObject({ AlarmNamePrefix: 'web-', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] });
  });

  it('takes the union of prefix and explicit names, once each', async () => {
    const alarms = await fetchAlarms(
      cw,
      { prefix: 'web-', names: ['db-connections', 'web-5xx', 'no-such-alarm'] },
      signal,
    );
    expect(alarms.map((a) => a.name)).toEqual(['db-connections', 'web-5xx', 'web-cpu-high', 'web-p99']);
    expect(count('DescribeAlarmsCommand')).toBe(2);
  });

  it('by names alone, and nothing at all when nothing is selected', async () => {
    expect((await fetchAlarms(cw, { names: ['other-cpu'] }, signal)).map((a) => a.name)).toEqual(['other-cpu']);
    expect(await fetchAlarms(cw, {}, signal)).toEqual([]);
    expect(count('DescribeAlarmsCommand')).toBe(1);
  });
});

describe('MetricsReader against moto', () => {
  // A release 19.5 minutes ago; the window starts on its minute, the baseline is the 30 min before.
  const windowStart = Math.floor(Date.now() / MIN) * MIN - 19 * MIN;
  const releaseStart = windowStart + 10_000;
  let now = 0;
  beforeEach(() => {
    now = windowStart + 19 * MIN + 30_000;
  });
  const ecsDims = [
    { Name: 'ClusterName', Value: 'prod' },
    { Name: 'ServiceName', Value: 'web' },
  ];

  /** Datapoints 5 s into each minute from `fromMin` to `toMin` (relative to windowStart), two per minute. */
  function minutes(
    fromMin: number,
    toMin: number,
    name: string,
    Dimensions: MetricDatum['Dimensions'],
    pair: (m: number) => [number, number],
  ): MetricDatum[] {
    const out: MetricDatum[] = [];
    for (let m = fromMin; m <= toMin; m++) {
      for (const [i, Value] of pair(m).entries())
        out.push({
          MetricName: name,
          Dimensions,
          Value,
          Timestamp: new Date(windowStart + m * MIN + 5_000 + i * 1000),
        });
    }
    return out;
  }

  async function put(Namespace: string, data: MetricDatum[]) {
    for (let i = 0; i < data.length; i += 200)
      await cw.send(new PutMetricDataCommand({ Namespace, MetricData: data.slice(i, i + 200) }));
  }

  async function seed() {
    const { lbArn, targetGroups } = await seedAlb(moto, ['web-tg']);
    const tgArn = targetGroups[0]!.arn;
    const elbDims = albDimensions(tgArn, lbArn);
    await put('AWS/ECS', [
      // A spike just outside the baseline (it must not count), the quiet baseline, the release.
      ...minutes(-31, -31, 'CPUUtilization', ecsDims, () => [900, 900]),
      ...minutes(-30, -1, 'CPUUtilization', ecsDims, () => [10, 30]),
      ...minutes(0, 19, 'CPUUtilization', ecsDims, (m) => (m === 19 ? [60, 80] : [30, 50])),
      ...minutes(-30, 19, 'MemoryUtilization', ecsDims, (m) => (m < 0 ? [40, 40] : [60, 60])),
    ]);
    await put('AWS/ApplicationELB', [
      ...minutes(-30, 19, 'RequestCount', elbDims, (m) => (m < 0 ? [50, 50] : [100, 50])),
      ...minutes(0, 19, 'HTTPCode_Target_5XX_Count', elbDims, () => [1, 2]),
    ]);
    return { loadBalancers: [{ targetGroupArn: tgArn, containerName: 'app' }], elbDims };
  }

  const reader = () =>
    new MetricsReader(cw, elb, { cluster: 'prod', service: 'web', windowMs: 2 * 60 * MIN, now: () => now });

  it('reads every series in one request, sums counts, averages utilisation, with baselines', async () => {
    const { loadBalancers } = await seed();
    sent = [];
    const series = await reader().get(releaseStart, loadBalancers, signal);
    const by = Object.fromEntries(series.map((s) => [s.id, s]));
    expect(series.map((s) => [s.id, s.label, s.unit])).toEqual([
      ['cpu', 'CPU', '%'],
      ['memory', 'Memory', '%'],
      ['5xx', '5xx', 'count'],
      ['5xxRate', '5xx %', 'Percent'],
      ['requests', 'Requests', 'count'],
      ['p99', 'p99', 'ms'],
      ['healthy', 'Healthy', 'count'],
    ]);
    expect(by.cpu).toMatchObject({ current: 70, baseline: 20, threshold: 70 });
    expect(by.cpu!.points).toHaveLength(20);
    expect(by.cpu!.points[0]).toEqual({ t: windowStart, v: 40 });
    expect(by.memory).toMatchObject({ current: 60, baseline: 40, threshold: 80 });
    expect(by['5xx']).toMatchObject({ current: 3 });
    expect(by['5xx']!.threshold).toBeUndefined();
    expect(by['5xx']!.baseline).toBeUndefined();
    expect(by.requests!.current! / by.requests!.baseline!).toBe(1.5);
    expect(by.p99).toMatchObject({ points: [], threshold: 500 });
    expect(by.p99!.current).toBeUndefined();
    expect(by.healthy!.points).toEqual([]);
    expect(count('GetMetricDataCommand')).toBe(1);
    expect(count('DescribeTargetGroupsCommand')).toBe(1);
    expect((sent.find((s) => s.name === 'GetMetricDataCommand')!.input.StartTime as Date).getTime()).toBe(
      windowStart - 30 * MIN,
    );
  });

  it('fetches the baseline once per release start and the target group once', async () => {
    const { loadBalancers } = await seed();
    const r = reader();
    await r.get(releaseStart, loadBalancers, signal);
    sent = [];
    now += MIN;
    const again = await r.get(releaseStart, loadBalancers, signal);
    expect(count('GetMetricDataCommand')).toBe(1);
    expect(count('DescribeTargetGroupsCommand')).toBe(0);
    expect((sent[0]!.input.StartTime as Date).getTime()).toBe(windowStart);
    expect(again.find((s) => s.id === 'cpu')).toMatchObject({ baseline: 20, current: 70 });
    // A new release: a new baseline, from before it.
    sent = [];
    await r.get(releaseStart + 5 * MIN, loadBalancers, signal);
    expect((sent[0]!.input.StartTime as Date).getTime()).toBe(windowStart + 5 * MIN - 30 * MIN);
  });

  it('keeps the other series when a percentile with data fails the request (moto answers 500)', async () => {
    const { loadBalancers, elbDims } = await seed();
    await put(
      'AWS/ApplicationELB',
      minutes(0, 19, 'TargetResponseTime', elbDims, () => [0.2, 0.4]),
    );
    sent = [];
    const series = await reader().get(releaseStart, loadBalancers, signal);
    expect(count('GetMetricDataCommand')).toBe(2);
    expect(series.find((s) => s.id === 'cpu')).toMatchObject({ current: 70, baseline: 20 });
    expect(series.find((s) => s.id === 'p99')!.points).toEqual([]);
  });

  it('without a target group: CPU and memory plus the configured extras', async () => {
    await seed();
    await put(
      'Custom/App',
      minutes(0, 19, 'QueueDepth', [{ Name: 'Queue', Value: 'jobs' }], (m) => [m, 2 * m]),
    );
    const r = new MetricsReader(cw, elb, {
      cluster: 'prod',
      service: 'web',
      windowMs: 2 * 60 * MIN,
      now: () => now,
      extra: [
        {
          label: 'Queue',
          namespace: 'Custom/App',
          name: 'QueueDepth',
          dimensions: { Queue: 'jobs' },
          stat: 'Maximum',
          unit: 'count',
          threshold: 10,
        },
      ],
    });
    const series = await r.get(releaseStart, undefined, signal);
    expect(series.map((s) => s.id)).toEqual(['cpu', 'memory', 'x0']);
    expect(series[2]).toMatchObject({ label: 'Queue', unit: 'count', threshold: 10, current: 38 });
    expect(series[2]!.baseline).toBeUndefined();
  });
});

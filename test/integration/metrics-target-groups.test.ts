// MetricsReader against moto for a service behind two target groups: every group's series in the
// one GetMetricData request, the 5xx rate computed per bucket, and the points before T+0 kept.
import { CloudWatchClient, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MetricsReader } from '../../src/adapters/aws/metrics.js';
import type { MetricSeries } from '../../src/domain/model.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { albDimensions, putMetricData, seedAlb } from '../helpers/seedAws.js';

const MIN = 60_000;
const signal = new AbortController().signal;
let moto: Moto;
let cw: CloudWatchClient;
let elb: ElasticLoadBalancingV2Client;
/** Commands sent through the reader's clients, by name, with their input. */
let sent: { name: string; input: Record<string, unknown> }[] = [];

beforeAll(async () => {
  moto = await startMoto();
  const config = {
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: {
      accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
    maxAttempts: 1,
  };
  cw = new CloudWatchClient(config);
  elb = new ElasticLoadBalancingV2Client(config);
  for (const client of [cw, elb] as { middlewareStack: CloudWatchClient['middlewareStack'] }[])
    client.middlewareStack.add(
      (next, ctx) => async (args) => {
        sent.push({ name: String(ctx.commandName), input: args.input as Record<string, unknown> });
        return next(args);
      },
      { step: 'initialize', name: 'recordSends' },
    );
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

// The release 19.5 minutes ago; the baseline is the 30 minutes before its minute.
const windowStart = Math.floor(Date.now() / MIN) * MIN - 19 * MIN;
const releaseStart = windowStart + 10_000;
let now = windowStart + 19 * MIN + 30_000;

/** One datapoint 5 s into each minute from `from` to `to` (minutes relative to windowStart). */
const perMinute = (
  from: number,
  to: number,
  MetricName: string,
  Dimensions: MetricDatum['Dimensions'],
  value: (m: number) => number | undefined,
): MetricDatum[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).flatMap((m) => {
    const Value = value(m);
    return Value === undefined
      ? []
      : [{ MetricName, Dimensions, Value, Timestamp: new Date(windowStart + m * MIN + 5_000) }];
  });

/** web-tg: 100 requests a minute, 2 of them 5xx after the release (none before: the ALB reports no zero
 * counts), no requests at all in minute 7. web-admin: 10 a minute, 5 failing from minute 10. */
async function seed() {
  const { lbArn, targetGroups } = await seedAlb(moto, ['web-tg', 'web-admin']);
  const [web, admin] = targetGroups.map((tg) => albDimensions(tg.arn, lbArn));
  await putMetricData(moto, 'AWS/ECS', [
    ...perMinute(-31, -31, 'CPUUtilization', ecsDims, () => 900),
    ...perMinute(-30, -1, 'CPUUtilization', ecsDims, (m) => 20 + Math.abs(m % 2)),
    ...perMinute(0, 19, 'CPUUtilization', ecsDims, () => 40),
  ]);
  await putMetricData(moto, 'AWS/ApplicationELB', [
    ...perMinute(-30, 19, 'RequestCount', web, (m) => (m === 7 ? 0 : 100)),
    ...perMinute(0, 19, 'HTTPCode_Target_5XX_Count', web, (m) => (m === 7 ? undefined : 2)),
    ...perMinute(-30, 19, 'RequestCount', admin, () => 10),
    ...perMinute(10, 19, 'HTTPCode_Target_5XX_Count', admin, () => 5),
  ]);
  return targetGroups.map((tg) => ({ targetGroupArn: tg.arn, containerName: 'web' }));
}
const ecsDims = [
  { Name: 'ClusterName', Value: 'prod' },
  { Name: 'ServiceName', Value: 'web' },
];

const reader = (thresholds?: Record<string, number>) =>
  new MetricsReader(cw, elb, { cluster: 'prod', service: 'web', windowMs: 2 * 60 * MIN, now: () => now, thresholds });
const byId = (series: MetricSeries[]) => Object.fromEntries(series.map((s) => [s.id, s]));
const count = (name: string) => sent.filter((s) => s.name === name).length;

describe('MetricsReader with two target groups, against moto', () => {
  beforeEach(() => {
    now = windowStart + 19 * MIN + 30_000;
  });

  it("reads both groups' series in one request: plain ids for the first, @name for the second", async () => {
    const lbs = await seed();
    sent = [];
    const series = await reader().get(releaseStart, lbs, signal);
    expect(series.map((s) => [s.id, s.targetGroup])).toEqual([
      ['cpu', undefined],
      ['memory', undefined],
      ['5xx', 'web-tg'],
      ['5xxRate', 'web-tg'],
      ['requests', 'web-tg'],
      ['p99', 'web-tg'],
      ['healthy', 'web-tg'],
      ['5xx@web-admin', 'web-admin'],
      ['5xxRate@web-admin', 'web-admin'],
      ['requests@web-admin', 'web-admin'],
      ['p99@web-admin', 'web-admin'],
      ['healthy@web-admin', 'web-admin'],
    ]);
    expect(count('GetMetricDataCommand')).toBe(1);
    expect(count('DescribeTargetGroupsCommand')).toBe(2);
    const queries = sent.find((s) => s.name === 'GetMetricDataCommand')!.input.MetricDataQueries as { Id: string }[];
    // Eight load-balancer metrics and CPU and memory; the rates cost no metric.
    expect(queries.map((q) => q.Id)).toEqual([
      'm_cpu',
      'm_memory',
      'm_5xx',
      'm_requests',
      'm_p99',
      'm_healthy',
      'm_5xx_web_admin',
      'm_requests_web_admin',
      'm_p99_web_admin',
      'm_healthy_web_admin',
    ]);
    const by = byId(series);
    expect(by.requests!.current).toBe(100);
    expect(by['requests@web-admin']!.current).toBe(10);
    expect(by['5xx@web-admin']!.points).toHaveLength(10);
  });

  it('computes 5xx % per bucket: a minute without requests is a gap, a minute with requests and no 5xx is 0 %', async () => {
    const lbs = await seed();
    const by = byId(await reader().get(releaseStart, lbs, signal));
    const rate = by['5xxRate']!;
    expect(rate).toMatchObject({ label: '5xx %', unit: 'Percent', threshold: 1, current: 2 });
    expect(rate.points).toHaveLength(19);
    expect(rate.points.find((p) => p.t === windowStart + 7 * MIN)).toBeUndefined();
    expect(rate.points.every((p) => p.v === 2)).toBe(true);
    // Before the release web-tg had requests and no 5xx at all: a baseline of 0 %, not "no data".
    expect(rate.baseline).toBe(0);
    expect(rate.baselinePoints).toHaveLength(30);
    const admin = by['5xxRate@web-admin']!;
    expect(admin.points.map((p) => p.v)).toEqual([...Array(10).fill(0), ...Array(10).fill(50)]);
    expect(admin).toMatchObject({ current: 50, threshold: 1, baseline: 0 });
  });

  it('one threshold override by the plain id covers every group', async () => {
    const lbs = await seed();
    const by = byId(await reader({ '5xxRate': 0.5, 'p99@web-admin': 900 }).get(releaseStart, lbs, signal));
    expect([by['5xxRate']!.threshold, by['5xxRate@web-admin']!.threshold]).toEqual([0.5, 0.5]);
    expect([by.p99!.threshold, by['p99@web-admin']!.threshold]).toEqual([500, 900]);
  });

  it('keeps the points before T+0, oldest first, from the one request, and serves them from the cache later', async () => {
    const lbs = await seed();
    const r = reader();
    const first = byId(await r.get(releaseStart, lbs, signal)).cpu!;
    expect(first.baselinePoints!.map((p) => p.t)).toEqual(
      Array.from({ length: 30 }, (_, i) => windowStart - (30 - i) * MIN),
    );
    // The spike 31 minutes before is outside the baseline.
    expect(first.baselinePoints!.map((p) => p.v)).toEqual(Array.from({ length: 30 }, (_, i) => 20 + (i % 2)));
    expect(first.baseline).toBe(20.5);
    sent = [];
    now += MIN;
    const again = byId(await r.get(releaseStart, lbs, signal));
    expect(count('GetMetricDataCommand')).toBe(1);
    expect((sent[0]!.input.StartTime as Date).getTime()).toBe(windowStart);
    expect(again.cpu!.baselinePoints).toEqual(first.baselinePoints);
    expect(again['5xxRate@web-admin']!.baselinePoints).toHaveLength(30);
  });
});

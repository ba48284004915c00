// Every target group's series, the 5xx rate computed per bucket, and the points before T+0: the pure
// parts, and the reader against aws-sdk-client-mock (moto's side is in metrics-target-groups.test.ts).
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ratioPoints,
  seriesSpecs,
  specKey,
  targetGroupName,
  toQueries,
  toSeries,
} from '../../src/adapters/aws/metricQueries.js';
import { MetricsReader } from '../../src/adapters/aws/metrics.js';

const MIN = 60_000;
const arn = (name: string, id: string) =>
  `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/${id}`;
const TG1 = arn('web-tg', '73e2d6bc24d8a067');
const TG2 = arn('web-admin', '0c1d2e3f4a5b6c7d');
const LB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188';
const dims = (name: string, id: string) => ({
  TargetGroup: `targetgroup/${name}/${id}`,
  LoadBalancer: 'app/web-alb/50dc6c495c0c9188',
});
const o = { cluster: 'prod', service: 'web' };

describe('seriesSpecs with several target groups', () => {
  const tgs = [
    { name: 'web-tg', dims: dims('web-tg', '73e2d6bc24d8a067') },
    { name: 'web-admin', dims: dims('web-admin', '0c1d2e3f4a5b6c7d') },
  ];

  it('gives the first group the plain ids and each further one @name, every one of them its group', () => {
    const specs = seriesSpecs(o, tgs);
    expect(specs.map((s) => [s.id, s.targetGroup])).toEqual([
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
    expect(specs.find((s) => s.id === 'requests@web-admin')!.metric!.dimensions).toEqual(tgs[1]!.dims);
    expect(specs.find((s) => s.id === '5xxRate@web-admin')).toMatchObject({
      label: '5xx %',
      unit: 'Percent',
      threshold: 1,
      ratio: { of: '5xx@web-admin', per: 'requests@web-admin' },
    });
    expect(specs.find((s) => s.id === '5xxRate')!.metric).toBeUndefined();
  });

  it('names no group on the series of a service with one', () => {
    expect(seriesSpecs(o, tgs.slice(0, 1)).every((s) => s.targetGroup === undefined)).toBe(true);
  });

  it('takes a threshold by the exact id first, then by the plain id', () => {
    const specs = seriesSpecs({ ...o, thresholds: { '5xxRate': 0.1, 'p99@web-admin': 900, p99: 300 } }, tgs);
    const th = Object.fromEntries(specs.map((s) => [s.id, s.threshold]));
    expect([th['5xxRate'], th['5xxRate@web-admin'], th.p99, th['p99@web-admin']]).toEqual([0.1, 0.1, 300, 900]);
  });

  it('queries each metric once, with ids CloudWatch accepts; the rates are not queried', () => {
    const ids = toQueries(seriesSpecs(o, tgs), 60).map((q) => q.Id);
    expect(ids).toEqual([
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
  });

  it('caches a rate under its inputs, and nothing for a rate whose group is not known yet', () => {
    const specs = seriesSpecs(o, [...tgs, { name: 'web-new', dims: null }]);
    const byId = new Map(specs.map((s) => [s.id, s]));
    const key = (id: string) => specKey(byId.get(id)!, byId);
    expect(key('5xxRate')).toBeDefined();
    expect(key('5xxRate')).not.toBe(key('5xxRate@web-admin'));
    expect(key('5xxRate')).not.toBe(key('5xx'));
    expect(key('5xxRate@web-new')).toBeUndefined();
  });
});

describe('ratioPoints', () => {
  it('is 5xx ÷ requests × 100 per bucket: no requests is a gap, requests without 5xx 0 %', () => {
    expect(
      ratioPoints(
        [
          { t: 0, v: 3 },
          { t: 2, v: 4 },
          { t: 3, v: 1 },
        ],
        [
          { t: 0, v: 200 },
          { t: 1, v: 50 },
          { t: 2, v: 0 },
        ],
      ),
    ).toEqual([
      { t: 0, v: 1.5 },
      { t: 1, v: 0 },
    ]);
  });
});

describe('targetGroupName and toSeries', () => {
  it('reads the name from an ELBv2 ARN', () => {
    expect(targetGroupName(TG2)).toBe('web-admin');
    expect(targetGroupName('web-admin')).toBeUndefined();
  });
  it('passes the points before T+0 and the group through', () => {
    const before = [{ t: 0, v: 2 }];
    expect(
      toSeries({ id: '5xx@a', label: '5xx', unit: 'count', targetGroup: 'a' }, [{ t: 60, v: 4 }], 2, before),
    ).toEqual({
      id: '5xx@a',
      label: '5xx',
      unit: 'count',
      points: [{ t: 60, v: 4 }],
      current: 4,
      baseline: 2,
      baselinePoints: before,
      targetGroup: 'a',
    });
  });
});

const cwMock = mockClient(CloudWatchClient);
const elbMock = mockClient(ElasticLoadBalancingV2Client);
const signal = new AbortController().signal;
afterEach(() => {
  cwMock.reset();
  elbMock.reset();
});
const releaseStart = Date.parse('2026-03-01T10:00:20Z');
const windowStart = Date.parse('2026-03-01T10:00:00Z');
const result = (Id: string, pts: [number, number][]): MetricDataResult => ({
  Id,
  Timestamps: pts.map(([t]) => new Date(windowStart + t * MIN)),
  Values: pts.map(([, v]) => v),
});

describe('MetricsReader with several target groups', () => {
  const reader = (now: () => number) =>
    new MetricsReader(
      new CloudWatchClient({ region: 'us-east-1' }),
      new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
      {
        ...o,
        windowMs: 120 * MIN,
        now,
      },
    );

  it('keeps the points before T+0 from the first request and serves them from the cache after', async () => {
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ LoadBalancerArns: [LB] }] });
    const inputs: GetMetricDataCommandInput[] = [];
    cwMock.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => {
      inputs.push(input);
      return {
        MetricDataResults: [
          result('m_requests', [
            [-2, 100],
            [-1, 0],
            [0, 200],
            [1, 100],
          ]),
          result('m_5xx', [
            [-2, 1],
            [0, 4],
          ]),
          result('m_requests_web_admin', [[0, 10]]),
        ],
      };
    });
    let now = windowStart + 2 * MIN;
    const r = reader(() => now);
    const lbs = [{ targetGroupArn: TG1 }, { targetGroupArn: TG2 }, { targetGroupArn: TG1 }];
    const first = Object.fromEntries((await r.get(releaseStart, lbs, signal)).map((s) => [s.id, s]));
    expect(first['5xxRate']).toMatchObject({
      points: [
        { t: windowStart, v: 2 },
        { t: windowStart + MIN, v: 0 },
      ],
      baselinePoints: [{ t: windowStart - 2 * MIN, v: 1 }],
      baseline: 1,
      current: 0,
    });
    expect(first.requests!.baselinePoints).toEqual([
      { t: windowStart - 2 * MIN, v: 100 },
      { t: windowStart - MIN, v: 0 },
    ]);
    expect(first['5xxRate@web-admin']).toMatchObject({ points: [{ t: windowStart, v: 0 }], baselinePoints: [] });
    expect(first['5xxRate@web-admin']!.baseline).toBeUndefined();
    expect(elbMock.commandCalls(DescribeTargetGroupsCommand).map((c) => c.args[0].input.TargetGroupArns)).toEqual([
      [TG1],
      [TG2],
    ]);
    now += MIN;
    const again = Object.fromEntries((await r.get(releaseStart, lbs, signal)).map((s) => [s.id, s]));
    expect(inputs.map((i) => i.StartTime!.getTime() - windowStart)).toEqual([-30 * MIN, 0]);
    expect(again['5xxRate']).toMatchObject({ baseline: 1, baselinePoints: [{ t: windowStart - 2 * MIN, v: 1 }] });
  });

  it("a group whose load balancer cannot be looked up shows no data; the other group's series still come", async () => {
    elbMock
      .on(DescribeTargetGroupsCommand, { TargetGroupArns: [TG2] })
      .rejects(Object.assign(new Error('nope'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))
      .on(DescribeTargetGroupsCommand, { TargetGroupArns: [TG1] })
      .resolves({ TargetGroups: [{ LoadBalancerArns: [LB] }] });
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [result('m_requests', [[0, 10]])] });
    const series = await reader(() => windowStart + MIN).get(
      releaseStart,
      [{ targetGroupArn: TG1 }, { targetGroupArn: TG2 }],
      signal,
    );
    const ids = cwMock.commandCalls(GetMetricDataCommand)[0]!.args[0].input.MetricDataQueries!.map((q) => q.Id);
    expect(ids).toEqual(['m_cpu', 'm_memory', 'm_5xx', 'm_requests', 'm_p99', 'm_healthy']);
    expect(series.filter((s) => s.targetGroup === 'web-admin').map((s) => s.points)).toEqual([[], [], [], [], []]);
    expect(series.find((s) => s.id === 'requests')!.current).toBe(10);
  });
});

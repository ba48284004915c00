import { describe, expect, it } from 'vitest';
import {
  choosePeriod,
  collectPoints,
  elbDimensions,
  isPercentile,
  normalise,
  queryId,
  seriesSpecs,
  toQueries,
  toSeries,
} from '../../src/adapters/aws/metricQueries.js';
import type { MetricPoint } from '../../src/domain/model.js';

const TG = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067';
const ALB = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188';
const NLB = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/web-nlb/50dc6c495c0c9188';
const dims = { TargetGroup: 'targetgroup/web-tg/73e2d6bc24d8a067', LoadBalancer: 'app/web-alb/50dc6c495c0c9188' };
const tg = [{ name: 'web-tg', dims }];

describe('elbDimensions', () => {
  it('takes targetgroup/<name>/<id> and app/<name>/<id> from the ARNs', () => {
    expect(elbDimensions(TG, ALB)).toEqual(dims);
  });
  it('has none for a Network Load Balancer or something that is not an ELBv2 ARN', () => {
    expect(elbDimensions(TG, NLB)).toBeUndefined();
    expect(elbDimensions('web-tg', ALB)).toBeUndefined();
  });
});

describe('seriesSpecs', () => {
  const o = { cluster: 'prod', service: 'web' };
  it('has CPU and memory only without a target group', () => {
    expect(seriesSpecs(o, undefined).map((s) => s.id)).toEqual(['cpu', 'memory']);
  });
  it('queries the target group with both dimensions: Sum for counts, p99 in seconds scaled to ms', () => {
    const specs = seriesSpecs(o, tg);
    expect(specs.map((s) => [s.id, s.label, s.metric?.name, s.metric?.stat, s.threshold])).toEqual([
      ['cpu', 'CPU', 'CPUUtilization', 'Average', 70],
      ['memory', 'Memory', 'MemoryUtilization', 'Average', 80],
      ['5xx', '5xx', 'HTTPCode_Target_5XX_Count', 'Sum', undefined],
      ['5xxRate', '5xx %', undefined, undefined, 1],
      ['requests', 'Requests', 'RequestCount', 'Sum', undefined],
      ['p99', 'p99', 'TargetResponseTime', 'p99', 500],
      ['healthy', 'Healthy', 'HealthyHostCount', 'Minimum', undefined],
    ]);
    for (const s of specs.slice(2).filter((x) => x.id !== '5xxRate')) expect(s.metric!.dimensions).toEqual(dims);
    expect(specs[5]).toMatchObject({ unit: 'ms', scale: 1000 });
  });
  it('keeps the target group series without a query when the load balancer is unknown', () => {
    const specs = seriesSpecs(o, [{ name: 'web-tg', dims: null }]);
    expect(specs.map((s) => s.id)).toEqual(['cpu', 'memory', '5xx', '5xxRate', 'requests', 'p99', 'healthy']);
    expect(toQueries(specs, 60).map((q) => q.Id)).toEqual(['m_cpu', 'm_memory']);
  });
  it('adds extras as x0.. and lets config override thresholds by id', () => {
    const extra = [
      {
        label: 'Queue',
        namespace: 'App',
        name: 'Depth',
        dimensions: { Q: 'jobs' },
        stat: 'Maximum',
        unit: 'count',
        threshold: 10,
      },
    ];
    const specs = seriesSpecs({ ...o, extra, thresholds: { cpu: 30, x0: 5, '5xx': 1 } }, tg);
    expect(specs.map((s) => [s.id, s.threshold])).toEqual([
      ['cpu', 30],
      ['memory', 80],
      ['5xx', 1],
      ['5xxRate', 1],
      ['requests', undefined],
      ['p99', 500],
      ['healthy', undefined],
      ['x0', 5],
    ]);
  });
});

describe('queries', () => {
  it('uses ids CloudWatch accepts (a lower-case letter first) and no Unit filter', () => {
    const queries = toQueries(seriesSpecs({ cluster: 'c', service: 's' }, tg), 300);
    for (const q of queries) expect(q.Id).toMatch(/^[a-z][A-Za-z0-9_]*$/);
    expect(queryId('5xx')).toBe('m_5xx');
    expect(queries[0]).toEqual({
      Id: 'm_cpu',
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/ECS',
          MetricName: 'CPUUtilization',
          Dimensions: [
            { Name: 'ClusterName', Value: 'c' },
            { Name: 'ServiceName', Value: 's' },
          ],
        },
        Period: 300,
        Stat: 'Average',
      },
    });
  });
  it('recognises percentile statistics', () => {
    expect(
      ['p99', 'p99.9', 'tm90', 'TM(10%:90%)', 'wm99', 'tc(1:2)', 'ts99', 'PR(:300)', 'IQM'].every(isPercentile),
    ).toBe(true);
    expect(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'].some(isPercentile)).toBe(false);
  });
  it('keeps one point a minute up to a day, coarser beyond', () => {
    const h = 3_600_000;
    expect(choosePeriod(2 * h)).toBe(60);
    expect(choosePeriod(24 * h)).toBe(60);
    expect(choosePeriod(25 * h)).toBe(300);
    expect(choosePeriod(10 * 24 * h)).toBe(900);
    expect(choosePeriod(30 * 24 * h)).toBe(3600);
  });
});

describe('results to series', () => {
  it('merges pages by id, sorts oldest first and scales', () => {
    const into = new Map<string, MetricPoint[]>();
    collectPoints([{ Id: 'm_p99', Timestamps: [new Date(120_000), new Date(60_000)], Values: [0.5, 0.25] }], into);
    collectPoints(
      [
        { Id: 'm_p99', Timestamps: [new Date(0)], Values: [0.125] },
        { Id: 'm_cpu', Timestamps: [], Values: [] },
      ],
      into,
    );
    expect(normalise(into.get('m_p99')!, 1000)).toEqual([
      { t: 0, v: 125 },
      { t: 60_000, v: 250 },
      { t: 120_000, v: 500 },
    ]);
    expect(into.get('m_cpu')).toEqual([]);
  });
  it('has no current and no baseline without data', () => {
    const s = toSeries({ id: 'cpu', label: 'CPU', unit: '%', threshold: 70 }, [], undefined);
    expect(s).toEqual({ id: 'cpu', label: 'CPU', unit: '%', points: [], threshold: 70 });
    expect(
      toSeries(
        { id: 'x0', label: 'Q', unit: '' },
        [
          { t: 0, v: 1 },
          { t: 1, v: 4 },
        ],
        2,
      ),
    ).toMatchObject({ current: 4, baseline: 2 });
  });
});

import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { MetricsReader } from '../../src/adapters/aws/metrics.js';

const MIN = 60_000;
const cwMock = mockClient(CloudWatchClient);
const elbMock = mockClient(ElasticLoadBalancingV2Client);
const signal = new AbortController().signal;
afterEach(() => {
  cwMock.reset();
  elbMock.reset();
});

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067';
const LB = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/50dc6c495c0c9188';
const lbs = [{ targetGroupArn: TG, containerName: 'app' }];
const releaseStart = Date.parse('2026-03-01T10:00:20Z');
const windowStart = Date.parse('2026-03-01T10:00:00Z');

function reader(now = windowStart + 10 * MIN) {
  return new MetricsReader(
    new CloudWatchClient({ region: 'us-east-1' }),
    new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
    {
      cluster: 'prod',
      service: 'web',
      windowMs: 120 * MIN,
      now: () => now,
    },
  );
}

const result = (Id: string, pts: [number, number][]): MetricDataResult => ({
  Id,
  Timestamps: pts.map(([t]) => new Date(t)),
  Values: pts.map(([, v]) => v),
  StatusCode: 'Complete',
});
const ids = (input: GetMetricDataCommandInput) => input.MetricDataQueries!.map((q) => q.Id);
const serverError = () =>
  Object.assign(new Error('Unexpected token <'), { name: 'SyntaxError', $metadata: { httpStatusCode: 500 } });

describe('MetricsReader', () => {
  it('converts p99 from seconds to ms, oldest first, and splits off the baseline', async () => {
    elbMock
      .on(DescribeTargetGroupsCommand)
      .resolves({ TargetGroups: [{ TargetGroupArn: TG, LoadBalancerArns: [LB] }] });
    cwMock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        // Newest first, as a server that ignores ScanBy would answer.
        result('m_p99', [
          [windowStart + MIN, 0.412],
          [windowStart, 0.3],
          [windowStart - MIN, 0.2],
          [windowStart - 2 * MIN, 0.3],
        ]),
      ],
    });
    const series = await reader().get(releaseStart, lbs, signal);
    const p99 = series.find((s) => s.id === 'p99')!;
    expect(p99.points).toEqual([
      { t: windowStart, v: 300 },
      { t: windowStart + MIN, v: 412 },
    ]);
    expect(p99).toMatchObject({ unit: 'ms', current: 412, baseline: 250, threshold: 500 });
    const input = cwMock.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      ScanBy: 'TimestampAscending',
      StartTime: new Date(windowStart - 30 * MIN),
      EndTime: new Date(windowStart + 10 * MIN),
    });
    expect(ids(input)).toEqual(['m_cpu', 'm_memory', 'm_5xx', 'm_requests', 'm_p99', 'm_healthy']);
    expect(input.MetricDataQueries!.find((q) => q.Id === 'm_requests')!.MetricStat!.Metric!.Dimensions).toEqual([
      { Name: 'TargetGroup', Value: 'targetgroup/web-tg/73e2d6bc24d8a067' },
      { Name: 'LoadBalancer', Value: 'app/web-alb/50dc6c495c0c9188' },
    ]);
  });

  it('retries once without percentiles when the request fails, and marks p99 as no data', async () => {
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ LoadBalancerArns: [LB] }] });
    cwMock
      .on(GetMetricDataCommand)
      .rejectsOnce(serverError())
      .resolves({
        MetricDataResults: [result('m_cpu', [[windowStart, 40]]), result('m_requests', [[windowStart, 900]])],
      });
    const series = await reader().get(releaseStart, lbs, signal);
    const calls = cwMock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(2);
    expect(ids(calls[1]!.args[0].input)).toEqual(['m_cpu', 'm_memory', 'm_5xx', 'm_requests', 'm_healthy']);
    expect(series.find((s) => s.id === 'p99')!.points).toEqual([]);
    expect(series.find((s) => s.id === 'cpu')!.current).toBe(40);
    expect(series.find((s) => s.id === 'requests')!.current).toBe(900);
  });

  it('does not retry throttling, nor a failure without percentiles', async () => {
    cwMock.on(GetMetricDataCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(reader().get(releaseStart, lbs, signal)).rejects.toThrow('Rate exceeded');
    expect(cwMock.commandCalls(GetMetricDataCommand)).toHaveLength(1);
    cwMock.reset();
    cwMock.on(GetMetricDataCommand).rejects(serverError());
    await expect(reader().get(releaseStart, undefined, signal)).rejects.toThrow('Unexpected token');
    expect(cwMock.commandCalls(GetMetricDataCommand)).toHaveLength(1);
  });

  it('follows NextToken and merges the pages of a series', async () => {
    const tokens: (string | undefined)[] = [];
    cwMock.on(GetMetricDataCommand).callsFake((input: GetMetricDataCommandInput) => {
      tokens.push(input.NextToken);
      return input.NextToken
        ? { MetricDataResults: [result('m_cpu', [[windowStart + MIN, 60]])] }
        : { MetricDataResults: [result('m_cpu', [[windowStart, 50]])], NextToken: 'more' };
    });
    const [cpu] = await reader().get(releaseStart, undefined, signal);
    expect(tokens).toEqual([undefined, 'more']);
    expect(cpu!.points.map((p) => p.v)).toEqual([50, 60]);
  });

  it('looks the load balancer up once; a failed lookup blanks only the target group series', async () => {
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [result('m_cpu', [[windowStart, 40]])] });
    elbMock
      .on(DescribeTargetGroupsCommand)
      .rejectsOnce(
        Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }),
      )
      .resolves({ TargetGroups: [{ LoadBalancerArns: [LB] }] });
    const r = reader();
    const first = await r.get(releaseStart, lbs, signal);
    expect(first.map((s) => s.id)).toEqual(['cpu', 'memory', '5xx', '5xxRate', 'requests', 'p99', 'healthy']);
    expect(first.find((s) => s.id === 'cpu')!.current).toBe(40);
    expect(ids(cwMock.commandCalls(GetMetricDataCommand)[0]!.args[0].input)).toEqual(['m_cpu', 'm_memory']);
    await r.get(releaseStart, lbs, signal);
    await r.get(releaseStart, lbs, signal);
    expect(elbMock.commandCalls(DescribeTargetGroupsCommand)).toHaveLength(2);
    const calls = cwMock.commandCalls(GetMetricDataCommand);
    // The target group series joined on the second refresh, with their baseline span; then the window only.
    expect(calls.map((c) => c.args[0].input.StartTime!.getTime() - windowStart)).toEqual([-30 * MIN, -30 * MIN, 0]);
    expect(ids(calls[2]!.args[0].input)).toHaveLength(6);
  });

  it('uses a coarser period for a long window and a baseline no longer than the watch window', async () => {
    cwMock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    await reader(windowStart + 48 * 60 * MIN).get(releaseStart, undefined, signal);
    const input = cwMock.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(input.MetricDataQueries![0]!.MetricStat!.Period).toBe(300);
    expect(input.StartTime!.getTime()).toBe(windowStart - 120 * MIN);
  });
});

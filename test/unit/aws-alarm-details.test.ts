// What an alarm watches, from DescribeAlarms' own answer: the shapes moto does not produce
// (anomaly bands, a math alarm on an expression) and the composite's rule.
import { describe, expect, it } from 'vitest';
import { toAlarm } from '../../src/adapters/aws/alarms.js';

const base = { AlarmName: 'web-p99', StateValue: 'OK' as const, StateReason: 'fine' };

describe('toAlarm details', () => {
  it('a plain metric alarm: metric with its percentile, threshold, comparison, M of N periods, description', () => {
    expect(
      toAlarm(
        {
          ...base,
          Namespace: 'AWS/ApplicationELB',
          MetricName: 'TargetResponseTime',
          ExtendedStatistic: 'p99',
          Dimensions: [{ Name: 'LoadBalancer', Value: 'app/web/1' }],
          Period: 300,
          EvaluationPeriods: 3,
          DatapointsToAlarm: 2,
          Threshold: 0.5,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          AlarmDescription: 'p99 over 500 ms',
        },
        'metric',
      ),
    ).toMatchObject({
      metric: {
        namespace: 'AWS/ApplicationELB',
        name: 'TargetResponseTime',
        stat: 'p99',
        dimensions: { LoadBalancer: 'app/web/1' },
      },
      threshold: 0.5,
      comparison: 'GreaterThanOrEqualToThreshold',
      evaluation: '2 of 3 periods of 300 s',
      description: 'p99 over 500 ms',
    });
  });

  it('an anomaly-detection alarm has a band, not a threshold; its metric is the query it alarms on', () => {
    const a = toAlarm(
      {
        ...base,
        EvaluationPeriods: 1,
        Threshold: 0,
        ThresholdMetricId: 'band',
        ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
        Metrics: [
          {
            Id: 'm1',
            ReturnData: true,
            MetricStat: {
              Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: [] },
              Period: 60,
              Stat: 'Average',
            },
          },
          { Id: 'band', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)', ReturnData: true },
        ],
      },
      'metric',
    );
    expect(a.threshold).toBeUndefined();
    expect(a).toMatchObject({
      metric: { namespace: 'AWS/ECS', name: 'CPUUtilization', stat: 'Average', dimensions: {} },
      evaluation: '1 of 1 period of 60 s',
    });
  });

  it('a math alarm on an expression names no single metric', () => {
    const a = toAlarm(
      {
        ...base,
        EvaluationPeriods: 2,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        Metrics: [{ Id: 'rate', Expression: '100 * errors / requests', Period: 60, ReturnData: true }],
      },
      'metric',
    );
    expect(a.metric).toBeUndefined();
    expect(a).toMatchObject({ threshold: 1, evaluation: '2 of 2 periods of 60 s' });
  });

  it('a composite alarm is described by its rule, after its description when it has one', () => {
    const rule = 'ALARM("web-5xx-high") OR ALARM("web-p99")';
    expect(toAlarm({ ...base, AlarmRule: rule }, 'composite').description).toBe(rule);
    expect(toAlarm({ ...base, AlarmRule: rule, AlarmDescription: 'web is unwell' }, 'composite').description).toBe(
      `web is unwell — rule: ${rule}`,
    );
  });

  it('leaves out what the alarm does not say', () => {
    expect(Object.keys(toAlarm(base, 'metric')).sort()).toEqual(['kind', 'name', 'reason', 'state', 'stateUpdatedAt']);
    expect(Object.keys(toAlarm(base, 'composite')).sort()).toEqual([
      'kind',
      'name',
      'reason',
      'state',
      'stateUpdatedAt',
    ]);
  });
});

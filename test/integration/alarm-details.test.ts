// Alarm details and alarm history against moto over real HTTP: what each alarm watches comes from
// DescribeAlarms itself; DescribeAlarmHistory is not served by moto, which the backend reports as
// one clear error naming the action (the detail view shows it instead of the list).
import { DescribeAlarmHistoryCommand, PutMetricAlarmCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchAlarms } from '../../src/adapters/aws/alarms.js';
import { createClients } from '../../src/adapters/aws/clients.js';
import { AwsBackend } from '../../src/adapters/aws/index.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { awsClients, SEEDED, seededBackendOptions, seedWorld } from '../helpers/seedAws.js';

const signal = new AbortController().signal;
let moto: Moto;
let cw: CloudWatchClient;

beforeAll(async () => {
  Object.assign(process.env, TEST_CREDENTIALS, { AWS_EC2_METADATA_DISABLED: 'true' });
  moto = await startMoto();
  cw = awsClients(moto).cloudwatch;
});
afterAll(async () => {
  cw?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  await seedWorld(moto);
});

const byName = async () => new Map((await fetchAlarms(cw, { prefix: 'web' }, signal)).map((a) => [a.name, a]));

describe('alarm details against moto', () => {
  it('metric, threshold, comparison and evaluation from DescribeAlarms, a percentile as the stat', async () => {
    const alarms = await byName();
    expect(alarms.get(SEEDED.alarm)).toMatchObject({
      state: 'ALARM',
      metric: { namespace: 'AWS/ApplicationELB', name: 'HTTPCode_Target_5XX_Count', stat: 'Sum', dimensions: {} },
      threshold: 5,
      comparison: 'GreaterThanThreshold',
      evaluation: '1 of 1 period of 60 s',
    });
    expect(alarms.get('web-p99-latency')?.metric?.stat).toBe('p99');
  });

  it('dimensions, M of N datapoints and the description as put', async () => {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'web-cpu-high',
        AlarmDescription: 'CPU of web above 70 % for 3 of 5 minutes',
        Namespace: 'AWS/ECS',
        MetricName: 'CPUUtilization',
        Statistic: 'Average',
        Dimensions: [
          { Name: 'ClusterName', Value: 'prod' },
          { Name: 'ServiceName', Value: 'web' },
        ],
        Period: 60,
        EvaluationPeriods: 5,
        DatapointsToAlarm: 3,
        Threshold: 70,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    expect((await byName()).get('web-cpu-high')).toMatchObject({
      kind: 'metric',
      metric: {
        namespace: 'AWS/ECS',
        name: 'CPUUtilization',
        stat: 'Average',
        dimensions: { ClusterName: 'prod', ServiceName: 'web' },
      },
      threshold: 70,
      evaluation: '3 of 5 periods of 60 s',
      description: 'CPU of web above 70 % for 3 of 5 minutes',
    });
  });

  it('a metric-math alarm on one metric names that metric', async () => {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'web-mem',
        EvaluationPeriods: 2,
        Threshold: 80,
        ComparisonOperator: 'GreaterThanThreshold',
        Metrics: [
          {
            Id: 'm1',
            ReturnData: true,
            MetricStat: {
              Metric: {
                Namespace: 'AWS/ECS',
                MetricName: 'MemoryUtilization',
                Dimensions: [{ Name: 'ServiceName', Value: 'web' }],
              },
              Period: 60,
              Stat: 'Maximum',
            },
          },
        ],
      }),
    );
    expect((await byName()).get('web-mem')).toMatchObject({
      metric: { namespace: 'AWS/ECS', name: 'MemoryUtilization', stat: 'Maximum', dimensions: { ServiceName: 'web' } },
      evaluation: '2 of 2 periods of 60 s',
    });
  });

  // moto cannot create a composite alarm (PutCompositeAlarm answers 500): aws-alarm-details.test.ts has the rule.
});

describe('alarm history against moto', () => {
  it('moto does not serve DescribeAlarmHistory (if this fails, moto learnt it: test the mapping here)', async () => {
    await expect(cw.send(new DescribeAlarmHistoryCommand({ AlarmName: SEEDED.alarm }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 500 },
    });
  });

  it('the backend says in one line that cloudwatch:DescribeAlarmHistory is not available', async () => {
    const backend = new AwsBackend(
      createClients({ region: 'us-east-1', endpoint: moto.endpoint }),
      seededBackendOptions(moto.endpoint),
    );
    try {
      const failure = await backend.getAlarmHistory(SEEDED.alarm, Date.now() - 3_600_000, signal).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(failure?.message).toBe(
        'cloudwatch:DescribeAlarmHistory is not available at this endpoint: no alarm history to show',
      );
    } finally {
      backend.close();
    }
  });
});

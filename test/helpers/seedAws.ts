// Seeds moto with a small production-like world through the real APIs: a cluster, a service on
// revision 3 of its family, an alarm in ALARM, log events with an ERROR line, and cost results.
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { planCostRequests } from '../../src/adapters/aws/cost.js';
import type { AwsBackendOptions } from '../../src/adapters/aws/index.js';
import { ACCOUNT, TEST_CREDENTIALS, type Moto } from './moto.js';

const credentials = {
  accessKeyId: TEST_CREDENTIALS.AWS_ACCESS_KEY_ID,
  secretAccessKey: TEST_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
};

export const SEEDED = {
  cluster: 'prod',
  service: 'web',
  logGroup: '/ecs/web',
  alarm: 'web-5xx-high',
  errorLine: 'ERROR upstream timeout calling payments after 3000ms',
} as const;

export function awsClients(moto: Moto) {
  const base = { endpoint: moto.endpoint, region: 'us-east-1', credentials };
  return { ecs: new ECSClient(base), cloudwatch: new CloudWatchClient(base), logs: new CloudWatchLogsClient(base) };
}

/** AwsBackend options that watch the seeded service (its alarms, no extra metrics, no live tail) at `endpointUrl`. */
export const seededBackendOptions = (endpointUrl: string) =>
  ({
    cluster: SEEDED.cluster,
    service: SEEDED.service,
    region: 'us-east-1',
    endpointUrl,
    alarms: { prefix: 'web' },
    metrics: [],
    liveTail: false,
    watchWindowMs: 2 * 3_600_000,
  }) satisfies AwsBackendOptions;

/** The environment that points the CLI (and the SDK inside it) at moto. */
export const motoEnv = (moto: Moto, extra: Record<string, string> = {}): Record<string, string> => ({
  ...TEST_CREDENTIALS,
  AWS_ENDPOINT_URL: moto.endpoint,
  AWS_EC2_METADATA_DISABLED: 'true',
  ...extra,
});

export async function seedWorld(moto: Moto, now = Date.now()): Promise<void> {
  const c = awsClients(moto);
  await c.ecs.send(new CreateClusterCommand({ clusterName: SEEDED.cluster }));
  for (const rev of [1, 2, 3]) {
    await c.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: SEEDED.service,
        containerDefinitions: [
          {
            name: 'web',
            image: `registry.example.com/web:v1.0.${rev}`,
            memory: 256,
            environment: [{ name: 'PORT', value: '8080' }],
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': SEEDED.logGroup, 'awslogs-region': 'us-east-1' },
            },
          },
        ],
      }),
    );
  }
  await c.ecs.send(
    new CreateServiceCommand({
      cluster: SEEDED.cluster,
      serviceName: SEEDED.service,
      taskDefinition: 'web:3',
      desiredCount: 3,
    }),
  );

  await c.cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: SEEDED.alarm,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  await c.cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: 'web-p99-latency',
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'TargetResponseTime',
      ExtendedStatistic: 'p99',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 0.5,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  await c.cloudwatch.send(
    new SetAlarmStateCommand({
      AlarmName: SEEDED.alarm,
      StateValue: 'ALARM',
      StateReason: 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).',
    }),
  );

  await c.logs.send(new CreateLogGroupCommand({ logGroupName: SEEDED.logGroup }));
  await c.logs.send(
    new CreateLogStreamCommand({ logGroupName: SEEDED.logGroup, logStreamName: 'web/web/0f3c1a2b9d8e' }),
  );
  await c.logs.send(
    new PutLogEventsCommand({
      logGroupName: SEEDED.logGroup,
      logStreamName: 'web/web/0f3c1a2b9d8e',
      logEvents: [
        { timestamp: now - 30_000, message: 'INFO GET /health 200 1ms' },
        { timestamp: now - 20_000, message: SEEDED.errorLine },
        { timestamp: now - 10_000, message: 'INFO GET /api/cart 200 12ms' },
      ],
    }),
  );

  // moto answers the first distinct GetCostAndUsage body with the first seeded result.
  const plan = planCostRequests(now);
  const days: unknown[] = [];
  for (
    let t = Date.parse(plan.usage.TimePeriod!.Start!);
    t < Date.parse(plan.usage.TimePeriod!.End!);
    t += 86_400_000
  ) {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    days.push({
      TimePeriod: { Start: day(t), End: day(t + 86_400_000) },
      Total: {},
      Groups: [
        { Keys: ['Amazon Elastic Container Service'], Metrics: { UnblendedCost: { Amount: '1.4200', Unit: 'USD' } } },
      ],
      Estimated: true,
    });
  }
  const res = await moto.post('/moto-api/static/ce/cost-and-usage-results', {
    account_id: ACCOUNT,
    results: [{ ResultsByTime: days, DimensionValueAttributes: [] }],
  });
  if (res.status !== 201) throw new Error(`seeding cost results failed: ${res.status}`);
}

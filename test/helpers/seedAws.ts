// Seeds moto with a small production-like world through the real APIs: a cluster, a service on
// revision 3 of its family, an alarm in ALARM, log events with an ERROR line, and cost results.
import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type MetricDatum,
} from '@aws-sdk/client-cloudwatch';
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
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
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

/** A log group (created unless it exists) with one stream holding these events, put in time order, 10,000 a call. */
export async function seedLogStream(
  moto: Moto,
  group: string,
  stream: string,
  events: { timestamp: number; message: string }[],
): Promise<void> {
  const { logs } = awsClients(moto);
  try {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  } catch (e) {
    if ((e as Error).name !== 'ResourceAlreadyExistsException') throw e;
  }
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
  for (let i = 0; i < sorted.length; i += 10_000)
    await logs.send(
      new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: sorted.slice(i, i + 10_000) }),
    );
  logs.destroy();
}

/** An EC2 query-API call (the EC2 client is not a dependency); moto reads the region from the credential scope. */
export async function ec2Query(moto: Moto, params: Record<string, string>): Promise<string> {
  const auth = 'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0';
  const r = await fetch(moto.endpoint, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Version: '2016-11-15', ...params }).toString(),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`EC2 ${params.Action}: ${r.status} ${text.slice(0, 300)}`);
  return text;
}

/** Two of moto's default VPC subnets (an ALB needs two). */
export const defaultSubnets = async (moto: Moto): Promise<string[]> =>
  [...(await ec2Query(moto, { Action: 'DescribeSubnets' })).matchAll(/<subnetId>([^<]+)</g)]
    .map((m) => m[1]!)
    .slice(0, 2);

/** A running EC2 instance's id (to register as a target: moto refuses one that is not running). */
export async function runInstance(moto: Moto): Promise<string> {
  const run = await ec2Query(moto, { Action: 'RunInstances', ImageId: 'ami-12345678', MinCount: '1', MaxCount: '1' });
  return /<instanceId>([^<]+)</.exec(run)![1]!;
}

/** Stopped, a registered instance is the one target moto reports with a reason (unused, Target.InvalidState). */
export async function stopInstance(moto: Moto, id: string): Promise<void> {
  await ec2Query(moto, { Action: 'StopInstances', 'InstanceId.1': id });
}

export interface SeededAlb {
  lbArn: string;
  /** In the order asked for. */
  targetGroups: { name: string; arn: string }[];
}

export function elbClient(moto: Moto): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials });
}

/**
 * An Application Load Balancer forwarding to each named target group (one listener each, ports
 * 80, 81, …), as a service behind a load balancer has: each group then names its load balancer.
 */
export async function seedAlb(moto: Moto, names: string[]): Promise<SeededAlb> {
  const elb = elbClient(moto);
  try {
    const lb = await elb.send(
      new CreateLoadBalancerCommand({ Name: 'web-alb', Subnets: await defaultSubnets(moto), Type: 'application' }),
    );
    const lbArn = lb.LoadBalancers![0]!.LoadBalancerArn!;
    const targetGroups: SeededAlb['targetGroups'] = [];
    for (const [i, name] of names.entries()) {
      const tg = await elb.send(
        new CreateTargetGroupCommand({
          Name: name,
          Protocol: 'HTTP',
          Port: 8080 + i,
          VpcId: lb.LoadBalancers![0]!.VpcId,
          TargetType: 'ip',
        }),
      );
      const arn = tg.TargetGroups![0]!.TargetGroupArn!;
      await elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Protocol: 'HTTP',
          Port: 80 + i,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }],
        }),
      );
      targetGroups.push({ name, arn });
    }
    return { lbArn, targetGroups };
  } finally {
    elb.destroy();
  }
}

/** The AWS/ApplicationELB dimensions of a target group behind `lbArn`, as CloudWatch names them. */
export const albDimensions = (tgArn: string, lbArn: string) => [
  { Name: 'TargetGroup', Value: tgArn.slice(tgArn.indexOf('targetgroup/')) },
  { Name: 'LoadBalancer', Value: lbArn.slice(lbArn.indexOf('app/')) },
];

/** PutMetricData in chunks, uncompressed: the SDK gzips bodies over 10 KB, which moto cannot read. */
export async function putMetricData(moto: Moto, Namespace: string, data: MetricDatum[]): Promise<void> {
  const cw = new CloudWatchClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials,
    disableRequestCompression: true,
  });
  try {
    for (let i = 0; i < data.length; i += 200)
      await cw.send(new PutMetricDataCommand({ Namespace, MetricData: data.slice(i, i + 200) }));
  } finally {
    cw.destroy();
  }
}

/**
 * moto moves a task one lifecycle step (RUNNING → DEACTIVATING → STOPPING → …) each time it is
 * described; this keeps running tasks RUNNING however often a test reads them. Survives a reset.
 */
export async function holdTaskStates(moto: Moto): Promise<void> {
  const res = await moto.post('/moto-api/state-manager/set-transition', {
    model_name: 'ecs::task',
    transition: { progression: 'manual', times: 1_000_000 },
  });
  if (res.status !== 201) throw new Error(`moto set-transition: ${res.status}`);
}

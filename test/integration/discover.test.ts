// `shipwatch init`'s discovery against moto over real HTTP, behind the fault proxy, which records
// every request: what is found (log group, target groups, the alarms whose dimensions name the
// service or its target groups, and not the others), that only the four read-only actions are sent,
// and that each failure is one line naming the IAM action.
import { PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import { CreateServiceCommand, DeleteServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { createClients, destroyClients } from '../../src/adapters/aws/clients.js';
import { DISCOVERY_ACTIONS, discoverService } from '../../src/adapters/aws/discover.js';
import { CredentialsError } from '../../src/domain/errors.js';
import type { Moto } from '../helpers/moto.js';
import { withMotoBehindProxy } from '../helpers/motoProxy.js';
import { albDimensions, awsClients, seedAlb } from '../helpers/seedAws.js';

const { moto, proxy } = withMotoBehindProxy();
const signal = new AbortController().signal;
const api = { cluster: 'prod', service: 'api' };

const alarm = (AlarmName: string, dims: Record<string, string>, over: Partial<PutMetricAlarmCommandInput> = {}) =>
  new PutMetricAlarmCommand({
    AlarmName,
    Namespace: 'AWS/ECS',
    MetricName: 'CPUUtilization',
    Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
    Statistic: 'Average',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 80,
    ComparisonOperator: 'GreaterThanThreshold',
    ...over,
  });

/** Service `api` in cluster `prod` (seedWorld's) behind an ALB's target group, with alarms that name it and some that must not match. */
async function seedApi(m: Moto) {
  const { lbArn, targetGroups } = await seedAlb(m, ['api-tg']);
  const tg = targetGroups[0]!;
  const [tgDim, lbDim] = albDimensions(tg.arn, lbArn).map((d) => d.Value);
  const { ecs, cloudwatch: cw } = awsClients(m);
  const logs = (group: string, region?: string) => ({
    logDriver: 'awslogs' as const,
    options: { 'awslogs-group': group, ...(region ? { 'awslogs-region': region } : {}) },
  });
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'api',
      containerDefinitions: [
        { name: 'envoy', image: 'envoy:v1', memory: 64 },
        {
          name: 'api',
          image: 'registry.example.com/api:v2',
          memory: 256,
          logConfiguration: logs('/ecs/api', 'us-east-1'),
        },
        {
          name: 'worker',
          image: 'registry.example.com/api:v2',
          memory: 128,
          logConfiguration: logs('/ecs/api-worker'),
        },
      ],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: 'prod',
      serviceName: 'api',
      taskDefinition: 'api:1',
      desiredCount: 2,
      loadBalancers: [{ targetGroupArn: tg.arn, containerName: 'api', containerPort: 8080 }],
    }),
  );
  const elb = { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Statistic: 'Sum' as const };
  const stat = (MetricName: string) => ({
    Metric: { Namespace: elb.Namespace, MetricName, Dimensions: albDimensions(tg.arn, lbArn) },
    Period: 60,
    Stat: 'Sum',
  });
  for (const cmd of [
    alarm('api-cpu-high', { ClusterName: 'prod', ServiceName: 'api' }),
    alarm('api-memory-any-cluster', { ServiceName: 'api' }, { Namespace: 'ECS/ContainerInsights' }),
    alarm('api-tg-5xx', { TargetGroup: tgDim!, LoadBalancer: lbDim! }, elb),
    alarm(
      'api-error-rate',
      {},
      {
        Namespace: undefined,
        MetricName: undefined,
        Statistic: undefined,
        Period: undefined,
        Metrics: [
          { Id: 'rate', Expression: 'errors / requests * 100', ReturnData: true },
          { Id: 'errors', MetricStat: stat('HTTPCode_Target_5XX_Count'), ReturnData: false },
          { Id: 'requests', MetricStat: stat('RequestCount'), ReturnData: false },
        ],
      },
    ),
    // Must not match: the same service name in another cluster, another service, another target group.
    alarm('api-in-staging', { ClusterName: 'staging', ServiceName: 'api' }),
    alarm('web-cpu-high', { ClusterName: 'prod', ServiceName: 'web' }),
    alarm('other-tg-5xx', { TargetGroup: 'targetgroup/other/0123456789abcdef' }, elb),
  ])
    await cw.send(cmd);
  proxy().requests.length = 0;
  return { tg, tgDim, lbDim };
}

const discover = async (t = api) => {
  const clients = createClients({ region: 'us-east-1', endpoint: proxy().url });
  try {
    return await discoverService(clients, t, signal);
  } finally {
    destroyClients(clients);
  }
};

describe('discoverService against moto', () => {
  it('finds the task definition, log group, target group and the alarms that name the service', async () => {
    const { tg, tgDim, lbDim } = await seedApi(moto());
    const d = await discover();
    expect(d).toMatchObject({
      cluster: 'prod',
      service: 'api',
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/api',
      status: 'ACTIVE',
      taskDefinition: { family: 'api', revision: 1 },
      // The first container with an awslogs group, as the dashboard picks it.
      logGroup: '/ecs/api',
    });
    expect(d.containers).toEqual([
      { name: 'envoy' },
      { name: 'api', logDriver: 'awslogs', logGroup: '/ecs/api', logRegion: 'us-east-1' },
      { name: 'worker', logDriver: 'awslogs', logGroup: '/ecs/api-worker' },
    ]);
    expect(d.targetGroups).toEqual([{ arn: tg.arn, name: 'api-tg', dimension: tgDim, loadBalancer: lbDim }]);
    expect(d.alarms).toEqual([
      { name: 'api-cpu-high', matched: 'ServiceName=api, ClusterName=prod' },
      { name: 'api-error-rate', matched: `TargetGroup=${tgDim}` },
      { name: 'api-memory-any-cluster', matched: 'ServiceName=api' },
      { name: 'api-tg-5xx', matched: `TargetGroup=${tgDim}` },
    ]);
  });

  it('sends only the four read-only actions, each once', async () => {
    await seedApi(moto());
    await discover();
    // The proxy says `elb` where IAM says `elasticloadbalancing`.
    const sent = proxy().requests.map((r) => r.api.replace(/^elb:/, 'elasticloadbalancing:'));
    expect(new Set(sent)).toEqual(new Set(DISCOVERY_ACTIONS));
    expect(sent).toHaveLength(4);
  });

  it('a service without a load balancer: no target groups, and no DescribeTargetGroups call', async () => {
    const d = await discover({ cluster: 'prod', service: 'web' });
    expect(d).toMatchObject({ taskDefinition: { family: 'web', revision: 3 }, logGroup: '/ecs/web', targetGroups: [] });
    // seedWorld's alarms have no dimensions: their names start with "web", but nothing says they are its.
    expect(d.alarms).toEqual([]);
    expect(proxy().requests.map((r) => r.api)).not.toContain('elb:DescribeTargetGroups');
  });

  // moto answers DescribeAlarms in one page whatever MaxRecords says: the proxy serves a first page
  // with a NextToken, and moto's answer becomes the second.
  it('follows DescribeAlarms pages', async () => {
    await seedApi(moto());
    const page = {
      MetricAlarms: [{ AlarmName: 'api-on-page-1', Dimensions: [{ Name: 'ServiceName', Value: 'api' }] }],
      NextToken: 'p2',
    };
    proxy().setFaults([
      {
        api: 'DescribeAlarms',
        times: 1,
        action: {
          kind: 'status',
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.0' },
          body: JSON.stringify(page),
        },
      },
    ]);
    const d = await discover();
    expect(d.alarms.map((a) => a.name)).toEqual([
      'api-cpu-high',
      'api-error-rate',
      'api-memory-any-cluster',
      'api-on-page-1',
      'api-tg-5xx',
    ]);
    expect(proxy().requests.filter((r) => r.api === 'cloudwatch:DescribeAlarms')).toHaveLength(2);
  });

  it('a missing service, a deleted one and a missing cluster are one clear line each', async () => {
    await expect(discover({ cluster: 'prod', service: 'nope' })).rejects.toThrow(
      /^service nope not found in cluster prod \(ecs:DescribeServices\)$/,
    );
    await expect(discover({ cluster: 'nope', service: 'web' })).rejects.toThrow(
      /^cluster nope not found \(ecs:DescribeServices\)$/,
    );
    await awsClients(moto()).ecs.send(new DeleteServiceCommand({ cluster: 'prod', service: 'web', force: true }));
    await expect(discover({ cluster: 'prod', service: 'web' })).rejects.toThrow(
      'service web not found in cluster prod',
    );
  });

  it('a denied call names its IAM action; refused credentials are a CredentialsError', async () => {
    await seedApi(moto());
    const denied = (headers: Record<string, string>) => ({
      kind: 'status' as const,
      status: 400,
      headers,
      body: JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized' }),
    });
    const json = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'AccessDenied;Sender' };
    proxy().setFaults([{ api: 'DescribeAlarms', action: denied(json) }]);
    await expect(discover()).rejects.toThrow(
      'cloudwatch:DescribeAlarms: access denied — the IAM policy needs cloudwatch:DescribeAlarms (see README)',
    );
    proxy().setFaults([
      { api: 'DescribeTaskDefinition', action: denied({ 'content-type': 'application/x-amz-json-1.1' }) },
    ]);
    await expect(discover()).rejects.toThrow('the IAM policy needs ecs:DescribeTaskDefinition');
    const expired = {
      __type: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
    };
    proxy().setFaults([{ api: /^ecs:/, action: { kind: 'status', status: 400, body: JSON.stringify(expired) } }]);
    const e = await discover().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CredentialsError);
    expect((e as Error).message).toMatch(/^AWS credentials missing or expired: run aws sso login/);
  });
});

// `shipwatch init`: what can be learnt about one service through four read-only calls —
// ecs:DescribeServices, ecs:DescribeTaskDefinition, elasticloadbalancing:DescribeTargetGroups and
// cloudwatch:DescribeAlarms — so the config entry it writes names the real log group and alarms.
// Nothing here changes AWS; test/integration/discover.test.ts checks the actions sent.
import { paginateDescribeAlarms, type CloudWatchClient, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DiscoveredAlarm, DiscoveredContainer, DiscoveredTargetGroup, Discovery } from '../../domain/discovery.js';
import { CredentialsError } from '../../domain/errors.js';
import { describeAwsError, isCredentialsProblem } from './awsErrors.js';
import type { AwsClients } from './clients.js';
import { mapTaskDefinition } from './ecsTaskDefMap.js';
import { elbDimensions, targetGroupName } from './metricQueries.js';

export interface DiscoverTarget {
  cluster: string;
  service: string;
  /** Named in the "aws sso login --profile …" hint of a credentials error. */
  profile?: string;
}

export const DISCOVERY_ACTIONS = [
  'ecs:DescribeServices',
  'ecs:DescribeTaskDefinition',
  'elasticloadbalancing:DescribeTargetGroups',
  'cloudwatch:DescribeAlarms',
] as const;
type Action = (typeof DISCOVERY_ACTIONS)[number];

/**
 * One SDK call; its failure becomes one line naming the IAM action, and refused credentials a
 * CredentialsError (exit 3), as the dashboard's reads do (index.ts).
 */
async function call<T>(action: Action, t: DiscoverTarget, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    // The dashboard's wording says what its poller does next ("retrying", "backing off"); init does neither.
    const line = describeAwsError(e, action, t.profile).replace(/, (retrying|backing off)\b/, '');
    throw isCredentialsProblem(e) ? new CredentialsError(line, { cause: e }) : new Error(line, { cause: e });
  }
}

async function describeService(ecs: ECSClient, t: DiscoverTarget, signal: AbortSignal): Promise<Service> {
  const ask = new DescribeServicesCommand({ cluster: t.cluster, services: [t.service] });
  const out = await call('ecs:DescribeServices', t, () => ecs.send(ask, { abortSignal: signal })).catch((e: Error) => {
    if ((e.cause as { name?: string } | undefined)?.name !== 'ClusterNotFoundException') throw e;
    throw new Error(`cluster ${t.cluster} not found (ecs:DescribeServices)`, { cause: e.cause });
  });
  const svc = out.services?.[0];
  // MISSING in failures, or a deleted service (ECS still describes it as INACTIVE for a while).
  if (!svc || svc.status === 'INACTIVE') {
    const f = out.failures?.[0];
    const why = f?.reason && f.reason !== 'MISSING' ? ` (${f.reason}${f.detail ? `: ${f.detail}` : ''})` : '';
    throw new Error(`service ${t.service} not found in cluster ${t.cluster}${why} (ecs:DescribeServices)`);
  }
  return svc;
}

async function describeTaskDefinition(ecs: ECSClient, t: DiscoverTarget, ref: string, signal: AbortSignal) {
  const out = await call('ecs:DescribeTaskDefinition', t, () =>
    ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }), { abortSignal: signal }),
  );
  const containers = (out.taskDefinition?.containerDefinitions ?? []).map((c, i): DiscoveredContainer => ({
    name: c.name ?? `container-${i + 1}`,
    logDriver: c.logConfiguration?.logDriver,
    logGroup: c.logConfiguration?.options?.['awslogs-group'],
    logRegion: c.logConfiguration?.options?.['awslogs-region'],
  }));
  // The dashboard's own rule for which group it follows (ecsTaskDefMap.ts), so the entry names that one.
  const info = mapTaskDefinition(out.taskDefinition);
  return { ref: info && { family: info.family, revision: info.revision }, logGroup: info?.logGroup, containers };
}

/** `arn:…:targetgroup/<name>/<id>` → `targetgroup/<name>/<id>`, the TargetGroup dimension of ALB and NLB metrics. */
const tgDimension = (arn: string): string | undefined => /:(targetgroup\/[^/]+\/[^/]+)$/.exec(arn)?.[1];

async function describeTargetGroups(
  elb: ElasticLoadBalancingV2Client,
  t: DiscoverTarget,
  arns: string[],
  signal: AbortSignal,
): Promise<DiscoveredTargetGroup[]> {
  if (!arns.length) return [];
  const out = await call('elasticloadbalancing:DescribeTargetGroups', t, () =>
    elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }), { abortSignal: signal }),
  );
  const byArn = new Map((out.TargetGroups ?? []).map((g) => [g.TargetGroupArn ?? '', g]));
  return arns.map((arn) => {
    const g = byArn.get(arn);
    const dims = elbDimensions(arn, g?.LoadBalancerArns?.[0] ?? '');
    return {
      arn,
      name: g?.TargetGroupName ?? targetGroupName(arn) ?? arn,
      dimension: dims?.TargetGroup ?? tgDimension(arn),
      loadBalancer: dims?.LoadBalancer,
    };
  });
}

type Dims = Record<string, string>;

/** Each metric an alarm reads: its own (a plain metric alarm), or each query's of a metric-math alarm. */
function dimensionSets(a: MetricAlarm): Dims[] {
  const toDims = (d: MetricAlarm['Dimensions']): Dims =>
    Object.fromEntries((d ?? []).map((x) => [x.Name ?? '', x.Value ?? '']));
  const own = a.Dimensions?.length ? [toDims(a.Dimensions)] : [];
  return [...own, ...(a.Metrics ?? []).flatMap((q) => (q.MetricStat ? [toDims(q.MetricStat.Metric?.Dimensions)] : []))];
}

/**
 * Why an alarm belongs to the service, or undefined. A ServiceName dimension must be the service's,
 * and a ClusterName beside it the cluster's (the same service name in another cluster is another
 * service); a TargetGroup dimension must be one of the service's target groups.
 */
function alarmMatch(a: MetricAlarm, t: DiscoverTarget, targetGroups: readonly string[]): string | undefined {
  const why = dimensionSets(a).flatMap((d) => {
    if (d.ServiceName === t.service && (d.ClusterName === undefined || d.ClusterName === t.cluster))
      return [`ServiceName=${d.ServiceName}${d.ClusterName ? `, ClusterName=${d.ClusterName}` : ''}`];
    return d.TargetGroup && targetGroups.includes(d.TargetGroup) ? [`TargetGroup=${d.TargetGroup}`] : [];
  });
  return why.length ? [...new Set(why)].join('; ') : undefined;
}

/** Every metric alarm of the region, page by page (no server-side filter can ask "by dimension"). */
async function metricAlarms(cw: CloudWatchClient, t: DiscoverTarget, signal: AbortSignal): Promise<MetricAlarm[]> {
  return call('cloudwatch:DescribeAlarms', t, async () => {
    const all: MetricAlarm[] = [];
    const pages = paginateDescribeAlarms(
      { client: cw, pageSize: 100 },
      { AlarmTypes: ['MetricAlarm'] },
      {
        abortSignal: signal,
      },
    );
    for await (const page of pages) all.push(...(page.MetricAlarms ?? []));
    return all;
  });
}

export async function discoverService(
  clients: Pick<AwsClients, 'ecs' | 'elb' | 'cloudwatch'>,
  t: DiscoverTarget,
  signal: AbortSignal,
): Promise<Discovery> {
  const svc = await describeService(clients.ecs, t, signal);
  const tgArns = [...new Set((svc.loadBalancers ?? []).flatMap((l) => (l.targetGroupArn ? [l.targetGroupArn] : [])))];
  // The three reads are independent once the service is known: sent together.
  const [taskDef, targetGroups, alarms] = await Promise.all([
    svc.taskDefinition ? describeTaskDefinition(clients.ecs, t, svc.taskDefinition, signal) : undefined,
    describeTargetGroups(clients.elb, t, tgArns, signal),
    metricAlarms(clients.cloudwatch, t, signal),
  ]);
  const dims = targetGroups.flatMap((g) => (g.dimension ? [g.dimension] : []));
  const matched = alarms.flatMap((a): DiscoveredAlarm[] => {
    const why = a.AlarmName ? alarmMatch(a, t, dims) : undefined;
    return why ? [{ name: a.AlarmName!, matched: why }] : [];
  });
  return {
    cluster: t.cluster,
    service: t.service,
    serviceArn: svc.serviceArn,
    status: svc.status ?? 'UNKNOWN',
    taskDefinition: taskDef?.ref,
    logGroup: taskDef?.logGroup,
    containers: taskDef?.containers ?? [],
    targetGroups,
    alarms: matched.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

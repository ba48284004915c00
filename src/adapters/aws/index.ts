// src/adapters/aws — the AWS adapter: SDK calls mapped to domain types, one file per service (ecs*,
// alarms, metrics, logFollower/liveTail, cost, identity), errors that name the IAM action. Imports
// domain only; the only folder that imports the AWS SDK. The CLI loads it when a target is given.
//
// The AWS adapter: the Backend port over the SDK. Each read names the IAM action it needs when it
// fails, so a pane can say what is missing while the others keep working.
import { STSClient } from '@aws-sdk/client-sts';
import { CredentialsError, UsageError } from '../../domain/errors.js';
import type {
  Backend,
  LogPage,
  LogsQuery,
  LogWindow,
  LogWindowQuery,
  MetricsQuery,
  Target,
} from '../../domain/backend.js';
import type {
  ContainerImage,
  Identity,
  PinResult,
  RollbackRequest,
  ServiceLoadBalancer,
  ServiceSnapshot,
  TaskDefRef,
} from '../../domain/model.js';
import type { TargetGroupHealth, TasksPage } from '../../domain/tasks.js';
import { fetchAlarmHistory, HISTORY_ACTION } from './alarmHistory.js';
import { fetchAlarms } from './alarms.js';
import { createClients, destroyClients, type AwsClients } from './clients.js';
import { CostReader } from './cost.js';
import { EcsReader } from './ecs.js';
import { pinImages } from './ecsTaskDefs.js';
import type { MutationTiming } from './sendOnce.js';
import { describeAwsError, isCredentialsProblem } from './awsErrors.js';
import { getIdentity } from './identity.js';
import { LogFollower } from './logFollower.js';
import { readLogWindow } from './logWindow.js';
import { MetricsReader, type ExtraMetric } from './metrics.js';
import { readTargetHealth } from './targetHealth.js';
import { TaskReader } from './tasks.js';

/** What the adapter is told to watch; the CLI fills it from the resolved settings. */
export interface AwsBackendOptions {
  cluster: string;
  service: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /** Else the serving task definition's awslogs group. */
  logGroup?: string;
  logFilterPattern?: string;
  /** Live Tail instead of polling FilterLogEvents: opt-in, $0.01 per session-minute. */
  liveTail: boolean;
  alarms: { prefix?: string; names?: string[] };
  metrics: ExtraMetric[];
  expectedDaily?: { min: number; max: number };
  thresholds?: Partial<Record<string, number>>;
  watchWindowMs: number;
  cacheDir?: string;
  /** Deadline of a rollback or pin call and the read-back after a lost answer (tests shrink them). */
  mutation?: MutationTiming;
}

const isSdkError = (e: unknown): boolean => typeof e === 'object' && e !== null && '$metadata' in e;

/**
 * SDK errors become one line naming the IAM action; errors already explained pass through, except
 * that refused credentials, however deep the reader wrapped them, become a CredentialsError: the
 * first read's answer is the credentials check (no separate call is awaited before it).
 */
async function explain<T>(action: string, profile: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const sdk = !isSdkError(e) && e instanceof Error && e.cause !== undefined ? e.cause : e;
    if (!(e instanceof CredentialsError) && isCredentialsProblem(sdk))
      throw new CredentialsError(describeAwsError(sdk, action, profile), { cause: sdk });
    if (isSdkError(e)) throw new Error(describeAwsError(e, action, profile), { cause: e });
    throw e;
  }
}

export class AwsBackend implements Backend {
  readonly kind = 'aws' as const;
  readonly target: Target;
  readonly watchWindowMs: number;
  private readonly ecs: EcsReader;
  private readonly metrics: MetricsReader;
  private cost?: Promise<CostReader>;
  private follower?: LogFollower;
  private identity?: Promise<Identity>;

  constructor(
    private readonly clients: AwsClients,
    private readonly o: AwsBackendOptions & { region: string },
  ) {
    this.target = { cluster: o.cluster, service: o.service, region: o.region };
    this.watchWindowMs = o.watchWindowMs;
    this.ecs = new EcsReader(clients.ecs, o.cluster, o.service, { profile: o.profile, mutation: o.mutation });
    this.metrics = new MetricsReader(clients.cloudwatch, clients.elb, {
      cluster: o.cluster,
      service: o.service,
      extra: o.metrics,
      thresholds: o.thresholds,
      windowMs: o.watchWindowMs,
    });
  }

  /** Keyed by the account STS names: one profile (or one set of env credentials) can reach
   *  several accounts, and a cached summary must never show one account's cost for another's. */
  private costReader(signal: AbortSignal): Promise<CostReader> {
    if (this.cost) return this.cost;
    const reader = this.getIdentity(signal).then(
      (id) =>
        new CostReader(this.clients.costExplorer, {
          expectedDaily: this.o.expectedDaily,
          cacheDir: this.o.cacheDir,
          cacheKey: `${id.account}-${this.o.profile ?? 'default'}@${this.o.endpointUrl ?? 'aws'}`,
        }),
    );
    // A failed identity is asked again on the next poll, not remembered.
    reader.catch(() => {
      if (this.cost === reader) this.cost = undefined;
    });
    this.cost = reader;
    return reader;
  }

  now = (): number => Date.now();

  /** Asked once and kept: the credentials check, the identity source and the cost cache's key share one answer. */
  getIdentity(signal: AbortSignal): Promise<Identity> {
    if (this.identity) return this.identity;
    const asked = explain('sts:GetCallerIdentity', this.o.profile, () =>
      getIdentity(this.clients.sts, this.o.region, signal),
    );
    // A failure is asked again next time, not remembered.
    asked.catch(() => {
      if (this.identity === asked) this.identity = undefined;
    });
    this.identity = asked;
    return asked;
  }

  getService(signal: AbortSignal): Promise<ServiceSnapshot> {
    return explain('ecs:DescribeServices', this.o.profile, () => this.ecs.getService(signal));
  }

  getAlarms(signal: AbortSignal) {
    return explain('cloudwatch:DescribeAlarms', this.o.profile, () =>
      fetchAlarms(this.clients.cloudwatch, this.o.alarms, signal),
    );
  }

  getMetrics(query: MetricsQuery, signal: AbortSignal) {
    return explain('cloudwatch:GetMetricData', this.o.profile, () =>
      this.metrics.get(query.releaseStart, query.loadBalancers, signal),
    );
  }

  getCost(signal: AbortSignal) {
    return explain('ce:GetCostAndUsage', this.o.profile, async () => (await this.costReader(signal)).get(signal));
  }

  async getLogs(query: LogsQuery, signal: AbortSignal): Promise<LogPage> {
    const follower = (this.follower ??= this.startFollowing(query));
    const events = await explain('logs:FilterLogEvents', this.o.profile, () => follower.poll(signal));
    return {
      events,
      follow: { mode: follower.mode === 'live' ? 'live-tail' : 'polling', note: follower.liveTailNote },
    };
  }

  /** The log group from config, else from the serving task definition's awslogs options. */
  private logGroupOf(query: LogsQuery): string {
    const group = this.o.logGroup ?? query.logGroup;
    if (!group)
      throw new Error('no log group: the task definition has no awslogs log configuration; set logGroup in the config');
    return group;
  }

  private startFollowing(query: LogsQuery): LogFollower {
    return new LogFollower(this.clients.logs, {
      logGroup: this.logGroupOf(query),
      filterPattern: this.o.logFilterPattern,
      liveTail: this.o.liveTail,
    });
  }

  /** Read once, paced at 2 requests/s beside the follower's polls (logWindow.ts). */
  getLogWindow(query: LogWindowQuery, signal: AbortSignal): Promise<LogWindow> {
    return explain('logs:FilterLogEvents', this.o.profile, () =>
      readLogWindow(
        this.clients.logs,
        query,
        { logGroup: this.logGroupOf(query), filterPattern: this.o.logFilterPattern },
        signal,
      ),
    );
  }
  /** Built on first use, like the other readers. */
  private taskReader?: TaskReader;
  /** ListTasks names the read; DescribeTasks' failures name themselves (tasks.ts); Container Insights never fails it. */
  getTasks(signal: AbortSignal): Promise<TasksPage> {
    const reader = (this.taskReader ??= new TaskReader(
      this.clients.ecs,
      this.clients.cloudwatch,
      this.o.cluster,
      this.o.service,
      { profile: this.o.profile },
    ));
    return explain('ecs:ListTasks', this.o.profile, () => reader.read(signal));
  }
  getTargetHealth(loadBalancers: ServiceLoadBalancer[], signal: AbortSignal): Promise<TargetGroupHealth[]> {
    return explain('elasticloadbalancing:DescribeTargetHealth', this.o.profile, () =>
      readTargetHealth(this.clients.elb, loadBalancers, signal),
    );
  }
  getAlarmHistory(name: string, since: number, signal: AbortSignal) {
    return explain(HISTORY_ACTION, this.o.profile, () =>
      fetchAlarmHistory(this.clients.cloudwatch, name, since, signal),
    );
  }

  /** Sent once; a lost answer is read back. Its errors are MutationErrors that already name the action. */
  rollback(request: RollbackRequest) {
    return this.ecs.rollback(request);
  }

  /** Changes AWS (a new task-definition revision); called only after the user confirmed. Sent once, never retried. */
  pinImages(ref: TaskDefRef, images: ContainerImage[]): Promise<PinResult> {
    return pinImages(this.clients.ecs, ref, images, { profile: this.o.profile, mutation: this.o.mutation });
  }

  close(): void {
    this.follower?.close();
    destroyClients(this.clients);
  }
}

/** The region the way the SDK finds it (flag, AWS_REGION, the profile), or one clear line. */
async function resolveRegion(o: AwsBackendOptions): Promise<string> {
  if (o.region) return o.region;
  const probe = new STSClient({ profile: o.profile });
  try {
    const region = await probe.config.region();
    if (region) return region;
  } catch {
    // no region anywhere: said below
  } finally {
    probe.destroy();
  }
  throw new UsageError(
    `no AWS region: pass --region, set AWS_REGION, or set region in ${o.profile ? `profile ${o.profile}` : 'your AWS profile'}`,
  );
}

export async function createAwsBackend(o: AwsBackendOptions): Promise<AwsBackend> {
  const region = await resolveRegion(o);
  return new AwsBackend(createClients({ region, profile: o.profile, endpoint: o.endpointUrl }), { ...o, region });
}

import type {
  Alarm,
  AlarmTransition,
  ContainerImage,
  CostSummary,
  Identity,
  LogEvent,
  MetricSeries,
  PinResult,
  RollbackRequest,
  RollbackResult,
  ServiceLoadBalancer,
  ServiceSnapshot,
  TaskDefRef,
} from './model.js';
import type { TargetGroupHealth, TasksPage } from './tasks.js';

/** Where the app looks; fixed for the life of a backend. */
export interface Target {
  cluster: string;
  service: string;
  region: string;
}

/** What the metrics read needs from the app's view of the release. */
export interface MetricsQuery {
  /** T+0: the window starts here, the baseline ends here. */
  releaseStart: number;
  /** The service's target groups, for the load balancer series' dimensions. */
  loadBalancers: ServiceLoadBalancer[];
}

/** What the log follower needs to know where to read. */
export interface LogsQuery {
  /** The serving task definition's awslogs group; a configured group wins over it. */
  logGroup?: string;
}

/** How the adapter follows the logs, for the Logs pane's status line. */
export interface LogFollow {
  mode: 'live-tail' | 'polling' | 'simulated';
  /** Why it is in this mode when that is not the plan (e.g. Live Tail refused, so polling). */
  note?: string;
}

export interface LogPage {
  events: LogEvent[];
  follow: LogFollow;
}

/** A bounded read of a past stretch of the logs (the error-signature baseline before T+0). */
export interface LogWindowQuery extends LogsQuery {
  from: number;
  to: number;
  /** Error-ish lines only (the backend may still return others; callers filter again). */
  errorsOnly: boolean;
  /** Stop after this many events; the result says it was cut. */
  maxEvents: number;
}

export interface LogWindow {
  events: LogEvent[];
  /** Stopped at maxEvents or at the page budget before reaching `to`. */
  truncated: boolean;
  /** Requests it took, for the bench's request count and the status line. */
  requests: number;
}

/**
 * The port: everything the app needs from a cloud, read and act.
 * The demo world and the AWS adapter both implement it; nothing above src/adapters knows which is used.
 * Every read takes an AbortSignal so the poller can cancel it.
 */
export interface Backend {
  readonly kind: 'demo' | 'aws';
  readonly target: Target;
  /** Length of the watch window after the release starts, ms. */
  readonly watchWindowMs: number;
  /** The backend's clock (the demo's runs faster than wall time). */
  now(): number;
  getIdentity(signal: AbortSignal): Promise<Identity>;
  getService(signal: AbortSignal): Promise<ServiceSnapshot>;
  getAlarms(signal: AbortSignal): Promise<Alarm[]>;
  /** Series over the watch window starting at the release, with a baseline from before it. */
  getMetrics(query: MetricsQuery, signal: AbortSignal): Promise<MetricSeries[]>;
  getCost(signal: AbortSignal): Promise<CostSummary>;
  /** Log events new since the last call; the backend keeps its place in the stream (the first call starts the follow). */
  getLogs(query: LogsQuery, signal: AbortSignal): Promise<LogPage>;
  /** A past stretch of the logs, read once, paged and paced within the FilterLogEvents budget. */
  getLogWindow(query: LogWindowQuery, signal: AbortSignal): Promise<LogWindow>;
  /** Running and recently stopped tasks of the service. */
  getTasks(signal: AbortSignal): Promise<TasksPage>;
  /** Health of every target in each of the service's target groups. */
  getTargetHealth(loadBalancers: ServiceLoadBalancer[], signal: AbortSignal): Promise<TargetGroupHealth[]>;
  /** An alarm's state changes since `since`, newest first (read when its detail view opens). */
  getAlarmHistory(name: string, since: number, signal: AbortSignal): Promise<AlarmTransition[]>;
  /**
   * Changes production. Only ever called after the user confirmed, and sent once: a failure that may
   * have reached AWS is a MutationError (domain/errors.ts) saying whether it took effect; any other
   * error means nothing was sent.
   */
  rollback(request: RollbackRequest): Promise<RollbackResult>;
  /**
   * Registers a new revision of ref's family copied from ref, each named container's image replaced by
   * image@digest; changes AWS, only ever called after the user confirmed. Sent once, failing as rollback does.
   */
  pinImages(ref: TaskDefRef, images: ContainerImage[]): Promise<PinResult>;
  /** Stop timers, close connections. */
  close(): void;
}

/** Polling intervals in backend-clock-independent wall milliseconds. */
export interface PollIntervals {
  service: number;
  alarms: number;
  metrics: number;
  cost: number;
  logs: number;
  /** The Tasks view's list (ListTasks/DescribeTasks, free). */
  tasks: number;
  /** Target health of the service's target groups (DescribeTargetHealth, free). */
  targets: number;
}

import type {
  Alarm,
  CostSummary,
  Identity,
  LogEvent,
  MetricSeries,
  RollbackRequest,
  RollbackResult,
  ServiceSnapshot,
} from './model.js';

/** Where the app looks; fixed for the life of a backend. */
export interface Target {
  cluster: string;
  service: string;
  region: string;
}

export interface LogPage {
  events: LogEvent[];
  /** Opaque; pass back on the next call. */
  cursor: unknown;
}

/**
 * The port: everything the app needs from a cloud, read and act.
 * The demo world and the AWS adapter both implement it; nothing above src/data knows which is used.
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
  /** Series over the watch window starting at releaseStart, with a baseline from before it. */
  getMetrics(releaseStart: number, signal: AbortSignal): Promise<MetricSeries[]>;
  getCost(signal: AbortSignal): Promise<CostSummary>;
  /** New log events since cursor (undefined: start of the follow). */
  getLogs(cursor: unknown, signal: AbortSignal): Promise<LogPage>;
  /** Changes production. Only ever called after the user confirmed. */
  rollback(request: RollbackRequest): Promise<RollbackResult>;
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
}

// A Backend whose world the test sets directly: for component tests that need exact states.
import type { Backend, LogPage, LogsQuery, LogWindow, MetricsQuery } from '../../src/domain/backend.js';
import type { TargetGroupHealth, TasksPage } from '../../src/domain/tasks.js';
import type {
  Alarm,
  AlarmTransition,
  ContainerImage,
  CostSummary,
  LogEvent,
  MetricSeries,
  RollbackRequest,
  ServiceSnapshot,
  TaskDefRef,
} from '../../src/domain/model.js';
import { service } from './service.js';

export interface FakeWorld {
  service: ServiceSnapshot;
  alarms: Alarm[];
  metrics: MetricSeries[];
  cost: CostSummary;
  logs: LogEvent[];
  /** What getLogWindow answers (filtered by its from/to). */
  pastLogs?: LogEvent[];
  tasks?: TasksPage;
  targetHealth?: TargetGroupHealth[];
  alarmHistory?: Record<string, AlarmTransition[]>;
  failRollback?: string;
  failPin?: string;
}

export class FakeBackend implements Backend {
  readonly kind = 'demo' as const;
  readonly target = { cluster: 'demo', service: 'web', region: 'us-east-1' };
  readonly watchWindowMs = 2 * 60 * 60_000;
  readonly rollbacks: RollbackRequest[] = [];
  readonly pins: { ref: TaskDefRef; images: ContainerImage[] }[] = [];
  clock = 1_000_000 + 5 * 60_000;
  world: FakeWorld = {
    service: service(42, [40, 41, 42]),
    alarms: [],
    metrics: [],
    cost: {
      currency: 'USD',
      days: [{ date: '2026-11-23', total: 1.2, byService: [] }],
      monthToDate: 30,
      expectedDaily: { min: 1.5, max: 2 },
    },
    logs: [],
  };

  constructor(over: Partial<FakeWorld> = {}) {
    Object.assign(this.world, over);
  }
  now = () => this.clock;
  getIdentity = async () => ({
    account: '123456789012',
    arn: 'arn:aws:sts::123456789012:assumed-role/oncall/me',
    region: 'us-east-1',
  });
  getService = async () => this.world.service;
  getAlarms = async () => this.world.alarms;
  getMetrics = async (_query?: MetricsQuery) => this.world.metrics;
  getCost = async () => this.world.cost;
  private logsRead = 0;
  async getLogs(_query?: LogsQuery): Promise<LogPage> {
    const events = this.world.logs.slice(this.logsRead);
    this.logsRead = this.world.logs.length;
    return { events, follow: { mode: 'polling' } };
  }
  async getLogWindow(q: { from: number; to: number; maxEvents: number }): Promise<LogWindow> {
    const within = (this.world.pastLogs ?? []).filter((e) => e.timestamp >= q.from && e.timestamp < q.to);
    return { events: within.slice(0, q.maxEvents), truncated: within.length > q.maxEvents, requests: 1 };
  }
  getTasks = async (): Promise<TasksPage> => this.world.tasks ?? { tasks: [], insights: false };
  getTargetHealth = async (): Promise<TargetGroupHealth[]> => this.world.targetHealth ?? [];
  getAlarmHistory = async (name: string): Promise<AlarmTransition[]> => this.world.alarmHistory?.[name] ?? [];
  async rollback(request: RollbackRequest) {
    this.rollbacks.push(request);
    if (this.world.failRollback) throw new Error(this.world.failRollback);
    return { method: request.method };
  }
  /** Records the call; the new revision is ref's + 100, so a test can tell it from any seeded one. */
  async pinImages(ref: TaskDefRef, images: ContainerImage[]): Promise<TaskDefRef> {
    this.pins.push({ ref, images });
    if (this.world.failPin) throw new Error(this.world.failPin);
    return { family: ref.family, revision: ref.revision + 100 };
  }
  close() {}
}

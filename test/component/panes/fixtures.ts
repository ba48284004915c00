// Small builders for pane tests: each returns a complete, plausible object with overrides.
import { stripVTControlCharacters } from 'node:util';
import { expect } from 'vitest';
import type {
  Alarm,
  CostSummary,
  Deployment,
  LogEvent,
  MetricSeries,
  ServiceSnapshot,
} from '../../../src/domain/model.js';
import type { LogView, Slice } from '../../../src/app/state.js';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
export const MIN = 60_000;

export const ok = <T>(data: T): Slice<T> => ({ data, status: 'ok', updatedAt: NOW });
export const loading = <T>(): Slice<T> => ({ status: 'loading' });
export const failed = <T>(error: string): Slice<T> => ({ status: 'error', error, failedAt: NOW });

export const deployment = (o: Partial<Deployment> = {}): Deployment => ({
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinition: { family: 'web', revision: 42 },
  imageTags: ['v1.4.0'],
  desired: 3,
  running: 2,
  pending: 1,
  failed: 0,
  rolloutState: 'IN_PROGRESS',
  createdAt: NOW - 4 * MIN - 12_000,
  updatedAt: NOW - MIN,
  ...o,
});

export const snapshot = (o: Partial<ServiceSnapshot> = {}): ServiceSnapshot => ({
  cluster: 'prod',
  service: 'web',
  status: 'ACTIVE',
  desired: 3,
  running: 4,
  pending: 1,
  deployments: [
    deployment(),
    deployment({
      id: 'ecs-svc/0',
      status: 'ACTIVE',
      taskDefinition: { family: 'web', revision: 41 },
      imageTags: ['v1.3.6'],
      desired: 1,
      running: 1,
      pending: 0,
      rolloutState: 'COMPLETED',
      createdAt: NOW - 26 * 60 * MIN,
    }),
  ],
  events: [],
  stoppedTasks: [],
  serviceDeployments: [],
  serviceDeploymentsAvailable: true,
  taskDefinitions: {},
  familyRevisions: [],
  hasLoadBalancer: true,
  ...o,
});

export const alarm = (name: string, state: Alarm['state'], agoMs = 5 * MIN, reason = 'Threshold Crossed'): Alarm => ({
  name,
  kind: 'metric',
  state,
  reason,
  stateUpdatedAt: NOW - agoMs,
});

export const series = (o: Partial<MetricSeries> & Pick<MetricSeries, 'id'>): MetricSeries => ({
  label: o.id,
  unit: 'count',
  points: [1, 2, 3, 4].map((v, i) => ({ t: NOW - (4 - i) * MIN, v })),
  ...o,
});

export const costSummary = (o: Partial<CostSummary> = {}): CostSummary => ({
  currency: 'USD',
  days: ['2025-01-09', '2025-01-10', '2025-01-11', '2025-01-12', '2025-01-13', '2025-01-14', '2025-01-15'].map(
    (date, i) => ({
      date,
      total: i === 6 ? 1.62 : 1.8,
      byService: [
        { service: 'Amazon Elastic Container Service', amount: i === 6 ? 1.0 : 1.2 },
        { service: 'AmazonCloudWatch', amount: 0.4 },
        { service: 'AWS Secrets Manager', amount: i === 6 ? 0.22 : 0.2 },
      ],
    }),
  ),
  monthToDate: 27.3,
  forecastMonth: 55.1,
  expectedDaily: { min: 1.5, max: 2.0 },
  ...o,
});

export const logEvent = (i: number, o: Partial<LogEvent> = {}): LogEvent => ({
  id: `e${i}`,
  timestamp: NOW + i * 1000,
  stream: 'ecs/web/0f3c1a2b9d8e4f00aa11bb22cc33dd44',
  message: `line ${i}`,
  level: 'INFO',
  ...o,
});

export const view = (o: Partial<LogView> = {}): LogView => ({
  paused: false,
  errorsOnly: false,
  filter: '',
  scrollBack: 0,
  ...o,
});

/** The frame as plain rows; colour codes, if any, removed. */
export const rowsOf = (frame: string | undefined): string[] => stripVTControlCharacters(frame ?? '').split('\n');

/** Every row fits the box: the single property that keeps the layout intact. */
export function expectFits(frame: string | undefined, width: number, height: number): void {
  const rows = rowsOf(frame);
  expect(rows.length).toBeLessThanOrEqual(height);
  for (const r of rows) expect([...r].length, r).toBeLessThanOrEqual(width);
}

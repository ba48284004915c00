// CostReader with a mocked Cost Explorer: request plans, pagination, the forecast paths moto cannot
// serve, and the UTC-day rule of the cache.
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CostReader, planCostRequests } from '../../src/adapters/aws/cost.js';

const signal = new AbortController().signal;
const ce = new CostExplorerClient({ region: 'us-east-1' });
const mock = mockClient(ce);
let dir: string;
beforeEach(async () => {
  mock.reset();
  dir = await mkdtemp(join(tmpdir(), 'shipwatch-cost-unit-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const at = (iso: string) => () => Date.parse(iso);
const reader = (now: () => number) => new CostReader(ce, { cacheDir: dir, cacheKey: 'k', now });

/** One day's result, grouped by service. */
const day = (date: string, services: Record<string, number>): ResultByTime => ({
  TimePeriod: { Start: date, End: '' },
  Total: {},
  Groups: Object.entries(services).map(([k, v]) => ({
    Keys: [k],
    Metrics: { UnblendedCost: { Amount: String(v), Unit: 'USD' } },
  })),
});

describe('planCostRequests', () => {
  it('asks from the 1st when the 7 days miss it, to tomorrow (End exclusive), forecast to next month', () => {
    const p = planCostRequests(Date.parse('2025-12-20T23:59:00Z'));
    expect(p.usage).toEqual({
      TimePeriod: { Start: '2025-12-01', End: '2025-12-21' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    });
    expect(p.forecast).toEqual({
      TimePeriod: { Start: '2025-12-20', End: '2026-01-01' },
      Metric: 'UNBLENDED_COST',
      Granularity: 'MONTHLY',
    });
  });

  it('asks from 6 days ago when that reaches back before the 1st', () => {
    expect(planCostRequests(Date.parse('2024-03-02T00:00:00Z')).usage.TimePeriod).toEqual({
      Start: '2024-02-25',
      End: '2024-03-03',
    });
  });

  it('skips the forecast on the last day of the month', () => {
    expect(planCostRequests(Date.parse('2024-02-29T12:00:00Z')).forecast).toBeUndefined();
  });
});

describe('CostReader with a mocked Cost Explorer', () => {
  it('follows NextPageToken and merges a day split over pages', async () => {
    mock
      .on(GetCostAndUsageCommand)
      .resolves({
        ResultsByTime: [day('2025-03-19', { ECS: 1 }), day('2025-03-20', { ECS: 0.5 })],
        NextPageToken: 'p2',
      })
      .on(GetCostAndUsageCommand, { NextPageToken: 'p2' })
      .resolves({ ResultsByTime: [day('2025-03-20', { S3: 0.75, Tax: 0 })] });
    mock
      .on(GetCostForecastCommand)
      .rejects(
        Object.assign(new Error('Insufficient amount of historical data'), { name: 'DataUnavailableException' }),
      );

    const s = await reader(at('2025-03-20T10:00:00Z')).get(signal);
    const sent = mock.commandCalls(GetCostAndUsageCommand).map((c) => c.args[0].input.NextPageToken);
    expect(sent).toEqual([undefined, 'p2']);
    expect(s.days).toHaveLength(7);
    expect(s.days[0]).toEqual({ date: '2025-03-14', total: 0, byService: [] });
    expect(s.days[6]).toEqual({
      date: '2025-03-20',
      total: 1.25,
      byService: [
        { service: 'S3', amount: 0.75 },
        { service: 'ECS', amount: 0.5 },
      ],
    });
    expect(s.monthToDate).toBe(2.25);
    expect(s.forecastMonth).toBeUndefined();
  });

  it('forecast month = actual up to yesterday + forecast from today to the month end', async () => {
    mock
      .on(GetCostAndUsageCommand)
      .resolves({ ResultsByTime: [day('2025-03-19', { ECS: 2 }), day('2025-03-20', { ECS: 0.4 })] });
    mock.on(GetCostForecastCommand).resolves({ Total: { Amount: '24.5', Unit: 'USD' } });
    const s = await reader(at('2025-03-20T10:00:00Z')).get(signal);
    expect(s.monthToDate).toBeCloseTo(2.4, 10);
    expect(s.forecastMonth).toBeCloseTo(2 + 24.5, 10); // today's partial 0.40 is inside the forecast
  });

  it('refetches after UTC midnight even within maxAgeMs: the 7 days moved', async () => {
    mock.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    let now = Date.parse('2025-03-20T23:50:00Z');
    const r = reader(() => now);
    await r.get(signal);
    await r.get(signal);
    expect(mock.commandCalls(GetCostAndUsageCommand)).toHaveLength(1);
    now += 20 * 60_000;
    expect((await r.get(signal)).days.at(-1)!.date).toBe('2025-03-21');
    expect(mock.commandCalls(GetCostAndUsageCommand)).toHaveLength(2);
  });

  it('passes an abort through instead of reporting "no forecast"', async () => {
    const ac = new AbortController();
    mock.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    mock.on(GetCostForecastCommand).callsFake(() => {
      ac.abort();
      throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    });
    await expect(reader(at('2025-03-20T10:00:00Z')).get(ac.signal)).rejects.toThrow('aborted');
  });
});

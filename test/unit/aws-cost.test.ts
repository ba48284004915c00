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

  it('after UTC midnight the cached days move into the new window without a request; the new day is 0 until the refresh', async () => {
    mock.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [day('2025-03-20', { ECS: 2 })] });
    mock.on(GetCostForecastCommand).resolves({ Total: { Amount: '20', Unit: 'USD' } });
    let now = Date.parse('2025-03-20T23:50:00Z');
    const r = reader(() => now);
    await r.get(signal);
    now += 20 * 60_000;
    const s = await r.get(signal);
    expect(s.days.at(-1)).toEqual({ date: '2025-03-21', total: 0, byService: [] });
    expect(s.days.at(-2)!.total).toBe(2);
    expect(s.forecastMonth).toBe(20); // yesterday's forecast covers the 20th on: still adds up
    expect(mock.calls()).toHaveLength(2);
    now = Date.parse('2025-03-20T23:50:00Z') + 6 * 3_600_000;
    await r.get(signal);
    expect(mock.commandCalls(GetCostAndUsageCommand)).toHaveLength(2);
    expect(mock.commandCalls(GetCostForecastCommand)).toHaveLength(1); // 24 h
  });

  it('a 2-hour watch polled every 30 s sends 2 requests, a restart within 6 h none', async () => {
    mock.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [day('2025-03-20', { ECS: 2 })] });
    mock.on(GetCostForecastCommand).resolves({ Total: { Amount: '20', Unit: 'USD' } });
    const t0 = Date.parse('2025-03-20T10:00:00Z');
    let now = t0;
    const r = reader(() => now);
    for (; now <= t0 + 2 * 3_600_000; now += 30_000) await r.get(signal);
    expect(mock.calls()).toHaveLength(2);
    const restarted = reader(() => t0 + 5 * 3_600_000);
    expect((await restarted.get(signal)).forecastMonth).toBe(20);
    expect(mock.calls()).toHaveLength(2);
  });

  it('a failed request is not sent again for 5 minutes: the same error is shown meanwhile', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });
    mock.on(GetCostAndUsageCommand).rejects(throttled);
    let now = Date.parse('2025-03-20T10:00:00Z');
    const r = reader(() => now);
    await expect(r.get(signal)).rejects.toBe(throttled);
    for (let i = 0; i < 9; i++) {
      now += 30_000; // the poller's capped backoff
      await expect(r.get(signal)).rejects.toBe(throttled);
    }
    expect(mock.calls()).toHaveLength(1);
    now += 30_000;
    mock.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    await r.get(signal);
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

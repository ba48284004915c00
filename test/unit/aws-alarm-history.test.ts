// DescribeAlarmHistory → the detail view's transitions. moto does not serve the API, so the answers
// here are shaped as the API reference shows them (AlarmHistoryItem; HistoryData is a JSON string).
import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  type AlarmHistoryItem,
  type DescribeAlarmHistoryCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchAlarmHistory, toTransition } from '../../src/adapters/aws/alarmHistory.js';

const cwMock = mockClient(CloudWatchClient);
const cw = new CloudWatchClient({ region: 'us-east-1' });
const signal = new AbortController().signal;
afterEach(() => cwMock.reset());

const T = (iso: string) => new Date(iso);
const data = (oldState: string, newState: string, reason: string) =>
  JSON.stringify({
    version: '1.0',
    oldState: {
      stateValue: oldState,
      stateReason: 'Threshold Crossed: 1 datapoint [0.0] was not greater than the threshold (5.0).',
    },
    newState: {
      stateValue: newState,
      stateReason: reason,
      stateReasonData: { version: '1.0', statistic: 'Sum', period: 60, recentDatapoints: [12.0], threshold: 5.0 },
    },
  });

const item = (at: string, from: string, to: string, reason: string): AlarmHistoryItem => ({
  AlarmName: 'web-5xx-high',
  AlarmType: 'MetricAlarm',
  Timestamp: T(at),
  HistoryItemType: 'StateUpdate',
  HistoryData: data(from, to, reason),
  HistorySummary: `Alarm updated from ${from} to ${to}`,
});

describe('toTransition', () => {
  it('reads the states and the new reason from HistoryData', () => {
    expect(toTransition(item('2026-03-02T14:07:00Z', 'OK', 'ALARM', 'Threshold Crossed: 1 datapoint [12.0]'))).toEqual({
      at: Date.parse('2026-03-02T14:07:00Z'),
      from: 'OK',
      to: 'ALARM',
      reason: 'Threshold Crossed: 1 datapoint [12.0]',
    });
  });

  it('falls back to HistorySummary when HistoryData is absent or cut off', () => {
    const cut = {
      ...item('2026-03-02T14:07:00Z', 'OK', 'ALARM', 'x'),
      HistoryData: '{"version":"1.0","oldState":{"stat',
    };
    const absent = { ...cut, HistoryData: undefined, HistorySummary: 'Alarm updated from ALARM to INSUFFICIENT_DATA' };
    expect(toTransition(cut)).toEqual({
      at: Date.parse('2026-03-02T14:07:00Z'),
      from: 'OK',
      to: 'ALARM',
      reason: 'Alarm updated from OK to ALARM',
    });
    expect(toTransition(absent)).toMatchObject({ from: 'ALARM', to: 'INSUFFICIENT_DATA' });
  });

  it('is no transition without a time or a state it changed to', () => {
    const base = item('2026-03-02T14:07:00Z', 'OK', 'ALARM', 'x');
    expect(toTransition({ ...base, Timestamp: undefined })).toBeUndefined();
    expect(
      toTransition({ ...base, HistoryData: '{}', HistorySummary: 'Alarm "web-5xx-high" created' }),
    ).toBeUndefined();
    expect(toTransition({ ...base, HistoryData: JSON.stringify({ newState: { stateValue: 'ALARM' } }) })).toEqual({
      at: Date.parse('2026-03-02T14:07:00Z'),
      from: 'OK', // from the summary: the data named no old state
      to: 'ALARM',
      reason: 'Alarm updated from OK to ALARM',
    });
  });
});

describe('fetchAlarmHistory', () => {
  it('asks for one alarm’s state updates since the moment, newest first, metric and composite alike', async () => {
    const inputs: DescribeAlarmHistoryCommandInput[] = [];
    cwMock.on(DescribeAlarmHistoryCommand).callsFake((input: DescribeAlarmHistoryCommandInput) => {
      inputs.push({ ...input });
      return {
        AlarmHistoryItems: [
          item('2026-03-02T14:07:00Z', 'OK', 'ALARM', 'up'),
          item('2026-03-02T14:21:00Z', 'ALARM', 'OK', 'down'),
        ],
      };
    });
    const since = Date.parse('2026-03-02T14:00:00Z');
    const out = await fetchAlarmHistory(cw, 'web-5xx-high', since, signal);
    expect(inputs).toEqual([
      {
        AlarmName: 'web-5xx-high',
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        HistoryItemType: 'StateUpdate',
        StartDate: new Date(since),
        ScanBy: 'TimestampDescending',
        MaxRecords: 100,
      },
    ]);
    expect(out.map((t) => [t.to, t.reason])).toEqual([
      ['OK', 'down'],
      ['ALARM', 'up'],
    ]);
  });

  it('follows NextToken but reads 3 pages at most', async () => {
    const tokens: (string | undefined)[] = [];
    cwMock.on(DescribeAlarmHistoryCommand).callsFake((input: DescribeAlarmHistoryCommandInput) => {
      tokens.push(input.NextToken);
      const n = tokens.length;
      return {
        AlarmHistoryItems: [item(`2026-03-02T14:${String(60 - n * 2).padStart(2, '0')}:00Z`, 'OK', 'ALARM', `p${n}`)],
        NextToken: `t${n}`,
      };
    });
    const out = await fetchAlarmHistory(cw, 'web-5xx-high', 0, signal);
    expect(tokens).toEqual([undefined, 't1', 't2']);
    expect(out.map((t) => t.reason)).toEqual(['p1', 'p2', 'p3']);
  });

  it('stops at 100 transitions', async () => {
    let calls = 0;
    cwMock.on(DescribeAlarmHistoryCommand).callsFake(() => {
      calls++;
      const items = Array.from({ length: 100 }, (_, i) =>
        item(new Date(Date.parse('2026-03-02T16:00:00Z') - (calls * 100 + i) * 1000).toISOString(), 'OK', 'ALARM', 'x'),
      );
      return { AlarmHistoryItems: items, NextToken: 'more' };
    });
    const out = await fetchAlarmHistory(cw, 'web-5xx-high', 0, signal);
    expect(calls).toBe(1);
    expect(out).toHaveLength(100);
  });

  it('turns an API the endpoint does not serve into one error naming cloudwatch:DescribeAlarmHistory', async () => {
    // What the SDK makes of moto's HTML 500.
    const unserved = Object.assign(
      new Error('Deserialization error: to see the raw response, inspect the hidden field'),
      {
        name: 'SyntaxError',
        $metadata: { httpStatusCode: 500 },
      },
    );
    cwMock.on(DescribeAlarmHistoryCommand).rejects(unserved);
    await expect(fetchAlarmHistory(cw, 'web-5xx-high', 0, signal)).rejects.toThrow(
      /^cloudwatch:DescribeAlarmHistory is not available at this endpoint/,
    );
  });

  it('leaves other failures to the backend to explain (access denied names the action there)', async () => {
    const denied = Object.assign(new Error('User is not authorized'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    cwMock.on(DescribeAlarmHistoryCommand).rejects(denied);
    await expect(fetchAlarmHistory(cw, 'web-5xx-high', 0, signal)).rejects.toBe(denied);
  });
});

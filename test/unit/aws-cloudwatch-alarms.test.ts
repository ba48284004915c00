import { CloudWatchClient, DescribeAlarmsCommand, type DescribeAlarmsCommandInput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { alarmRequests, fetchAlarms, toAlarm } from '../../src/adapters/aws/alarms.js';

const cwMock = mockClient(CloudWatchClient);
const cw = new CloudWatchClient({ region: 'us-east-1' });
const signal = new AbortController().signal;
afterEach(() => cwMock.reset());

const t = (iso: string) => new Date(iso);

describe('toAlarm', () => {
  it('maps state, reason and the time of the last transition', () => {
    const a = toAlarm(
      {
        AlarmName: 'web-5xx',
        StateValue: 'ALARM',
        StateReason: 'Threshold Crossed: 2 datapoints',
        StateUpdatedTimestamp: t('2026-03-01T10:05:00Z'),
        StateTransitionedTimestamp: t('2026-03-01T10:00:00Z'),
      },
      'metric',
    );
    expect(a).toEqual({
      name: 'web-5xx',
      kind: 'metric',
      state: 'ALARM',
      reason: 'Threshold Crossed: 2 datapoints',
      stateUpdatedAt: Date.parse('2026-03-01T10:00:00Z'),
    });
  });
  it('falls back to StateUpdatedTimestamp, and to INSUFFICIENT_DATA for an unknown state', () => {
    expect(toAlarm({ AlarmName: 'c', StateUpdatedTimestamp: t('2026-03-01T10:05:00Z') }, 'composite')).toEqual({
      name: 'c',
      kind: 'composite',
      state: 'INSUFFICIENT_DATA',
      reason: '',
      stateUpdatedAt: Date.parse('2026-03-01T10:05:00Z'),
    });
  });
});

describe('alarmRequests', () => {
  it('asks for metric and composite alarms by prefix and by names in chunks of 100', () => {
    const names = Array.from({ length: 250 }, (_, i) => `a${i}`);
    const reqs = alarmRequests({ prefix: 'web', names: [...names, 'a0'] });
    expect(reqs.map((r) => [r.AlarmNamePrefix, r.AlarmNames?.length])).toEqual([
      ['web', undefined],
      [undefined, 100],
      [undefined, 100],
      [undefined, 50],
    ]);
    for (const r of reqs) expect(r.AlarmTypes).toEqual(['MetricAlarm', 'CompositeAlarm']);
    expect(alarmRequests({ prefix: '', names: [] })).toEqual([]);
  });
});

describe('fetchAlarms', () => {
  it('reads every page, metric and composite, the union of prefix and names deduped by name', async () => {
    // The paginator reuses one input object across pages: record what each request carried.
    const seen: [string | undefined, string | undefined, number | undefined][] = [];
    cwMock.on(DescribeAlarmsCommand).callsFake((input: DescribeAlarmsCommandInput) => {
      seen.push([input.AlarmNamePrefix ?? input.AlarmNames?.join(), input.NextToken, input.MaxRecords]);
      if (input.AlarmNames)
        return {
          MetricAlarms: [
            { AlarmName: 'db', StateValue: 'OK' },
            { AlarmName: 'web-cpu', StateValue: 'OK' },
          ],
        };
      if (!input.NextToken) return { MetricAlarms: [{ AlarmName: 'web-cpu', StateValue: 'OK' }], NextToken: 'p2' };
      return { CompositeAlarms: [{ AlarmName: 'web-all', StateValue: 'ALARM', StateReason: 'web-cpu' }] };
    });
    const alarms = await fetchAlarms(cw, { prefix: 'web', names: ['web-cpu', 'db'] }, signal);
    expect(alarms.map((a) => [a.name, a.kind, a.state])).toEqual([
      ['db', 'metric', 'OK'],
      ['web-all', 'composite', 'ALARM'],
      ['web-cpu', 'metric', 'OK'],
    ]);
    expect(seen).toEqual([
      ['web', undefined, 100],
      ['web', 'p2', 100],
      ['web-cpu,db', undefined, 100],
    ]);
  });

  it('passes the abort signal to every request', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({});
    const ac = new AbortController();
    await fetchAlarms(cw, { prefix: 'web' }, ac.signal);
    const sendArgs = cwMock.send.getCall(0).args as unknown[];
    expect(sendArgs[1]).toEqual({ abortSignal: ac.signal });
  });
});

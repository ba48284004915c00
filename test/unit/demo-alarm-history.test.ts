// The demo's alarms as the detail view reads them: what each watches, and its state changes.
import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../src/domain/model.js';
import { demoOnClock } from '../helpers/demoClock.js';

const MIN = 60_000;
const signal = new AbortController().signal;
const find = (alarms: Alarm[], name: string) => alarms.find((a) => a.name === name)!;

describe('demo alarm details', () => {
  it('each metric alarm names its ALB metric, threshold, comparison, evaluation and purpose; the composite its rule', async () => {
    const d = await demoOnClock();
    const alarms = await d.backend.getAlarms(signal);
    expect(find(alarms, 'web-5xx-high')).toMatchObject({
      metric: {
        namespace: 'AWS/ApplicationELB',
        name: 'HTTPCode_Target_5XX_Count',
        stat: 'Sum',
        dimensions: {
          TargetGroup: 'targetgroup/web-tg/6d0ecf831eec9f09',
          LoadBalancer: expect.stringMatching(/^app\//),
        },
      },
      threshold: 5,
      comparison: 'GreaterThanThreshold',
      evaluation: '1 of 1 period of 60 s',
    });
    expect(find(alarms, 'web-p99-latency')).toMatchObject({
      metric: { name: 'TargetResponseTime', stat: 'p99' },
      threshold: 0.5,
      evaluation: '2 of 2 periods of 60 s',
    });
    expect(find(alarms, 'web-unhealthy-hosts').metric).toMatchObject({ name: 'UnHealthyHostCount', stat: 'Maximum' });
    for (const a of alarms.filter((x) => x.kind === 'metric')) expect(a.description?.length).toBeGreaterThan(40);
    expect(find(alarms, 'web-health').description).toMatch(
      /rule: ALARM\("web-5xx-high"\) OR ALARM\("web-p99-latency"\) OR ALARM\("web-unhealthy-hosts"\)$/,
    );
    // Its reason quotes datapoints against that same threshold.
    expect(find(alarms, 'web-5xx-high').reason).toContain('the threshold (5.0)');
  });
});

describe('demo alarm history', () => {
  it('bad-release: each firing alarm’s change to ALARM since T+0, matching what the alarm shows', async () => {
    const d = await demoOnClock();
    d.at(8 * MIN);
    const alarms = await d.backend.getAlarms(signal);
    for (const name of ['web-5xx-high', 'web-p99-latency', 'web-health']) {
      const now = find(alarms, name);
      const history = await d.backend.getAlarmHistory(name, d.release, signal);
      expect(history, name).toEqual([{ at: now.stateUpdatedAt, from: 'OK', to: 'ALARM', reason: now.reason }]);
    }
    expect(await d.backend.getAlarmHistory('web-unhealthy-hosts', d.release, signal)).toEqual([]);
  });

  it('newest first through a rollback; `since` reaches back to the quiet day’s return to OK', async () => {
    const d = await demoOnClock();
    d.at(7 * MIN);
    await d.backend.rollback({
      cluster: 'demo-cluster',
      service: 'web',
      from: { family: 'web', revision: 42 },
      to: { family: 'web', revision: 41 },
      method: 'update-service',
    });
    d.at(12 * MIN);
    const since = await d.backend.getAlarmHistory('web-5xx-high', d.release, signal);
    expect(since.map((t) => [t.from, t.to])).toEqual([
      ['ALARM', 'OK'],
      ['OK', 'ALARM'],
    ]);
    expect(since[0]!.at).toBeGreaterThan(since[1]!.at);
    expect(since[0]!.reason).toMatch(/was not greater than the threshold \(5\.0\)\.$/);
    const all = await d.backend.getAlarmHistory('web-5xx-high', 0, signal);
    expect(all).toHaveLength(3);
    expect(all[2]).toMatchObject({ from: 'ALARM', to: 'OK' });
    expect(all[2]!.at).toBeLessThan(d.release - 86_400_000);
  });

  it('an alarm the world does not have has no history, as in CloudWatch', async () => {
    const d = await demoOnClock();
    expect(await d.backend.getAlarmHistory('db-cpu', 0, signal)).toEqual([]);
  });
});

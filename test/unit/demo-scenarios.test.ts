import { describe, expect, it } from 'vitest';
import type { LogEvent, ServiceSnapshot } from '../../src/domain/model.js';
import { demoOnClock } from '../helpers/demoClock.js';

const MIN = 60_000;
const signal = new AbortController().signal;

async function demo(opts: Parameters<typeof demoOnClock>[0] = {}) {
  const d = await demoOnClock(opts);
  const logs: LogEvent[] = [];
  return Object.assign(d, {
    logs,
    async pullLogs() {
      const page = await d.backend.getLogs({}, signal);
      logs.push(...page.events);
      return page.events;
    },
  });
}

const byName = (alarms: { name: string; state: string }[]) => Object.fromEntries(alarms.map((a) => [a.name, a.state]));
const ERRORISH = /\b(ERROR|PANIC|FATAL)\b/;

describe('bad-release', () => {
  it('completes the rollout, then 5xx and p99 climb, alarms fire and errors reach the logs', async () => {
    const d = await demo();
    let firstAlarm: number | undefined;
    let completedAt: number | undefined;
    for (let t = 30_000; t <= 8 * MIN; t += 10_000) {
      d.at(t);
      await d.pullLogs();
      const s = await d.backend.getService(signal);
      if (completedAt === undefined && s.deployments[0]!.rolloutState === 'COMPLETED') completedAt = t;
      const states = byName(await d.backend.getAlarms(signal));
      if (firstAlarm === undefined && states['web-5xx-high'] === 'ALARM') firstAlarm = t;
      if (t < 3 * MIN) expect(Object.values(states)).toEqual(['OK', 'OK', 'OK', 'OK']);
    }
    expect(completedAt).toBeGreaterThan(2 * MIN);
    expect(completedAt).toBeLessThan(4 * MIN);
    expect(firstAlarm).toBeGreaterThanOrEqual(3 * MIN);
    expect(firstAlarm).toBeLessThanOrEqual(6 * MIN);

    const alarms = await d.backend.getAlarms(signal);
    expect(byName(alarms)).toEqual({
      'web-5xx-high': 'ALARM',
      'web-p99-latency': 'ALARM',
      'web-unhealthy-hosts': 'OK',
      'web-health': 'ALARM',
    });
    const fiveXx = alarms.find((a) => a.name === 'web-5xx-high')!;
    expect(fiveXx.reason).toMatch(
      /^Threshold Crossed: 1 datapoint \[\d+\.0 \(\d\d\/\d\d\/\d\d \d\d:\d\d:00\)\] was greater than the threshold \(5\.0\)\.$/,
    );
    // Set at the transition and not moved by the later evaluations that kept it in ALARM.
    expect(fiveXx.stateUpdatedAt).toBeGreaterThan(d.release + firstAlarm! - 10_000);
    expect(fiveXx.stateUpdatedAt).toBeLessThanOrEqual(d.release + firstAlarm!);
    expect(alarms.find((a) => a.name === 'web-health')!.reason).toMatch(
      /alarm:web-5xx-high transitioned to ALARM at \w+day \d+ \w+, 20\d\d/,
    );
    const unhealthy = alarms.find((a) => a.name === 'web-unhealthy-hosts')!;
    expect(unhealthy.stateUpdatedAt).toBeLessThan(d.release);

    const metrics = Object.fromEntries(
      (await d.backend.getMetrics({ releaseStart: d.release, loadBalancers: [] }, signal)).map((m) => [m.id, m]),
    );
    expect(metrics['5xx']!.current!).toBeGreaterThan(5 * 5);
    expect(metrics.p99!.current!).toBeGreaterThan(500);
    expect(metrics.p99!.current! / metrics.p99!.baseline!).toBeGreaterThan(3);
    expect(metrics['5xx']!.points.slice(0, 3).every((p) => p.v <= 5)).toBe(true);

    const errors = d.logs.filter((e) => e.level === 'ERROR');
    expect(errors.length).toBeGreaterThan(20);
    expect(errors.every((e) => e.timestamp > d.release + 2 * MIN)).toBe(true);
    // Level and text agree, so a text filter such as 'ERROR|PANIC' finds them (stack frames aside).
    expect(errors.filter((e) => ERRORISH.test(e.message)).length).toBeGreaterThan(20);
    expect(d.logs.filter((e) => e.level !== 'ERROR' && ERRORISH.test(e.message))).toEqual([]);
    expect(d.logs.filter((e) => e.message.includes('upstream timeout')).length).toBeGreaterThan(0);
  });

  it('has the odd PANIC with a stack trace, and exactly one raw control-character line for the sanitiser', async () => {
    const d = await demo();
    for (let t = 30_000; t <= 15 * MIN; t += 20_000) {
      d.at(t);
      await d.pullLogs();
    }
    const panics = d.logs.filter((e) => e.message.startsWith('PANIC'));
    expect(panics.length).toBeGreaterThan(0);
    const i = d.logs.indexOf(panics[0]!);
    expect(d.logs[i + 2]!.message).toMatch(/^goroutine \d+ \[running\]:$/);
    expect(d.logs[i + 2]!.stream).toBe(panics[0]!.stream);
    const raw = d.logs.filter((e) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(e.message + e.stream));
    expect(raw).toHaveLength(1);
    expect(raw[0]!.message).toContain('\u001b[2J');
  });
});

describe('healthy', () => {
  it('completes the rollout to a steady state with alarms OK and only INFO/WARN logs', async () => {
    const d = await demo({ scenario: 'healthy' });
    for (let t = 30_000; t <= 10 * MIN; t += 15_000) {
      d.at(t);
      await d.pullLogs();
      expect(Object.values(byName(await d.backend.getAlarms(signal)))).toEqual(['OK', 'OK', 'OK', 'OK']);
    }
    const s = await d.backend.getService(signal);
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: { revision: 42 },
      rolloutState: 'COMPLETED',
      desired: 3,
      running: 3,
      pending: 0,
      failed: 0,
    });
    expect(s.running).toBe(s.desired);
    const steady = s.events.find((e) => e.message === '(service web) has reached a steady state.')!;
    expect(steady.createdAt).toBeGreaterThan(d.release);
    expect(s.events.some((e) => /has stopped 1 running tasks/.test(e.message))).toBe(true);
    expect(s.stoppedTasks.filter((x) => x.stoppedAt > d.release)).toHaveLength(3);
    expect(
      s.stoppedTasks.every((x) => x.stopCode === 'ServiceSchedulerInitiated' && x.taskDefinition.revision === 41),
    ).toBe(true);
    expect(s.serviceDeployments[0]).toMatchObject({ status: 'SUCCESSFUL', circuitBreaker: { failureCount: 0 } });
    expect(s.serviceDeployments[0]!.finishedAt).toBeGreaterThan(d.release);

    expect(d.logs.length).toBeGreaterThan(1000);
    expect(new Set(d.logs.map((e) => e.level))).toEqual(new Set(['INFO', 'WARN']));
    expect(d.logs.filter((e) => ERRORISH.test(e.message))).toEqual([]);
    expect(d.logs.some((e) => e.message.includes('connected to db pool'))).toBe(true);

    const metrics = await d.backend.getMetrics({ releaseStart: d.release, loadBalancers: [] }, signal);
    for (const m of metrics.filter((x) => x.threshold !== undefined))
      expect(m.points.every((p) => p.v < m.threshold!)).toBe(true);
  });
});

describe('stuck-rollout', () => {
  it('counts failed launches, trips the breaker at 3, and ECS rolls back to web:41', async () => {
    const d = await demo({ scenario: 'stuck-rollout' });
    const statuses: string[] = [];
    let sawFailedDeployment: ServiceSnapshot['deployments'][number] | undefined;
    const failuresSeen: number[] = [];
    for (let t = 30_000; t <= 10 * MIN; t += 5_000) {
      d.at(t);
      const s = await d.backend.getService(signal);
      const sd = s.serviceDeployments[0]!;
      if (statuses.at(-1) !== sd.status) statuses.push(sd.status);
      failuresSeen.push(sd.circuitBreaker!.failureCount);
      sawFailedDeployment ??= s.deployments.find((x) => x.rolloutState === 'FAILED');
      if (t === 2 * MIN + 30_000) {
        const primary = s.deployments[0]!;
        expect(primary).toMatchObject({
          status: 'PRIMARY',
          taskDefinition: { revision: 42 },
          rolloutState: 'IN_PROGRESS',
        });
        expect(primary.running + primary.pending).toBe(3); // ECS keeps relaunching
        expect(primary.failed).toBe(sd.circuitBreaker!.failureCount);
        expect(primary.failed).toBeGreaterThanOrEqual(1);
        expect(s.deployments[1]).toMatchObject({ taskDefinition: { revision: 41 }, running: 3 });
        const stopped = s.stoppedTasks.filter((x) => x.taskDefinition.revision === 42);
        expect(stopped[0]!.stoppedReason).toMatch(
          /^ResourceInitializationError: unable to pull secrets or registry auth: /,
        );
        expect(stopped[0]!.stopCode).toBe('TaskFailedToStart');
      }
    }
    expect(statuses).toEqual(['IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
    expect(failuresSeen).toEqual([...failuresSeen].sort((a, b) => a - b));
    expect(new Set(failuresSeen)).toEqual(new Set([0, 1, 2, 3]));
    expect(sawFailedDeployment).toMatchObject({
      taskDefinition: { revision: 42 },
      status: 'ACTIVE',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });

    const s = await d.backend.getService(signal);
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: { revision: 41 },
      rolloutState: 'COMPLETED',
      running: 3,
    });
    expect(s.serviceDeployments[0]).toMatchObject({
      targetRevision: { revision: 42 },
      circuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
    });
    expect(s.events.some((e) => e.message.endsWith('deployment failed: tasks failed to start.'))).toBe(true);
    expect(s.events.some((e) => /^\(service web\) rolling back to deployment ecs-svc\/\d+\.$/.test(e.message))).toBe(
      true,
    );
    expect(s.stoppedTasks.some((x) => x.stoppedReason === 'Essential container in task exited')).toBe(true);
    expect(Object.values(byName(await d.backend.getAlarms(signal)))).toEqual(['OK', 'OK', 'OK', 'OK']);
  });
});

describe('log-flood', () => {
  for (const speed of [1, 20, 500]) {
    it(`logs at least 1,000 lines per wall-clock second at speed ${speed}`, async () => {
      const d = await demo({ scenario: 'log-flood', speed });
      await d.pullLogs();
      for (let second = 1; second <= 3; second++) {
        d.setWall(d.wall + 1000);
        const events = await d.pullLogs();
        expect(events.length).toBeGreaterThanOrEqual(1000);
        expect(events.length).toBeLessThan(1000 + 200 + 5 * speed);
      }
      const lengths = d.logs.map((e) => e.message.length);
      expect(Math.min(...lengths)).toBeLessThan(100);
      expect(Math.max(...lengths)).toBeGreaterThan(300);
      const errors = d.logs.filter((e) => e.level === 'ERROR').length;
      expect(errors / d.logs.length).toBeGreaterThan(0.005);
      expect(errors / d.logs.length).toBeLessThan(0.05);
    });
  }
});

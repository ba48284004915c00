// The demo's Tasks view and target health, read off the simulated fleet as a release plays out.
import { describe, expect, it } from 'vitest';
import { taskIp } from '../../src/adapters/demo/tasks.js';
import type { TaskInfo } from '../../src/domain/tasks.js';
import { demoOnClock } from '../helpers/demoClock.js';

const MIN = 60_000;
const signal = new AbortController().signal;
const rev = (t: TaskInfo) => t.taskDefinition.revision;

async function at(scenario: 'bad-release' | 'stuck-rollout' | 'healthy', tPlus: number, seed = 1) {
  const d = await demoOnClock({ scenario, seed });
  d.at(tPlus);
  const page = await d.backend.getTasks(signal);
  const [group, ...more] = await d.backend.getTargetHealth([], signal);
  expect(more).toEqual([]);
  return { d, page, group: group!, byIp: new Map(group!.targets.map((x) => [x.id, x])) };
}

describe('demo tasks', () => {
  it("names its target group in the snapshot, and answers for that group's targets", async () => {
    const { d, group } = await at('bad-release', 30_000);
    const lbs = (await d.backend.getService(signal)).loadBalancers!;
    expect(lbs).toEqual([{ targetGroupArn: group.targetGroupArn, containerName: 'web' }]);
    expect(group.name).toBe('web-tg');
    expect(group.targetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:\d{12}:targetgroup\/web-tg\//);
  });

  it('while the release starts: its tasks pending or warming up, the old ones serving', async () => {
    const { page, byIp } = await at('bad-release', 30_000);
    expect(page.insights).toBe(true);
    const old = page.tasks.filter((t) => rev(t) === 41);
    const release = page.tasks.filter((t) => rev(t) === 42);
    expect(old).toHaveLength(3);
    expect(release).toHaveLength(3);
    for (const t of old) {
      expect(t).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING', health: 'HEALTHY' });
      expect(t.containers.map((c) => [c.name, c.lastStatus, c.health])).toEqual([
        ['web', 'RUNNING', 'HEALTHY'],
        ['log-router', 'RUNNING', undefined],
      ]);
      expect(t.cpuPct).toBeGreaterThan(15);
      expect(t.cpuPct).toBeLessThan(30);
      expect(byIp.get(taskIp(t.id))).toMatchObject({
        state: 'healthy',
        port: 8080,
        availabilityZone: t.availabilityZone,
      });
    }
    const pending = release.filter((t) => t.lastStatus === 'PENDING');
    expect(pending.length).toBeGreaterThan(0);
    for (const t of pending) {
      expect(t).toMatchObject({ health: 'UNKNOWN' });
      expect(t.startedAt).toBeUndefined();
      expect(t.cpuPct).toBeUndefined();
      // Not registered before it runs.
      expect(byIp.has(taskIp(t.id))).toBe(false);
    }
    for (const t of release.filter((x) => x.lastStatus === 'RUNNING'))
      expect(byIp.get(taskIp(t.id))).toMatchObject({ state: 'initial', reason: 'Elb.InitialHealthChecking' });
    expect(page.tasks.every((t) => /^[0-9a-f]{32}$/.test(t.id) && /^us-east-1[abc]$/.test(t.availabilityZone!))).toBe(
      true,
    );
  });

  it('once the release serves: the old tasks deactivate and their targets drain', async () => {
    const { page, byIp } = await at('bad-release', 90_000);
    const old = page.tasks.filter((t) => rev(t) === 41);
    expect(old.map((t) => [t.lastStatus, t.desiredStatus])).toEqual(Array(3).fill(['DEACTIVATING', 'STOPPED']));
    for (const t of old)
      expect(byIp.get(taskIp(t.id))).toEqual({
        id: taskIp(t.id),
        port: 8080,
        availabilityZone: t.availabilityZone,
        state: 'draining',
        reason: 'Target.DeregistrationInProgress',
        description: 'Target deregistration is in progress',
      });
    for (const t of page.tasks.filter((x) => rev(x) === 42)) expect(byIp.get(taskIp(t.id))!.state).toBe('healthy');
  });

  it('in the bad release, its tasks fail health checks: 503s first, then timeouts; CPU and memory climb', async () => {
    const early = await at('bad-release', 4 * MIN);
    const late = await at('bad-release', 8 * MIN);
    for (const { page, byIp } of [early, late]) {
      const release = page.tasks.filter((t) => rev(t) === 42);
      expect(release.map((t) => [t.lastStatus, t.health])).toEqual(Array(3).fill(['RUNNING', 'UNHEALTHY']));
      expect(release.every((t) => t.containers[0]!.health === 'UNHEALTHY')).toBe(true);
      expect(release.every((t) => byIp.get(taskIp(t.id))!.state === 'unhealthy')).toBe(true);
    }
    const reasons = (x: typeof early) => [...x.byIp.values()].map((t) => [t.reason, t.description]);
    expect(reasons(early)).toEqual(
      Array(3).fill(['Target.ResponseCodeMismatch', 'Health checks failed with these codes: [503]']),
    );
    expect(reasons(late)).toEqual(Array(3).fill(['Target.Timeout', 'Request timed out']));
    const release = late.page.tasks.filter((t) => rev(t) === 42);
    expect(release.every((t) => t.cpuPct! > 40 && t.memoryPct! > 55)).toBe(true);
    // The old tasks stopped gracefully when they were scaled in.
    const old = late.page.tasks.filter((t) => rev(t) === 41);
    expect(old.map((t) => [t.lastStatus, t.stopCode])).toEqual(Array(3).fill(['STOPPED', 'ServiceSchedulerInitiated']));
    expect(old.every((t) => t.containers.every((c) => c.lastStatus === 'STOPPED' && c.exitCode === 0))).toBe(true);
    expect(old.every((t) => t.cpuPct === undefined && t.stoppedAt! > t.startedAt!)).toBe(true);
  });

  it('a healthy release never shows an unhealthy target', async () => {
    for (const t of [30_000, 3 * MIN, 6 * MIN, 12 * MIN]) {
      const { group, page } = await at('healthy', t);
      expect(group.targets.filter((x) => x.state === 'unhealthy')).toEqual([]);
      expect(page.tasks.filter((x) => x.health === 'UNHEALTHY')).toEqual([]);
    }
  });

  it('in a stuck rollout: failed launches without exit codes, the crashed task with its exit code, newest first', async () => {
    const { page } = await at('stuck-rollout', 4 * MIN);
    const failed = page.tasks.filter((t) => t.stopCode === 'TaskFailedToStart');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const t of failed) {
      expect(t.stoppedReason).toMatch(/^ResourceInitializationError: unable to pull secrets/);
      expect(t.startedAt).toBeUndefined();
      expect(t.containers.every((c) => c.lastStatus === 'STOPPED' && c.exitCode === undefined)).toBe(true);
    }
    const crashed = page.tasks.find((t) => t.stopCode === 'EssentialContainerExited')!;
    expect(crashed.containers.map((c) => [c.name, c.exitCode])).toEqual([
      ['web', 1],
      ['log-router', 0],
    ]);
    const started = page.tasks.flatMap((t) => (t.startedAt === undefined ? [] : [t.startedAt]));
    expect(started).toEqual([...started].sort((a, b) => b - a));
  });

  it('is the same for the same seed and clock, and steady within a minute', async () => {
    const a = await at('bad-release', 5 * MIN);
    const b = await at('bad-release', 5 * MIN);
    expect(b.page).toEqual(a.page);
    expect(b.group).toEqual(a.group);
    a.d.at(5 * MIN + 1000);
    const again = await a.d.backend.getTasks(signal);
    const cpu = (p: typeof again) => p.tasks.map((t) => t.cpuPct);
    expect(cpu(again)).toEqual(cpu(a.page));
  });
});

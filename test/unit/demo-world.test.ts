import { describe, expect, it } from 'vitest';
import { createDemoBackend, demoChecklist, SCENARIOS, type ScenarioName } from '../../src/adapters/demo/index.js';
import { refKey } from '../../src/domain/model.js';
import { demoOnClock } from '../helpers/demoClock.js';

const MIN = 60_000;
const signal = new AbortController().signal;

const demo = demoOnClock;

async function observe(b: Awaited<ReturnType<typeof demo>>['backend']) {
  return {
    service: await b.getService(signal),
    alarms: await b.getAlarms(signal),
    logs: await b.getLogs({}, signal),
  };
}

describe('demo world: clock and determinism', () => {
  it('runs the clock at `speed` times wall time and starts 20 s after the release', async () => {
    const d = await demo({ speed: 20 });
    const before = d.backend.now();
    expect(before - d.release).toBe(20_000);
    d.at(20_000 + 20_000); // one wall second later
    expect(d.backend.now() - before).toBe(20_000);
  });

  it('gives identical service, alarms, metrics and logs for the same seed and the same calls', async () => {
    const a = await demo({ seed: 5 });
    const b = await demo({ seed: 5 });
    for (const t of [30_000, 2 * MIN, 4.5 * MIN, 7 * MIN]) {
      a.at(t);
      b.at(t);
      const [oa, ob] = [await observe(a.backend), await observe(b.backend)];
      expect(oa).toEqual(ob);
      expect(await a.backend.getMetrics({ releaseStart: a.release, loadBalancers: [] }, signal)).toEqual(
        await b.backend.getMetrics({ releaseStart: b.release, loadBalancers: [] }, signal),
      );
    }
  });

  it('gives different log content and task ids for a different seed', async () => {
    const a = await demo({ seed: 1 });
    const b = await demo({ seed: 2 });
    a.at(3 * MIN);
    b.at(3 * MIN);
    const [oa, ob] = [await observe(a.backend), await observe(b.backend)];
    expect(oa.logs.events.map((e) => e.message)).not.toEqual(ob.logs.events.map((e) => e.message));
    expect(oa.service.deployments[0]!.id).not.toBe(ob.service.deployments[0]!.id);
  });

  it('is not moved by reads: extra calls in between do not change what a later call sees', async () => {
    const a = await demo({ seed: 9 });
    const b = await demo({ seed: 9 });
    for (let t = 10_000; t < 5 * MIN; t += 7_000) {
      a.at(t);
      await observe(a.backend);
      await a.backend.getMetrics({ releaseStart: a.release, loadBalancers: [] }, signal);
    }
    a.at(5 * MIN);
    b.at(5 * MIN);
    const [oa, ob] = [await observe(a.backend), await observe(b.backend)];
    expect(oa.service).toEqual(ob.service);
    expect(oa.alarms).toEqual(ob.alarms);
    // a's follower has read along, b's starts now: the newest lines are the same lines
    const n = Math.min(oa.logs.events.length, ob.logs.events.length);
    expect(n).toBeGreaterThan(0);
    expect(oa.logs.events.slice(-n)).toEqual(ob.logs.events.slice(-n));
  });
});

describe('demo world: the fixed cast', () => {
  it('describes the demo account, cluster and service', async () => {
    const { backend } = await demo();
    expect(backend.kind).toBe('demo');
    expect(backend.scenario).toBe('bad-release');
    expect(backend.target).toEqual({ cluster: 'demo-cluster', service: 'web', region: 'us-east-1' });
    expect(backend.watchWindowMs).toBe(2 * 60 * MIN);
    expect(await backend.getIdentity(signal)).toEqual({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/oncall/demo-user',
      region: 'us-east-1',
    });
  });

  it('lists revisions 38..42 with images, containers and statuses, and an unsorted family list', async () => {
    const { backend } = await demo();
    const s = await backend.getService(signal);
    expect(Object.keys(s.taskDefinitions).sort()).toEqual(['web:38', 'web:39', 'web:40', 'web:41', 'web:42']);
    const rev = (n: number) => s.taskDefinitions[refKey({ family: 'web', revision: n })]!;
    expect(rev(38).status).toBe('INACTIVE');
    expect(rev(41).containers.map((c) => c.image)).toEqual([
      'registry.example.com/web:v1.3.6',
      'fluent/fluent-bit:2.2',
    ]);
    expect(rev(42).containers[0]!.imageTag).toBe('v1.4.0');
    expect(rev(42).containers[0]!.envNames).toContain('FEATURE_NEW_CHECKOUT');
    expect(rev(41).containers[0]!.envNames).not.toContain('FEATURE_NEW_CHECKOUT');
    expect(rev(42).logGroup).toBe('/ecs/web');
    const revisions = s.familyRevisions.map((r) => r.revision);
    expect([...revisions].sort()).toEqual([38, 39, 40, 41, 42]);
    expect(revisions).not.toEqual([...revisions].sort());
    expect(s.hasLoadBalancer).toBe(true);
  });

  it('opens mid-rollout: web:42 PRIMARY starting, web:41 ACTIVE serving, and ECS records of both releases', async () => {
    const { backend, release } = await demo();
    const s = await backend.getService(signal);
    const [primary, active] = s.deployments;
    expect(primary).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: { revision: 42 },
      imageTags: ['v1.4.0', '2.2'],
      rolloutState: 'IN_PROGRESS',
      desired: 3,
      running: 0,
      pending: 3,
    });
    expect(active).toMatchObject({ status: 'ACTIVE', taskDefinition: { revision: 41 }, running: 3 });
    expect(s.events[0]!.message).toMatch(/^\(service web\) has started 3 tasks: \(task [0-9a-f]{32}\)/);
    expect(s.events.map((e) => e.createdAt)).toEqual([...s.events.map((e) => e.createdAt)].sort((a, b) => b - a));
    const [current, previous] = s.serviceDeployments;
    expect(current).toMatchObject({
      status: 'IN_PROGRESS',
      targetRevision: { family: 'web', revision: 42 },
      sourceRevisions: [{ family: 'web', revision: 41 }],
      circuitBreaker: { status: 'MONITORING', failureCount: 0, threshold: 3 },
      alarms: { status: 'MONITORING', alarmNames: ['web-5xx-high', 'web-p99-latency'], triggeredAlarmNames: [] },
      createdAt: release,
    });
    expect(previous).toMatchObject({
      status: 'SUCCESSFUL',
      targetRevision: { revision: 41 },
      sourceRevisions: [{ revision: 40 }],
    });
    expect(release - previous!.createdAt).toBeGreaterThan(2 * 24 * 60 * MIN);
  });

  it('returns copies: mutating a snapshot does not change the world', async () => {
    const { backend } = await demo();
    const s = await backend.getService(signal);
    s.deployments[0]!.running = 99;
    s.events.length = 0;
    const again = await backend.getService(signal);
    expect(again.deployments[0]!.running).toBe(0);
    expect(again.events.length).toBeGreaterThan(0);
  });

  it('rejects an aborted call', async () => {
    const { backend } = await demo();
    const ctl = new AbortController();
    ctl.abort();
    await expect(backend.getService(ctl.signal)).rejects.toThrow();
  });

  it('exports scenario descriptions and a runbook checklist', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual(['bad-release', 'healthy', 'stuck-rollout', 'log-flood']);
    for (const s of SCENARIOS) expect(s.description.length).toBeGreaterThan(10);
    expect(demoChecklist.map((s) => s.phase)).toEqual(['pre', 'pre', 'deploy', 'post', 'post', 'post', 'post', 'post']);
    expect(demoChecklist.some((s) => s.kind === 'verdict')).toBe(true);
    // No pattern: the step judges error lines by the one rule (health/errorLines.ts).
    expect(demoChecklist.find((s) => s.kind === 'no-log-errors')?.params).toEqual({ minutes: 5 });
    expect(demoChecklist.find((s) => s.kind === 'metric-below')?.params).toEqual({ metric: 'p99', below: 500 });
    expect(new Set(demoChecklist.map((s) => s.id)).size).toBe(demoChecklist.length);
  });

  it('rejects an unknown scenario and a non-positive speed', () => {
    expect(() => createDemoBackend({ scenario: 'nope' as ScenarioName })).toThrow(/unknown demo scenario "nope"/);
    expect(() => createDemoBackend({ speed: 0 })).toThrow(/speed/);
  });
});

describe('demo world: image digests', () => {
  const DIGEST = /^sha256:[0-9a-f]{64}$/;

  it('shows what each revision last served, with a stable digest per image', async () => {
    const { backend, release } = await demo();
    const s = await backend.getService(signal);
    const served = s.servedImages!;
    expect(Object.keys(served).sort()).toEqual(['web:40', 'web:41', 'web:42']);
    expect(served['web:42']!.at).toBe(release);
    expect(served['web:41']!.at).toBe(s.serviceDeployments[1]!.createdAt);
    // web:40's own deployment is older than ECS's record: known as a source, not when it started.
    expect(served['web:40']!.at).toBeUndefined();
    expect(served['web:41']!.images.map((i) => [i.container, i.image])).toEqual([
      ['web', 'registry.example.com/web:v1.3.6'],
      ['log-router', 'fluent/fluent-bit:2.2'],
    ]);
    for (const { images } of Object.values(served)) for (const i of images) expect(i.digest).toMatch(DIGEST);
    const web = (key: string) => served[key]!.images[0]!.digest;
    expect(web('web:41')).not.toBe(web('web:42'));
    // The same image is the same bytes: the sidecar's digest is one across revisions, and across runs.
    expect(served['web:41']!.images[1]!.digest).toBe(served['web:42']!.images[1]!.digest);
    const other = await (await demo({ seed: 7 })).backend.getService(signal);
    expect(other.servedImages).toEqual(served);
  });

  it('pins a revision by digest: a new revision, listed, deployable, serving the same digests', async () => {
    const d = await demo();
    const before = await d.backend.getService(signal);
    const images = before.servedImages!['web:41']!.images;
    const pinned = await d.backend.pinImages({ family: 'web', revision: 41 }, images);
    expect(pinned).toEqual({ family: 'web', revision: 43 });
    const s = await d.backend.getService(signal);
    const td = s.taskDefinitions['web:43']!;
    expect(td.status).toBe('ACTIVE');
    expect(td.containers.map((c) => c.image)).toEqual([
      `registry.example.com/web@${images[0]!.digest}`,
      `fluent/fluent-bit@${images[1]!.digest}`,
    ]);
    expect(td.containers[0]!.imageTag).toBe(`@${images[0]!.digest!.slice(0, 19)}`);
    expect(td.containers[0]!.envNames).toEqual(s.taskDefinitions['web:41']!.containers[0]!.envNames);
    expect(s.familyRevisions).toContainEqual({ revision: 43, status: 'ACTIVE' });
    // The source is untouched, and an earlier snapshot did not change under the app.
    expect(s.taskDefinitions['web:41']!.containers[0]!.image).toBe('registry.example.com/web:v1.3.6');
    expect(before.taskDefinitions['web:43']).toBeUndefined();

    d.at(30_000);
    await d.backend.rollback({
      cluster: 'demo-cluster',
      service: 'web',
      from: { family: 'web', revision: 42 },
      to: pinned,
      method: 'update-service',
    });
    const after = await d.backend.getService(signal);
    expect(after.deployments[0]).toMatchObject({ status: 'PRIMARY', taskDefinition: pinned });
    expect(after.servedImages!['web:43']!.images.map((i) => i.digest)).toEqual(images.map((i) => i.digest));
  });

  it('refuses an unknown revision or an image without a digest, and registers nothing', async () => {
    const { backend } = await demo();
    await expect(backend.pinImages({ family: 'web', revision: 99 }, [])).rejects.toThrow('web:99: it does not exist');
    await expect(
      backend.pinImages({ family: 'web', revision: 41 }, [
        { container: 'web', image: 'registry.example.com/web:v1.3.6' },
      ]),
    ).rejects.toThrow('no digest to pin');
    expect(Object.keys((await backend.getService(signal)).taskDefinitions)).not.toContain('web:43');
  });
});

describe('demo world: metrics and cost', () => {
  it('has one point per minute from the release, current = last point, thresholds and a stable baseline', async () => {
    const d = await demo({ scenario: 'healthy' });
    d.at(10 * MIN + 30_000);
    const series = await d.backend.getMetrics({ releaseStart: d.release, loadBalancers: [] }, signal);
    expect(series.map((s) => [s.id, s.label])).toEqual([
      ['cpu', 'CPU'],
      ['memory', 'Memory'],
      ['5xx', '5xx'],
      ['5xxRate', '5xx %'],
      ['requests', 'Requests'],
      ['p99', 'p99'],
      ['healthy', 'Healthy'],
    ]);
    expect(Object.fromEntries(series.map((s) => [s.id, s.threshold]))).toEqual({
      cpu: 70,
      memory: 80,
      '5xx': 5,
      '5xxRate': 1,
      requests: undefined,
      p99: 500,
      healthy: undefined,
    });
    for (const s of series) {
      expect(s.points.length === 11 || s.points.length === 12).toBe(true);
      expect(s.points[0]!.t).toBeLessThanOrEqual(d.release);
      expect(s.points[0]!.t).toBeGreaterThan(d.release - MIN);
      expect(s.points.slice(1).every((p, i) => p.t - s.points[i]!.t === MIN)).toBe(true);
      expect(s.current).toBe(s.points.at(-1)!.v);
    }
    const by = Object.fromEntries(series.map((s) => [s.id, s]));
    expect(by.requests!.baseline).toBeGreaterThan(1100);
    expect(by.requests!.baseline).toBeLessThan(1300);
    expect(by.p99!.baseline).toBeGreaterThan(150);
    expect(by.p99!.baseline).toBeLessThan(200);
    expect(by.healthy!.current).toBe(3);
    d.at(20 * MIN);
    const later = await d.backend.getMetrics({ releaseStart: d.release, loadBalancers: [] }, signal);
    expect(later.map((s) => s.baseline)).toEqual(series.map((s) => s.baseline));
  });

  it('caps the points at the watch window', async () => {
    const d = await demo({ scenario: 'healthy', speed: 1000 });
    d.at(3 * 60 * MIN);
    const [cpu] = await d.backend.getMetrics({ releaseStart: d.release, loadBalancers: [] }, signal);
    expect(cpu!.points.length).toBeLessThanOrEqual(121);
    expect(cpu!.points.at(-1)!.t).toBeLessThanOrEqual(d.release + 2 * 60 * MIN);
  });

  it('reports seven days of cost, oldest first, about $1.50–2.00 a day, with today partial', async () => {
    const d = await demo();
    const cost = await d.backend.getCost(signal);
    expect(cost.currency).toBe('USD');
    expect(cost.days).toHaveLength(7);
    expect(cost.days.at(-1)!.date).toBe(new Date(d.backend.now()).toISOString().slice(0, 10));
    expect(cost.days.map((x) => x.date)).toEqual([...cost.days.map((x) => x.date)].sort());
    for (const day of cost.days.slice(0, 6)) {
      expect(day.total).toBeGreaterThanOrEqual(1.5);
      expect(day.total).toBeLessThanOrEqual(2.0);
      expect(day.byService.map((s) => s.service)).toContain('Amazon Elastic Container Service');
      expect(Math.abs(day.byService.reduce((s, x) => s + x.amount, 0) - day.total)).toBeLessThan(0.011);
    }
    expect(cost.days.at(-1)!.total).toBeLessThan(2.0);
    expect(cost.expectedDaily).toEqual({ min: 1.5, max: 2.0 });
    expect(cost.monthToDate).toBeGreaterThanOrEqual(cost.days.at(-1)!.total);
    expect(cost.forecastMonth!).toBeGreaterThan(cost.monthToDate);
  });
});

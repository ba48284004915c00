import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../src/adapters/demo/index.js';
import type { RollbackRequest, ServiceSnapshot } from '../../src/domain/model.js';
import { demoOnClock } from '../helpers/demoClock.js';

const MIN = 60_000;
const signal = new AbortController().signal;
const web = (revision: number) => ({ family: 'web', revision });

const demo = (scenario: ScenarioName = 'bad-release') => demoOnClock({ scenario });

const request = (method: RollbackRequest['method'], extra: Partial<RollbackRequest> = {}): RollbackRequest => ({
  cluster: 'demo-cluster',
  service: 'web',
  from: web(42),
  to: web(41),
  method,
  ...extra,
});

const alarmStates = async (d: Awaited<ReturnType<typeof demo>>) =>
  Object.fromEntries((await d.backend.getAlarms(signal)).map((a) => [a.name, a.state]));

function expectRecovered(s: ServiceSnapshot) {
  expect(s.deployments).toHaveLength(1);
  expect(s.deployments[0]).toMatchObject({
    status: 'PRIMARY',
    taskDefinition: web(41),
    rolloutState: 'COMPLETED',
    running: 3,
    pending: 0,
  });
  expect(s.running).toBe(s.desired);
}

describe('demo rollback', () => {
  it('update-service: web:41 takes over within ~2 minutes and the alarms clear a couple of minutes later', async () => {
    const d = await demo();
    d.at(7 * MIN);
    expect(await alarmStates(d)).toMatchObject({ 'web-5xx-high': 'ALARM', 'web-health': 'ALARM' });
    const alarmedAt = (await d.backend.getAlarms(signal)).find((a) => a.name === 'web-5xx-high')!.stateUpdatedAt;

    const result = await d.backend.rollback(request('update-service'));
    const s = await d.backend.getService(signal);
    expect(result.method).toBe('update-service');
    expect(s.deployments.map((x) => [x.status, x.taskDefinition.revision])).toEqual([
      ['PRIMARY', 41],
      ['ACTIVE', 42],
    ]);
    expect(s.deployments[0]).toMatchObject({ id: result.deploymentId, rolloutState: 'IN_PROGRESS' });
    expect(s.serviceDeployments[0]).toMatchObject({
      status: 'IN_PROGRESS',
      targetRevision: web(41),
      sourceRevisions: [web(42)],
    });
    expect(s.serviceDeployments[1]).toMatchObject({ status: 'SUCCESSFUL', targetRevision: web(42) });
    expect(s.events[0]!.message).toContain('started for task definition web:41');

    d.at(9 * MIN + 30_000);
    const done = await d.backend.getService(signal);
    expectRecovered(done);
    expect(done.serviceDeployments[0]).toMatchObject({ status: 'SUCCESSFUL' });
    expect(done.events[0]!.message).toBe('(service web) has reached a steady state.');

    d.at(7 * MIN + 5 * MIN);
    expect(await alarmStates(d)).toEqual({
      'web-5xx-high': 'OK',
      'web-p99-latency': 'OK',
      'web-unhealthy-hosts': 'OK',
      'web-health': 'OK',
    });
    const cleared = (await d.backend.getAlarms(signal)).find((a) => a.name === 'web-5xx-high')!;
    expect(cleared.stateUpdatedAt).toBeGreaterThan(alarmedAt);
    expect(cleared.reason).toMatch(/was not greater than the threshold \(5\.0\)\.$/);
    const metrics = Object.fromEntries(
      (await d.backend.getMetrics({ releaseStart: d.release, loadBalancers: [] }, signal)).map((m) => [
        m.id,
        m.current,
      ]),
    );
    expect(metrics['5xx']).toBeLessThanOrEqual(5);
    expect(metrics.p99).toBeLessThan(500);
    const recent = (await d.backend.getLogs({}, signal)).events;
    expect(recent.filter((e) => e.level === 'ERROR')).toEqual([]);
  });

  it('stop-service-deployment mid-rollout: ROLLBACK_REQUESTED → IN_PROGRESS → SUCCESSFUL, back on web:41', async () => {
    const d = await demo();
    d.at(90_000);
    const before = await d.backend.getService(signal);
    const sd = before.serviceDeployments[0]!;
    expect(sd.status).toBe('IN_PROGRESS');

    const result = await d.backend.rollback(request('stop-service-deployment', { serviceDeploymentArn: sd.arn }));
    expect(result.method).toBe('stop-service-deployment');
    const seen: string[] = [];
    for (let t = 90_000; t <= 90_000 + 4 * MIN; t += 1000) {
      d.at(t);
      const s = await d.backend.getService(signal);
      const mine = s.serviceDeployments.find((x) => x.arn === sd.arn)!;
      if (seen.at(-1) !== mine.status) seen.push(mine.status);
      if (t === 90_000)
        expect(s.deployments[0]).toMatchObject({ id: result.deploymentId, status: 'PRIMARY', taskDefinition: web(41) });
    }
    expect(seen).toEqual(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
    const s = await d.backend.getService(signal);
    expectRecovered(s);
    expect(s.serviceDeployments).toHaveLength(2); // no new service deployment: the stopped one rolled back
    d.at(90_000 + 8 * MIN);
    expect(await alarmStates(d)).toEqual({
      'web-5xx-high': 'OK',
      'web-p99-latency': 'OK',
      'web-unhealthy-hosts': 'OK',
      'web-health': 'OK',
    });
  });

  it('stop-service-deployment in a stuck rollout pre-empts the circuit breaker', async () => {
    const d = await demo('stuck-rollout');
    d.at(2 * MIN);
    const sd = (await d.backend.getService(signal)).serviceDeployments[0]!;
    expect(sd.circuitBreaker!.failureCount).toBe(1);
    await d.backend.rollback(request('stop-service-deployment', { serviceDeploymentArn: sd.arn }));
    d.at(8 * MIN);
    const s = await d.backend.getService(signal);
    expectRecovered(s);
    expect(s.serviceDeployments[0]).toMatchObject({
      arn: sd.arn,
      status: 'ROLLBACK_SUCCESSFUL',
      circuitBreaker: { status: 'MONITORING_COMPLETE', failureCount: 1 },
    });
  });

  it('refuses to stop a service deployment that has already finished', async () => {
    const d = await demo();
    d.at(6 * MIN);
    const sd = (await d.backend.getService(signal)).serviceDeployments[0]!;
    expect(sd.status).toBe('SUCCESSFUL');
    await expect(
      d.backend.rollback(request('stop-service-deployment', { serviceDeploymentArn: sd.arn })),
    ).rejects.toThrow(/is SUCCESSFUL; only a PENDING or IN_PROGRESS one can be stopped/);
  });

  it('rejects an INACTIVE or unknown target and leaves the service untouched', async () => {
    const d = await demo();
    d.at(6 * MIN);
    const before = await d.backend.getService(signal);
    await expect(d.backend.rollback(request('update-service', { to: web(38) }))).rejects.toThrow(/web:38 is INACTIVE/);
    await expect(d.backend.rollback(request('update-service', { to: web(99) }))).rejects.toThrow(
      /web:99.*does not exist/,
    );
    await expect(
      d.backend.rollback(request('update-service', { to: { family: 'api', revision: 41 } })),
    ).rejects.toThrow(/api:41/);
    await expect(d.backend.rollback(request('update-service', { service: 'api' }))).rejects.toThrow(
      /ServiceNotFoundException/,
    );
    const after = await d.backend.getService(signal);
    expect(after.deployments).toEqual(before.deployments);
    expect(after.serviceDeployments).toEqual(before.serviceDeployments);
  });
});

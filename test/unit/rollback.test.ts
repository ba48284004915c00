import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { RollbackRunner } from '../../src/app/rollbackRunner.js';
import { createStore } from '../../src/app/store.js';
import type { AuditEvent } from '../../src/domain/audit.js';
import { MutationError } from '../../src/domain/errors.js';
import type { PinResult, RollbackRequest, RollbackResult, ServiceSnapshot } from '../../src/domain/model.js';
import { confirmRefusal, planKey, planRollback, rollbackProgress } from '../../src/domain/rollback.js';
import { deployment, ref, service, serviceDeployment, taskDef } from '../helpers/service.js';
import type { RollbackOp } from '../../src/domain/rollback.js';

const idle: RollbackOp = { phase: 'idle' };

describe('rollback target resolution', () => {
  it('(a) takes the newest service deployment source revision, in flight', () => {
    const s = service(42, [39, 40, 41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [40], { status: 'IN_PROGRESS' }), serviceDeployment(40, [39])],
      deployments: [deployment(42, { rolloutState: 'IN_PROGRESS', running: 1 }), deployment(40, { status: 'ACTIVE' })],
    });
    const plan = planRollback(s, idle, false);
    // 41 exists but never served: "what was serving before" is 40, not current - 1.
    expect(plan.target?.ref).toEqual(ref(40));
    expect(plan.target?.source).toMatch(/source revision/);
    expect(plan.release).toMatchObject({ released: { ref: ref(42) }, previous: { ref: ref(40) } });
    expect(plan.request).toMatchObject({ method: 'stop-service-deployment', from: ref(42), to: ref(40) });
    expect(plan.request?.serviceDeploymentArn).toContain('service-deployment');
  });

  it('(a) also after the deployment completed, then rolls back with UpdateService', () => {
    const s = service(42, [40, 41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [41])],
    });
    const plan = planRollback(s, idle, false);
    expect(plan.target?.ref).toEqual(ref(41));
    expect(plan.request?.method).toBe('update-service');
  });

  it('(b) falls back to the newest successful deployment before the current one', () => {
    const s = service(42, [39, 40, 41, 42], {
      serviceDeploymentsAvailable: true,
      // The history stops before the deployment serving now (cut off), so (a) does not apply.
      serviceDeployments: [serviceDeployment(39, [38], { status: 'STOPPED' }), serviceDeployment(40, [39])],
    });
    expect(planRollback(s, idle, false).target).toMatchObject({
      ref: ref(40),
      source: expect.stringMatching(/previous successful/),
    });
  });

  it('(c) uses the ACTIVE deployment during a rollout when there is no service-deployment record', () => {
    const s = service(42, [38, 39, 40, 41, 42], {
      deployments: [deployment(42, { rolloutState: 'IN_PROGRESS' }), deployment(39, { status: 'ACTIVE' })],
    });
    const plan = planRollback(s, idle, false);
    expect(plan.target?.ref).toEqual(ref(39));
    expect(plan.request?.method).toBe('update-service');
  });

  it('(d) picks the newest older ACTIVE revision, sorting itself and skipping INACTIVE ones', () => {
    const s = service(3, [1, 2, 3], {}, [2]);
    expect(planRollback(s, idle, false).target?.ref).toEqual(ref(1));
    const skipped = service(10, [4, 7, 10]);
    expect(planRollback(skipped, idle, false).target?.ref).toEqual(ref(7));
  });
});

describe('rollback refusals', () => {
  it('refuses in read-only mode but still names the target', () => {
    const plan = planRollback(service(3, [1, 2, 3]), idle, true);
    expect(plan.refusal).toMatch(/read-only/);
    expect(plan.target?.ref).toEqual(ref(2));
    expect(plan.request).toBeUndefined();
  });

  it('refuses when ECS recorded a target that has since been deregistered', () => {
    const s = service(
      42,
      [40, 41, 42],
      { serviceDeploymentsAvailable: true, serviceDeployments: [serviceDeployment(42, [41])] },
      [41],
    );
    expect(planRollback(s, idle, false).refusal).toMatch(/web:41 is INACTIVE/);
  });

  it('refuses when there is nothing older', () => {
    expect(planRollback(service(1, [1]), idle, false).refusal).toMatch(/no earlier revision/);
  });

  it('refuses while a rollback by someone else is in flight, and after the circuit breaker rolled back', () => {
    const other = service(42, [41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [41], { status: 'ROLLBACK_IN_PROGRESS' })],
    });
    expect(planRollback(other, idle, false).refusal).toMatch(/already rolling back/);
    const breaker = service(42, [41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [41], { status: 'ROLLBACK_SUCCESSFUL' })],
    });
    expect(planRollback(breaker, idle, false).refusal).toMatch(/circuit breaker/);
  });

  it('refuses a second rollback while ours is in flight, and when the service is not ACTIVE', () => {
    const s = service(3, [1, 2, 3]);
    expect(
      planRollback(
        s,
        {
          phase: 'in-flight',
          request: { cluster: 'demo', service: 'web', from: ref(3), to: ref(2), method: 'update-service' },
        },
        false,
      ).refusal,
    ).toMatch(/in flight/);
    expect(planRollback({ ...s, status: 'DRAINING' }, idle, false).refusal).toMatch(/DRAINING/);
    expect(planRollback(undefined, idle, false).refusal).toMatch(/not loaded/);
  });
});

describe('rollback follow-through', () => {
  it('is rolling back until the target is the only deployment, COMPLETED and fully running', () => {
    const during = service(41, [41, 42], {
      deployments: [deployment(41, { rolloutState: 'IN_PROGRESS', running: 1 }), deployment(42, { status: 'ACTIVE' })],
    });
    expect(rollbackProgress(during, ref(41)).state).toBe('rolling-back');
    const short = service(41, [41, 42], { deployments: [deployment(41, { running: 2 })] });
    expect(rollbackProgress(short, ref(41)).state).toBe('rolling-back');
    expect(rollbackProgress(service(41, [41, 42]), ref(41)).state).toBe('rolled-back');
  });

  it('fails with the reason when the rollback deployment fails', () => {
    const failed = service(41, [41, 42], {
      deployments: [deployment(41, { rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start' })],
    });
    expect(rollbackProgress(failed, ref(41))).toEqual({ state: 'failed', reason: 'tasks failed to start' });
  });
});

describe('whether y may confirm', () => {
  const plan = planRollback(service(3, [1, 2, 3]), idle, false);
  it('acts only on fresh data and on exactly the plan the dialog showed', () => {
    expect(confirmRefusal(plan, idle, { dataAgeMs: 2_000, shown: planKey(plan) })).toBeUndefined();
    expect(confirmRefusal(plan, idle, { dataAgeMs: 45_000, shown: planKey(plan) })).toBe(
      'the service data is 45s old: waiting for a fresh read',
    );
    const other = planRollback(service(4, [1, 2, 3, 4]), idle, false);
    expect(confirmRefusal(other, idle, { dataAgeMs: 0, shown: planKey(plan) })).toBe(
      'the plan changed while the dialog was open (now → web:3): press r to look again',
    );
  });

  it('never while a rollback started here is in flight, and not when the plan is refused', () => {
    const request = plan.request!;
    expect(confirmRefusal(plan, { phase: 'in-flight', request })).toMatch(/already in flight/);
    expect(confirmRefusal(planRollback(service(1, [1]), idle, false), idle)).toMatch(/no earlier revision/);
  });
});

describe('the rollback runner after a failed change', () => {
  const inFlight = () =>
    service(42, [41, 42], {
      serviceDeploymentsAvailable: true,
      serviceDeployments: [serviceDeployment(42, [41], { status: 'IN_PROGRESS' })],
      deployments: [deployment(42, { rolloutState: 'IN_PROGRESS', running: 2 }), deployment(41, { status: 'ACTIVE' })],
    });
  const lostStop = (applied: 'not-applied' | 'unknown') =>
    new MutationError('ecs:StopServiceDeployment: the answer was lost (socket hang up)', applied, 'lost');

  /** A runner over a store holding `snapshot`, whose backend answers each rollback call from `answers` in turn. */
  function runner(snapshot: ServiceSnapshot, answers: (RollbackResult | Error)[], pin?: PinResult | Error) {
    const store = createStore(initialState());
    store.dispatch({ type: 'source/loaded', source: 'service', data: snapshot, at: Date.now() });
    const calls: RollbackRequest[] = [];
    const audit: AuditEvent[] = [];
    const backend = {
      now: () => Date.now(),
      rollback: async (req: RollbackRequest) => {
        calls.push(req);
        const answer = answers.shift() ?? new Error('no more answers');
        if (answer instanceof Error) throw answer;
        return answer;
      },
      pinImages: async () => {
        if (!pin || pin instanceof Error) throw pin ?? new Error('no pin');
        return pin;
      },
    };
    const run = new RollbackRunner(
      store,
      backend,
      (e) => audit.push(e) > 0,
      () => undefined,
    );
    return { store, calls, audit, run };
  }
  const phases = (audit: AuditEvent[]) => audit.map((e) => ('phase' in e ? `${e.kind} ${e.phase}` : e.kind));

  it('a Stop AWS refused falls back to UpdateService', async () => {
    const refused = new MutationError('ecs:StopServiceDeployment: ConflictException', 'not-applied', 'error');
    const r = runner(inFlight(), [refused, { method: 'update-service' }]);
    await r.run.confirm();
    expect(r.calls.map((c) => c.method)).toEqual(['stop-service-deployment', 'update-service']);
    expect(r.audit[1]).toMatchObject({ phase: 'failed', outcome: 'not-applied' });
    expect(r.audit[2]).toMatchObject({ phase: 'accepted', method: 'update-service', outcome: 'applied' });
  });

  it.each(['not-applied', 'unknown'] as const)(
    'a Stop whose answer was lost (read back %s) is never followed by an UpdateService',
    async (applied) => {
      const r = runner(inFlight(), [lostStop(applied), { method: 'update-service' }]);
      await r.run.confirm();
      expect(r.calls.map((c) => c.method)).toEqual(['stop-service-deployment']);
      expect(phases(r.audit)).toEqual(['rollback requested', 'rollback failed']);
      expect(r.audit[1]).toMatchObject({ outcome: applied, answer: 'lost', method: 'stop-service-deployment' });
      expect(r.store.getState().rollback.phase).toBe('failed');
    },
  );

  it('says what to do: press r when it was not applied, check the service when nobody knows', async () => {
    const notApplied = runner(inFlight(), [lostStop('not-applied')]);
    await notApplied.run.confirm();
    expect(notApplied.store.getState().rollback.error).toMatch(/ — not applied: press r to try again$/);
    const unknown = runner(inFlight(), [lostStop('unknown')]);
    await unknown.run.confirm();
    expect(unknown.store.getState().rollback.error).toMatch(
      / — it may have been applied: check the service before retrying$/,
    );
  });

  it('a lost answer read back as applied is accepted, and the audit says how it is known', async () => {
    const r = runner(service(42, [41, 42]), [{ method: 'update-service', deploymentId: 'd', answer: 'lost' }]);
    await r.run.confirm();
    expect(r.audit[1]).toMatchObject({ phase: 'accepted', outcome: 'applied', answer: 'lost' });
    expect(r.store.getState().rollback.phase).toBe('in-flight');
  });

  it('a pin found by reading back is recorded with its lost answer, and its copy rolled back to', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const snapshot = service(42, [41, 42], {
      taskDefinitions: { 'web:41': taskDef(41, 'ACTIVE', 'latest'), 'web:42': taskDef(42) },
      servedImages: { 'web:41': { images: [{ container: 'web', image: 'registry.example.com/web:latest', digest }] } },
    });
    const r = runner(snapshot, [{ method: 'update-service' }], { family: 'web', revision: 43, answer: 'lost' });
    await r.run.pinAndConfirm();
    expect(r.audit[1]).toEqual(
      expect.objectContaining({ kind: 'pin', phase: 'registered', to: ref(43), answer: 'lost' }),
    );
    expect(r.calls[0]?.to).toEqual(ref(43));
  });
});

import { describe, expect, it } from 'vitest';
import { runBuiltIn, type BuiltInKind } from '../../src/checklist/builtIns.js';
import { Controller } from '../../src/app/controller.js';
import type { ChecklistStepDef } from '../../src/domain/model.js';
import { appendBatch } from '../../src/app/reducers/logsReducer.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import type { AppState } from '../../src/app/state.js';
import { selectSignals } from '../../src/app/selectors.js';
import { createStore } from '../../src/app/store.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { TEST_INTERVALS } from '../helpers/renderApp.js';
import { deployment, service } from '../helpers/service.js';

const step = (kind: BuiltInKind, params?: ChecklistStepDef['params']) => ({
  id: kind,
  title: kind,
  phase: 'post' as const,
  kind,
  params,
});
const loaded = (over: Partial<AppState>) => selectSignals({ ...initialState(), ...over });
const ok = <T>(data: T) => ({ data, status: 'ok' as const, updatedAt: 1 });

describe('built-in checks', () => {
  it('ecs-steady needs one COMPLETED deployment with running = desired', () => {
    expect(runBuiltIn(step('ecs-steady'), loaded({ service: ok(service(42, [42])) }), 0).passed).toBe(true);
    const rolling = service(42, [41, 42], {
      deployments: [deployment(42, { rolloutState: 'IN_PROGRESS', running: 2 }), deployment(41, { status: 'ACTIVE' })],
    });
    const r = runBuiltIn(step('ecs-steady'), loaded({ service: ok(rolling) }), 0);
    expect(r).toEqual({ passed: false, output: '2 deployment(s), PRIMARY IN_PROGRESS, running 2/3' });
    expect(runBuiltIn(step('ecs-steady'), selectSignals(initialState()), 0).passed).toBe(false);
  });

  it('alarms-ok names the alarms in ALARM', () => {
    const alarms = [
      { name: 'a', kind: 'metric' as const, state: 'OK' as const, reason: '', stateUpdatedAt: 0 },
      { name: 'web-5xx', kind: 'metric' as const, state: 'ALARM' as const, reason: '', stateUpdatedAt: 0 },
    ];
    expect(runBuiltIn(step('alarms-ok'), loaded({ alarms: ok(alarms) }), 0)).toEqual({
      passed: false,
      output: 'in ALARM: web-5xx',
    });
    expect(runBuiltIn(step('alarms-ok'), loaded({ alarms: ok(alarms.slice(0, 1)) }), 0).passed).toBe(true);
  });

  it('no-log-errors looks only at the last N minutes, with the given pattern', () => {
    const now = 10 * 60_000;
    const logs = appendBatch(
      initialState().logs,
      [
        { id: '1', timestamp: 60_000, stream: 's', message: 'ERROR old', level: 'ERROR' },
        { id: '2', timestamp: now - 60_000, stream: 's', message: 'all good', level: 'INFO' },
      ],
      0,
    );
    expect(
      runBuiltIn(step('no-log-errors', { minutes: 5, pattern: 'ERROR|PANIC' }), loaded({ logs }), now).passed,
    ).toBe(true);
    const r = runBuiltIn(step('no-log-errors', { minutes: 15, pattern: 'ERROR|PANIC' }), loaded({ logs }), now);
    expect(r).toEqual({ passed: false, output: '1 matching line(s), first: ERROR old' });
  });

  it('metric-below and cost-within compare against their limits', () => {
    const metrics = [{ id: 'p99', label: 'p99', unit: 'ms', points: [], current: 612 }];
    expect(
      runBuiltIn(step('metric-below', { metric: 'p99', below: 500 }), loaded({ metrics: ok(metrics) }), 0),
    ).toEqual({ passed: false, output: 'p99 612 ms (must be < 500 ms)' });
    expect(
      runBuiltIn(step('metric-below', { metric: 'p99', below: 700 }), loaded({ metrics: ok(metrics) }), 0).passed,
    ).toBe(true);
    const cost = {
      currency: 'USD',
      days: [{ date: 'd', total: 2.5, byService: [] }],
      monthToDate: 40,
      expectedDaily: { min: 1.5, max: 2 },
    };
    expect(runBuiltIn(step('cost-within'), loaded({ cost: ok(cost) }), 0).passed).toBe(false);
  });
});

describe('the verdict built-in', () => {
  const evidence = (outcome: 'PASS' | 'MARGINAL' | 'FAIL' | 'INCONCLUSIVE', score?: number) => ({
    ...loaded({}),
    evidence: { outcome, score, reasons: ['p99 600 ms vs 200 ms baseline (3.0x, p<0.001)'], metrics: [], beside: [] },
  });
  it('passes PASS only, MARGINAL when allowed, never INCONCLUSIVE, and says the reasons', () => {
    expect(runBuiltIn(step('verdict'), evidence('PASS', 100), 0)).toEqual({
      passed: true,
      output: 'PASS (score 100); p99 600 ms vs 200 ms baseline (3.0x, p<0.001)',
    });
    expect(runBuiltIn(step('verdict'), evidence('MARGINAL', 80), 0).passed).toBe(false);
    expect(runBuiltIn(step('verdict', { allow: 'marginal' }), evidence('MARGINAL', 80), 0).passed).toBe(true);
    expect(runBuiltIn(step('verdict', { allow: 'marginal' }), evidence('INCONCLUSIVE'), 0).passed).toBe(false);
    expect(runBuiltIn(step('verdict'), evidence('FAIL', 50), 0).output).toMatch(/^FAIL \(score 50\); p99/);
    expect(runBuiltIn(step('verdict'), loaded({}), 0)).toEqual({
      passed: false,
      output: 'no release verdict yet (T+0 not known)',
    });
  });
});

describe('running the checklist', () => {
  it('`a` runs the automatic steps in order and stops at the first failure; manual steps are left alone', async () => {
    const steps: ChecklistStepDef[] = [
      { id: 'm', title: 'Image pushed', phase: 'pre', kind: 'manual' },
      { id: 's', title: 'steady', phase: 'deploy', kind: 'ecs-steady' },
      { id: 'a', title: 'alarms', phase: 'post', kind: 'alarms-ok' },
      { id: 'c', title: 'cost', phase: 'post', kind: 'cost-within' },
    ];
    const store = createStore(initialState({ checklist: steps }));
    store.dispatch({ type: 'source/loaded', source: 'service', data: service(42, [42]), at: 1 });
    store.dispatch({
      type: 'source/loaded',
      source: 'alarms',
      data: [{ name: 'x', kind: 'metric', state: 'ALARM', reason: '', stateUpdatedAt: 0 }],
      at: 1,
    });
    await new Controller(new FakeBackend(), store, TEST_INTERVALS).checklist.runAutomatic();
    const r = store.getState().checklist.results;
    expect(r.s?.status).toBe('passed');
    expect(r.a?.status).toBe('failed');
    expect(r.c).toBeUndefined();
    expect(r.m).toBeUndefined();
  });
});

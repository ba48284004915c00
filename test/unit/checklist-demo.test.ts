// Built-in checks and the soak step over the demo world's data, read the way the dashboard reads it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checklistHost } from '../../src/app/checklistHost.js';
import { ChecklistRunner } from '../../src/checklist/runner.js';
import type { ScenarioName } from '../../src/adapters/demo/index.js';
import type { ChecklistStepDef } from '../../src/domain/model.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import { DEMO_INTERVALS } from '../../src/config/settings.js';
import { collectSnapshot } from '../../src/cli/snapshot.js';
import { demoOnClock } from '../helpers/demoClock.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { service } from '../helpers/service.js';
import type { AuditEvent } from '../../src/domain/audit.js';

const MIN = 60_000;
const noRunners = {
  http: () => Promise.reject(new Error('no http here')),
  command: () => Promise.reject(new Error('no commands here')),
};
const BUILT_INS: ChecklistStepDef[] = [
  { id: 'steady', title: 'steady', phase: 'deploy', kind: 'ecs-steady' },
  { id: 'alarms', title: 'alarms', phase: 'post', kind: 'alarms-ok' },
  { id: 'logs', title: 'logs', phase: 'post', kind: 'no-log-errors', params: { minutes: 5 } },
  { id: 'p99', title: 'p99', phase: 'post', kind: 'metric-below', params: { metric: 'p99', below: 500 } },
  { id: 'cost', title: 'cost', phase: 'post', kind: 'cost-within' },
];

/** The demo world at T+minutes after the release, loaded through the same sources the dashboard polls. */
async function demoAt(scenario: ScenarioName, minutes: number) {
  const { backend, at } = await demoOnClock({ scenario });
  at(minutes * MIN);
  const state = await collectSnapshot(backend, DEMO_INTERVALS);
  const store = createStore({ ...state, checklist: { steps: BUILT_INS, results: {} } });
  const audit: AuditEvent[] = [];
  return {
    store,
    audit,
    runner: new ChecklistRunner(
      checklistHost(store, backend, (e) => void audit.push(e)),
      noRunners,
    ),
  };
}

describe('built-in checks on the demo world', () => {
  it('bad-release at T+7 min: steady passes; alarms, errors and p99 fail and say why; each result is audited', async () => {
    const d = await demoAt('bad-release', 7);
    const results: Record<string, boolean> = {};
    for (const s of BUILT_INS) results[s.id] = await d.runner.run(s.id);
    expect(results).toMatchObject({ steady: true, alarms: false, logs: false, p99: false });
    const out = d.store.getState().checklist.results;
    expect(out.alarms?.output).toMatch(/^in ALARM: .*web-5xx-high/);
    expect(out.logs?.output).toMatch(/^\d+ matching line\(s\), first: /);
    expect(out.p99?.output).toMatch(/^p99 \d+ ms \(must be < 500 ms\)$/);
    expect(d.audit.map((e) => e.kind === 'checklist' && [e.step, e.status])).toEqual(
      BUILT_INS.map((s) => [s.id, results[s.id] ? 'passed' : 'failed']),
    );
    expect(d.audit[0]).toMatchObject({
      phase: 'deploy',
      stepKind: 'ecs-steady',
      outputDigest: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
    });
  });

  it('while the rollout runs, ecs-steady fails with the counts', async () => {
    const d = await demoAt('bad-release', 0.5);
    expect(await d.runner.run('steady')).toBe(false);
    expect(d.store.getState().checklist.results.steady?.output).toMatch(
      /2 deployment\(s\), PRIMARY IN_PROGRESS, running \d\/3/,
    );
  });

  it('healthy at T+10 min: every built-in passes, and `a` runs them all', async () => {
    const d = await demoAt('healthy', 10);
    await d.runner.runAutomatic();
    const r = d.store.getState().checklist.results;
    expect(Object.fromEntries(BUILT_INS.map((s) => [s.id, r[s.id]?.status]))).toEqual({
      steady: 'passed',
      alarms: 'passed',
      logs: 'passed',
      p99: 'passed',
      cost: 'passed',
    });
  });
});

describe('the wait (soak) step', () => {
  afterEach(() => vi.useRealTimers());
  const soakStep: ChecklistStepDef = { id: 'soak', title: 'soak', phase: 'post', kind: 'wait', params: { minutes: 2 } };

  function steady() {
    vi.useFakeTimers();
    const backend = new FakeBackend();
    const store = createStore(initialState({ checklist: [soakStep] }));
    store.dispatch({ type: 'source/loaded', source: 'service', data: service(42, [41, 42]), at: 1 });
    store.dispatch({
      type: 'source/loaded',
      source: 'alarms',
      data: [{ name: 'web-5xx', kind: 'metric', state: 'OK', reason: '', stateUpdatedAt: 0 }],
      at: 1,
    });
    return {
      backend,
      store,
      runner: new ChecklistRunner(
        checklistHost(store, backend, () => {}),
        noRunners,
      ),
    };
  }
  const advance = async (d: ReturnType<typeof steady>, ms: number) => {
    d.backend.clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('passes after its minutes of clean signals, and not before', async () => {
    const d = steady();
    const done = d.runner.run('soak');
    await advance(d, MIN);
    expect(d.store.getState().checklist.results.soak?.status).toBe('running');
    await advance(d, MIN + 1000);
    expect(await done).toBe(true);
    expect(d.store.getState().checklist.results.soak?.output).toContain('2 min of clean signals');
  });

  it('fails at the first alarm, naming it', async () => {
    const d = steady();
    const done = d.runner.run('soak');
    await advance(d, 30_000);
    d.store.dispatch({
      type: 'source/loaded',
      source: 'alarms',
      data: [{ name: 'web-5xx', kind: 'metric', state: 'ALARM', reason: '', stateUpdatedAt: 0 }],
      at: 2,
    });
    await advance(d, 1000);
    expect(await done).toBe(false);
    expect(d.store.getState().checklist.results.soak?.output).toMatch(/^soak failed after \d+s: in ALARM: web-5xx/);
  });

  it('x cancels it', async () => {
    const d = steady();
    const done = d.runner.run('soak');
    await advance(d, 10_000);
    expect(d.runner.cancel('soak')).toBe(true);
    expect(await done).toBe(false);
    expect(d.store.getState().checklist.results.soak?.output).toBe('cancelled');
  });
});

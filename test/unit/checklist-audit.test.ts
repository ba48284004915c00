// Checklist results in the real audit log file, with a real shell command.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, readAudit } from '../../src/app/auditLog.js';
import { Controller } from '../../src/app/controller.js';
import type { ChecklistStepDef } from '../../src/domain/model.js';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { createStore } from '../../src/app/store.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { TEST_INTERVALS } from '../helpers/renderApp.js';

const step: ChecklistStepDef = {
  id: 'smoke',
  title: 'Smoke test',
  phase: 'post',
  kind: 'command',
  command: { run: 'echo all good', timeoutMs: 10_000, expect: { outputRegex: 'good' } },
};

function setup(path: string) {
  const store = createStore(initialState({ checklist: [step] }));
  const audit = new AuditLog(path, { cluster: 'prod', service: 'web', backend: 'aws' }, () => ({
    user: 'jane',
    host: 'bastion',
  }));
  return { store, controller: new Controller(new FakeBackend(), store, TEST_INTERVALS, { audit }) };
}

describe('checklist results in the audit log', () => {
  it('a command is recorded as started before it runs, then with its result, duration and output digest', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sw-audit-')), 'audit.jsonl');
    const { controller } = setup(path);
    expect(await controller.checklist.run('smoke')).toBe(true);
    const { entries } = readAudit(path);
    expect(entries.map((e) => e.kind === 'checklist' && e.status)).toEqual(['started', 'passed']);
    expect(entries[0]).toMatchObject({
      step: 'smoke',
      phase: 'post',
      stepKind: 'command',
      summary: 'echo all good',
      cluster: 'prod',
      service: 'web',
      who: { user: 'jane' },
    });
    expect(entries[1]).toMatchObject({
      durationMs: expect.any(Number),
      outputDigest: expect.stringMatching(/^sha256:[0-9a-f]{16}$/),
    });
  });

  it('refuses to run a command when the audit log cannot be written, and says so', async () => {
    // A directory where the file should be: appending fails, for root too.
    const path = join(mkdtempSync(join(tmpdir(), 'sw-audit-bad-')), 'audit.jsonl');
    mkdirSync(path);
    const { store, controller } = setup(path);
    expect(await controller.checklist.run('smoke')).toBe(false);
    expect(store.getState().ui.notice).toBe(
      'not run: the audit log cannot be written, and "Smoke test" runs a command',
    );
    expect(store.getState().checklist.results.smoke).toBeUndefined();
  });
});

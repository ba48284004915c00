// The audit log's other readers keep what could be read and say what could not: the dashboard's
// notice (through the release memory) and `shipwatch report`'s stderr name the torn line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseMemory } from '../../src/cli/releaseMemory.js';
import { runReportCommand } from '../../src/cli/reportCommand.js';

const accepted = {
  at: new Date(Date.now() - 10 * 60_000).toISOString(),
  who: { user: 'jane', host: 'bastion-1' },
  cluster: 'demo-cluster',
  service: 'web',
  backend: 'demo',
  kind: 'rollback',
  phase: 'accepted',
  from: { family: 'web', revision: 42 },
  to: { family: 'web', revision: 41 },
  method: 'update-service',
};

function tornLog() {
  const dir = mkdtempSync(join(tmpdir(), 'audit-callers-'));
  const path = join(dir, 'audit.jsonl');
  writeFileSync(path, `${JSON.stringify(accepted)}\n{"at":"2026-11-23T10:0\n${JSON.stringify(accepted)}\n`);
  writeFileSync(join(dir, 'empty.yaml'), 'checklist: []\n');
  return { path, config: join(dir, 'empty.yaml'), out: join(dir, 'record.md') };
}

afterEach(() => vi.restoreAllMocks());

describe('readers of a torn audit log', () => {
  it('the release memory keeps the rollbacks and names the torn line for the notice', () => {
    const { path } = tornLog();
    const memory = releaseMemory({ auditPath: path }, { cluster: 'demo-cluster', service: 'web' });
    expect(memory.init.knownRollbacks).toHaveLength(2);
    expect(memory.init.recorded).toHaveLength(2);
    expect(memory.problem).toBe(`audit log ${path}: line 2: not an audit entry (torn write?)`);
  });

  it('shipwatch report writes the record and names the torn line on stderr', async () => {
    const t = tornLog();
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const args = ['--demo', '--config', t.config, '--audit-file', t.path, '--out', t.out, '--since', '2h'];
    expect(await runReportCommand(args, '1.2.3')).toBe(0);
    expect(err).toHaveBeenCalledWith(`shipwatch report: ${t.path}: line 2: not an audit entry (torn write?)\n`);
    expect(err).toHaveBeenCalledWith(`wrote ${t.out}\n`);
  });
});

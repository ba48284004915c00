// The audit log's other readers keep what could be read and say what could not: the dashboard's
// notice (through the release memory) and `shipwatch report`'s stderr name the torn line.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseMemory } from '../../src/cli/releaseMemory.js';
import { runReportCommand } from '../../src/cli/reportCommand.js';
import { auditFileWith, ROLLBACK_ENTRY } from '../helpers/auditFile.js';

const accepted = {
  ...ROLLBACK_ENTRY,
  at: new Date(Date.now() - 10 * 60_000).toISOString(),
  cluster: 'demo-cluster',
  backend: 'demo',
  phase: 'accepted',
};

function tornLog() {
  const torn = `${JSON.stringify(accepted)}\n{"at":"2026-11-23T10:0\n${JSON.stringify(accepted)}\n`;
  const path = auditFileWith(torn, 'audit-callers-');
  const dir = dirname(path);
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

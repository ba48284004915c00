// A crash mid-write leaves the audit log's last line without its newline. The next entry must start
// on a fresh line (else it is glued to the fragment and lost with it), and the fragment is reported.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, readAudit } from '../../src/app/auditLog.js';

const context = { cluster: 'prod', service: 'web', backend: 'aws' };
const who = () => ({ user: 'jane', host: 'bastion-1' });
const ref = (revision: number) => ({ family: 'web', revision });
const requested = {
  kind: 'rollback',
  phase: 'requested',
  from: ref(42),
  to: ref(41),
  method: 'update-service',
} as const;

function logWithRepairs(path: string) {
  const repairs: string[] = [];
  return { log: new AuditLog(path, context, who, { onRepair: (m) => repairs.push(m) }), repairs };
}

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'audit-torn-')), 'audit.jsonl');

describe('audit log after a torn write', () => {
  it('starts the next entry on a fresh line: the old entries and the new one read back, the fragment is named', () => {
    const path = tempPath();
    const { log, repairs } = logWithRepairs(path);
    log.append({ kind: 'alarm', alarm: 'web-5xx', from: 'OK', to: 'ALARM' });
    log.append({ ...requested, phase: 'accepted' });
    appendFileSync(path, '{"at":"2026-11-23T10:03:00.000Z","kind":"roll'); // the crash
    log.append(requested);

    const { entries, problems } = readAudit(path);
    expect(entries.map((e) => (e.kind === 'rollback' ? e.phase : e.kind))).toEqual(['alarm', 'accepted', 'requested']);
    expect(problems).toEqual(['line 3: not an audit entry (torn write?)']);
    expect(repairs).toEqual([`audit log ${path}: a torn line 3 was set aside`]);
    expect(readFileSync(path, 'utf8').split('\n')[3]).toMatch(/^\{"at":.*"phase":"requested"/);
  });

  it('repairs once: the next append finds a whole last line', () => {
    const path = tempPath();
    writeFileSync(path, '{"at":"2026-11-23T10:0');
    const { log, repairs } = logWithRepairs(path);
    log.append(requested);
    log.append({ ...requested, phase: 'accepted' });
    expect(repairs).toEqual([`audit log ${path}: a torn line 1 was set aside`]);
    expect(readAudit(path).entries).toHaveLength(2);
    expect(readAudit(path).problems).toEqual(['line 1: not an audit entry (torn write?)']);
  });

  it('leaves a whole file and an empty one as they are', () => {
    const path = tempPath();
    writeFileSync(path, '');
    const { log, repairs } = logWithRepairs(path);
    log.append(requested);
    log.append(requested);
    expect(repairs).toEqual([]);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    expect(readAudit(path).problems).toEqual([]);
  });

  it('counts lines past a large file to name the torn one', () => {
    const path = tempPath();
    const { log, repairs } = logWithRepairs(path);
    log.append({ kind: 'alarm', alarm: 'web-5xx', to: 'OK' });
    // Past the 64 KiB the line count is read in: the count must carry across chunks.
    writeFileSync(path, readFileSync(path, 'utf8').repeat(3000) + '{"at":');
    log.append(requested);
    expect(repairs).toEqual([`audit log ${path}: a torn line 3001 was set aside`]);
    expect(readAudit(path).entries).toHaveLength(3001);
  });
});

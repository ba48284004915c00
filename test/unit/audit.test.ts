import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditTable } from '../../src/cli/auditCommand.js';
import { AuditLog, readAudit } from '../../src/app/auditLog.js';
import { defaultAuditPath, demoAuditPath } from '../../src/config/statePaths.js';

const who = () => ({ caller: 'arn:aws:sts::123456789012:assumed-role/oncall/jane', user: 'jane', host: 'bastion-1' });
const log = (path: string) => new AuditLog(path, { cluster: 'prod', service: 'web', backend: 'aws' }, who);
const ref = (revision: number) => ({ family: 'web', revision });

describe('audit log', () => {
  it('appends one JSON line per event, creating the folder', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'deep', 'audit.jsonl');
    const a = log(path);
    a.append(
      { kind: 'rollback', phase: 'requested', from: ref(42), to: ref(41), method: 'update-service' },
      new Date('2026-11-23T10:00:00Z'),
    );
    a.append({ kind: 'alarm', alarm: 'web-5xx', from: 'OK', to: 'ALARM' }, new Date('2026-11-23T10:01:00Z'));
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual({
      at: '2026-11-23T10:00:00.000Z',
      who: who(),
      cluster: 'prod',
      service: 'web',
      backend: 'aws',
      kind: 'rollback',
      phase: 'requested',
      from: ref(42),
      to: ref(41),
      method: 'update-service',
    });
  });

  it('reads past a torn last line (a crash mid-write), names it, and prints a table', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.jsonl');
    log(path).append(
      {
        kind: 'rollback',
        phase: 'accepted',
        from: ref(42),
        to: ref(41),
        method: 'update-service',
        outcome: 'applied',
        answer: 'lost',
      },
      new Date('2026-11-23T10:00:00Z'),
    );
    log(path).append(
      {
        kind: 'checklist',
        step: 's1',
        title: 'ECS service steady',
        phase: 'deploy',
        stepKind: 'ecs-steady',
        status: 'passed',
        durationMs: 3,
      },
      new Date('2026-11-23T10:02:00Z'),
    );
    appendFileSync(path, '{"at":"2026-11-23T10:03');
    const { entries, problems, file } = readAudit(path);
    expect(file).toBe('read');
    expect(problems).toEqual(['line 3: not an audit entry (torn write?)']);
    expect(entries).toHaveLength(2);
    expect(auditTable(entries)).toBe(
      [
        '2026-11-23 10:00:00  jane@bastion-1 (oncall/jane)  prod/web  rollback accepted web:42 → web:41 (update-service) [applied, answer lost: read back]',
        '2026-11-23 10:02:00  jane@bastion-1 (oncall/jane)  prod/web  check PASSED ECS service steady (3 ms)',
        '',
      ].join('\n'),
    );
    expect(readAudit(join(tmpdir(), 'no-such-audit.jsonl'))).toEqual({ entries: [], problems: [], file: 'missing' });
    expect(auditTable([])).toBe('no audit entries yet\n');
  });

  it('lives in the XDG state folder; the demo writes to its own file', () => {
    expect(defaultAuditPath({ XDG_STATE_HOME: '/var/state' })).toBe('/var/state/shipwatch/audit.jsonl');
    expect(demoAuditPath({ XDG_STATE_HOME: '/var/state' })).toBe('/var/state/shipwatch/audit-demo.jsonl');
    expect(defaultAuditPath({ XDG_STATE_HOME: 'relative' })).toMatch(/\.local\/state\/shipwatch\/audit\.jsonl$/);
  });
});

// Reading the audit log back: only lines shaped like entries are entries (a `{}` or `null` line must
// not reach code that reads e.from.family), every other line is named by its number, and strings in
// the file are outside text, sanitised before anything prints them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSummary, readAudit } from '../../src/app/auditRead.js';
import { auditProblemLines, auditTable } from '../../src/cli/auditCommand.js';
import type { AuditEntry } from '../../src/domain/audit.js';
import { auditFileWith, ROLLBACK_ENTRY } from '../helpers/auditFile.js';
import { forbiddenIn, HOSTILE, missingMarkers, stringsIn } from '../helpers/hostileText.js';

const base = { at: '2026-11-23T10:00:00.000Z', who: { user: 'jane', host: 'b1' }, cluster: 'prod', service: 'web' };
const rollback = { ...ROLLBACK_ENTRY, ...base, phase: 'failed' };
const alarm = { ...base, backend: 'aws', kind: 'alarm', alarm: 'web-5xx', from: 'OK', to: 'ALARM' };

/** Each payload in the error of a failed rollback and in the reason of an alarm transition. */
const hostileEntries = () =>
  HOSTILE.flatMap((p) => [
    { ...rollback, error: p.text },
    { ...alarm, reason: p.text },
  ]);

const fileOf = (lines: string[]) => auditFileWith(lines.join('\n') + '\n', 'audit-read-');

describe('reading the audit log back', () => {
  it('keeps every entry and names every other non-empty line with its number', () => {
    const path = fileOf([
      JSON.stringify(rollback),
      '{}',
      'null',
      '',
      '[]',
      '42',
      JSON.stringify({ ...rollback, kind: 'bogus' }),
      JSON.stringify({ ...rollback, from: undefined }),
      JSON.stringify({ ...alarm, at: 'yesterday' }),
      JSON.stringify({ ...alarm, who: 'jane' }),
      '\u0000\u0000\ufffd\u0001binary',
      JSON.stringify({ ...alarm, outcome: 'applied' }),
    ]);
    const { entries, problems, file } = readAudit(path);
    expect(file).toBe('read');
    expect(entries).toEqual([rollback, { ...alarm, outcome: 'applied' }]);
    expect(problems).toEqual([
      'line 2: not an audit entry (no kind)',
      'line 3: not an audit entry (not an object)',
      'line 5: not an audit entry (not an object)',
      'line 6: not an audit entry (not an object)',
      'line 7: not an audit entry (unknown kind "bogus")',
      expect.stringMatching(/^line 8: not an audit entry \(from: /),
      'line 9: not an audit entry (at: not a time)',
      expect.stringMatching(/^line 10: not an audit entry \(who: /),
      'line 11: not an audit entry (torn write?)',
    ]);
  });

  it('sanitises every string read back, so no control sequence leaves the reader', () => {
    const { entries } = readAudit(fileOf(hostileEntries().map((e) => JSON.stringify(e))));
    expect(entries).toHaveLength(HOSTILE.length * 2);
    const strings = entries.flatMap(stringsIn).join('\n');
    expect(forbiddenIn(strings, false)).toEqual([]);
    expect(missingMarkers(strings)).toEqual([]);
  });

  it('a missing file is no entries yet; an unreadable one is one problem line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-read-'));
    expect(readAudit(join(dir, 'none.jsonl'))).toEqual({ entries: [], problems: [], file: 'missing' });
    expect(readAudit(dir)).toEqual({
      entries: [],
      problems: [`cannot read ${dir}: it is a directory`],
      file: 'unreadable',
    });
    const denied = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(readAudit('/x/audit.jsonl', denied).problems).toEqual(['cannot read /x/audit.jsonl: permission denied']);
  });

  it('says the problems in one line for the notice, and a capped list for stderr', () => {
    const path = fileOf(Array.from({ length: 14 }, () => '{"at":'));
    const read = readAudit(path);
    expect(auditSummary(path, read)).toBe(
      `audit log ${path}: line 1: not an audit entry (torn write?) (and 13 more lines)`,
    );
    const lines = auditProblemLines('shipwatch audit', path, read).split('\n').filter(Boolean);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(`shipwatch audit: ${path}: line 1: not an audit entry (torn write?)`);
    expect(lines[10]).toBe(`shipwatch audit: ${path}: … and 4 more lines that are not audit entries`);
    expect(auditSummary(path, { entries: [], problems: [], file: 'read' })).toBeUndefined();
  });
});

describe('the audit table', () => {
  it('prints hostile text from entries held in memory as visible text, never as control sequences', () => {
    const table = auditTable([
      ...hostileEntries(),
      ...HOSTILE.map((p) => ({ ...alarm, alarm: p.text, who: { user: p.text, host: p.text } })),
    ] as AuditEntry[]);
    expect(forbiddenIn(table, false)).toEqual([]);
    expect(missingMarkers(table)).toEqual([]);
    expect(table).toContain('rollback failed web:42 → web:41 (update-service): HOSTILE01');
    expect(table).toContain('alarm web-5xx OK → ALARM: HOSTILE01');
  });
});

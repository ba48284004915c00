import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import { parseSince, runReportCommand } from '../../src/cli/reportCommand.js';
import type { AuditEntry } from '../../src/domain/audit.js';

const CALLER = 'arn:aws:sts::123456789012:assumed-role/oncall/demo-user';
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const base = {
  who: { caller: CALLER, user: 'jane', host: 'bastion-1' },
  cluster: 'demo-cluster',
  service: 'web',
  backend: 'demo',
};
const entries: AuditEntry[] = [
  {
    ...base,
    at: ago(30),
    kind: 'checklist',
    step: 'health',
    title: 'Health endpoint',
    phase: 'pre',
    stepKind: 'http',
    status: 'passed',
    durationMs: 1200,
    summary: 'HTTP 200',
  },
  {
    ...base,
    at: ago(20),
    kind: 'checklist',
    step: 'smoke',
    title: 'Smoke test',
    phase: 'post',
    stepKind: 'command',
    status: 'failed',
    durationMs: 4000,
    summary: 'exit 1',
  },
  {
    ...base,
    at: ago(10),
    kind: 'rollback',
    phase: 'requested',
    from: { family: 'web', revision: 42 },
    to: { family: 'web', revision: 41 },
    method: 'update-service',
  },
  {
    ...base,
    at: ago(10),
    kind: 'rollback',
    phase: 'accepted',
    from: { family: 'web', revision: 42 },
    to: { family: 'web', revision: 41 },
    method: 'update-service',
  },
  // Older than the default two-hour window: left out.
  {
    ...base,
    at: ago(300),
    kind: 'checklist',
    step: 'old',
    title: 'Last week',
    phase: 'pre',
    stepKind: 'http',
    status: 'failed',
  },
];

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const audit = join(dir, 'audit.jsonl');
  writeFileSync(audit, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  // Its own config (so a shipwatch.yaml in the working directory cannot change the test) naming the
  // checklist the report judges completeness against.
  writeFileSync(
    join(dir, 'empty.yaml'),
    [
      'checklist:',
      "  - { id: health, title: Health endpoint, kind: http, phase: pre, url: 'http://127.0.0.1:9/health' }",
      "  - { id: smoke, title: Smoke test, kind: command, phase: post, run: 'true' }",
      '',
    ].join('\n'),
  );
  return { dir, audit, config: join(dir, 'empty.yaml'), out: join(dir, 'record.md') };
}

const field = (text: string, label: string) => new RegExp(`^- \\*\\*${label}:\\*\\* (.*)$`, 'm').exec(text)?.[1];

afterEach(() => vi.restoreAllMocks());

describe('shipwatch report', () => {
  it('writes the Markdown record from the audit log and the demo world', async () => {
    const t = setup();
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(
      // The demo's release is new each run (T+0 20 s ago): the window is given, as for an older record.
      await runReportCommand(
        ['--demo', '--config', t.config, '--audit-file', t.audit, '--out', t.out, '--since', '2h'],
        '1.2.3',
      ),
    ).toBe(0);
    expect(err).toHaveBeenCalledWith(`wrote ${t.out}\n`);
    const text = readFileSync(t.out, 'utf8');
    expect(text).toMatch(/^# Release record: web \(demo-cluster\)\n/);
    expect(field(text, 'Deployed by')).toMatch(new RegExp(`^${CALLER} \\(caller identity running shipwatch`));
    expect(field(text, 'Task definition revision')).toMatch(/^web:\d+/);
    expect(field(text, 'Image tag')).not.toMatch(/unknown/);
    expect(field(text, 'Date/Time')).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(T\+0: the release deployment created\)$/,
    );
    expect(field(text, 'Git commit')).toMatch(/^not recorded/);
    expect(field(text, 'Pre-deployment validation')).toMatch(/^PASSED \(/);
    expect(field(text, 'Post-deployment tests')).toMatch(/^FAILED \(/);
    expect(field(text, 'Rollback executed')).toBe('YES (web:42 → web:41, in flight)');
    expect(text).toContain('| Smoke test | failed |');
    expect(text).not.toContain('Last week');
    expect(text).toContain(`from the audit log ${t.audit}`);
    // the timeline section: each event at its T+ time from the release's T+0
    expect(text).toMatch(/## Timeline\n\n- T[+-]\d\d:\d\d /);
    expect(text).toMatch(/T-\d+:\d\d \(.*\) rollback web:42 → web:41 accepted/);
  });

  it('is scoped to the release by default: T+0 onward, pre-deployment checks from the window before it', async () => {
    const t = setup();
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(
      await runReportCommand(
        ['--demo', '--config', t.config, '--audit-file', t.audit, '--out', t.out, '--json'],
        '1.2.3',
      ),
    ).toBe(0);
    const r = JSON.parse(readFileSync(t.out, 'utf8'));
    const t0 = Date.parse(r.window.since);
    // The demo's release was created about 20 s before the dashboard (here: the report) opened.
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(r.release).toMatchObject({ taskDefinition: 'web:42', createdAt: r.window.since });
    expect(r.previous).toMatchObject({ taskDefinition: 'web:41' });
    // The post check and the rollback 10-20 min ago belong to an earlier release; the pre check 30 min ago counts.
    expect(r.checks.post.result).toBe('NOT RUN');
    expect(r.rollback.executed).toBe(false);
    expect(r.checks.pre.result).toBe('PASSED');
  });

  it('writes the record as JSON with --json, over a --since window', async () => {
    const t = setup();
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(
      await runReportCommand(
        ['--demo', '--config', t.config, '--audit-file', t.audit, '--out', t.out, '--json', '--since', '15m'],
        '1.2.3',
      ),
    ).toBe(0);
    const r = JSON.parse(readFileSync(t.out, 'utf8'));
    expect(r).toMatchObject({
      cluster: 'demo-cluster',
      service: 'web',
      live: { available: true },
      rollback: { executed: true },
    });
    // The checks ran before the 15-minute window.
    expect(r.checks.pre.result).toBe('NOT RUN');
    expect(Date.now() - Date.parse(r.window.since)).toBeGreaterThanOrEqual(15 * 60_000);
  });

  it('rejects a bad --since or flag with a one-line usage error (exit 2)', async () => {
    const t = setup();
    for (const argv of [
      ['--since', 'yesterday'],
      ['--since', '2999-01-01T00:00:00Z'],
      ['--frobnicate'],
      ['--speed', 'fast'],
    ]) {
      const e = await runReportCommand(
        ['--demo', '--config', t.config, '--audit-file', t.audit, ...argv],
        '1.2.3',
      ).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).exitCode).toBe(2);
      expect((e as Error).message).toMatch(/^report: [^\n]+$/);
    }
  });

  it('reads --since as an ISO time or a duration back from now', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseSince('90m', now, 0)).toBe(now - 90 * 60_000);
    expect(parseSince('3h', now, 0)).toBe(now - 3 * 3_600_000);
    expect(parseSince('2026-11-23T10:00:00Z', now, 0)).toBe(Date.parse('2026-11-23T10:00:00Z'));
    expect(parseSince(undefined, now, 7_200_000)).toBe(now - 7_200_000);
  });
});

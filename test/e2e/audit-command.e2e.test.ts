// `shipwatch audit --file` from the built file, over files a crash, an editor or an attacker could
// leave: entries on stdout, one line per problem on stderr, a sensible exit status, never a stack
// trace, and no control sequence from the file on either stream.
import { chmodSync, mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFileWith, freshAuditPath, ROLLBACK_ENTRY } from '../helpers/auditFile.js';
import { CLI_PATH, cliBuilt, runCli } from '../helpers/cli.js';
import { forbiddenIn, HOSTILE, missingMarkers, stringsIn } from '../helpers/hostileText.js';

beforeAll(() => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first (npm test does)`);
});

const entry = ROLLBACK_ENTRY;
const ROW = 'rollback requested web:42 → web:41 (update-service)';

const fileWith = (content: string | Buffer) => auditFileWith(content, 'audit-cli-');

async function audit(path: string, ...flags: string[]) {
  const r = await runCli(['audit', '--file', path, ...flags]);
  // Never a crash: no JS error names, no stack frames, on either stream.
  for (const out of [r.stdout, r.stderr]) {
    expect(out).not.toMatch(/TypeError|ReferenceError|SyntaxError|^\s+at /m);
    expect(forbiddenIn(out, false)).toEqual([]);
  }
  return r;
}

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('shipwatch audit --file', () => {
  // The two that crashed it (rc 1, a JS error); [], 42 and the other shapes are in test/unit/audit-read.test.ts.
  it.each([
    ['{}', '(no kind)'],
    ['null', '(not an object)'],
  ])('a file holding only %s: one problem line, exit 1, nothing on stdout', async (line, why) => {
    const path = fileWith(`${line}\n`);
    const r = await audit(path);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([`shipwatch audit: ${path}: line 1: not an audit entry ${why}`]);
  });

  it('entries around bad lines and a torn tail: the entries on stdout, exit 0, each bad line on stderr', async () => {
    const path = fileWith(`${JSON.stringify(entry)}\n{}\nnull\n${JSON.stringify(entry)}\n{"at":"2026-11-23T10:0`);
    const r = await audit(path);
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)).toHaveLength(2);
    expect(lines(r.stdout).every((l) => l.endsWith(ROW))).toBe(true);
    expect(lines(r.stderr)).toEqual([
      `shipwatch audit: ${path}: line 2: not an audit entry (no kind)`,
      `shipwatch audit: ${path}: line 3: not an audit entry (not an object)`,
      `shipwatch audit: ${path}: line 5: not an audit entry (torn write?)`,
    ]);
    const json = await audit(path, '--json');
    expect(json.exitCode).toBe(0);
    expect(lines(json.stdout).map((l) => JSON.parse(l))).toEqual([entry, entry]);
  });

  it('hostile text in entries reaches neither the table nor --json as control characters', async () => {
    const hostile = HOSTILE.flatMap((p) => [
      { ...entry, phase: 'failed', error: p.text },
      { ...entry, kind: 'alarm', alarm: p.text, from: 'OK', to: 'ALARM', reason: p.text },
    ]);
    const path = fileWith(hostile.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const table = await audit(path);
    expect(table.exitCode).toBe(0);
    expect(table.stderr).toBe('');
    expect(missingMarkers(table.stdout)).toEqual([]);
    const json = await audit(path, '--json');
    expect(json.exitCode).toBe(0);
    // JSON.stringify escapes ESC and BEL as \u001b and \u0007, which jq -r turns back into bytes.
    const parsed = lines(json.stdout).map((l) => JSON.parse(l));
    expect(parsed).toHaveLength(hostile.length);
    expect(forbiddenIn(parsed.flatMap(stringsIn).join('\n'), false)).toEqual([]);
  });

  it('a binary blob: problem lines, capped, exit 1', async () => {
    const blob = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    const r = await audit(fileWith(blob));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr).length).toBeLessThanOrEqual(11);
    expect(r.stderr).toMatch(/line 1: not an audit entry/);
  });

  it('a directory: one line, exit 1', async () => {
    const path = freshAuditPath('audit-cli-');
    mkdirSync(path);
    const r = await audit(path);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`shipwatch audit: cannot read ${path}: it is a directory\n`);
  });

  // root reads a mode-000 file anyway; the unit test covers EACCES with an injected reader.
  it.skipIf(process.getuid?.() === 0)('an unreadable file: one line, exit 1', async () => {
    const path = fileWith(`${JSON.stringify(entry)}\n`);
    chmodSync(path, 0o000);
    const r = await audit(path);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`shipwatch audit: cannot read ${path}: permission denied\n`);
  });

  it('a missing file: says there is none yet, exit 0', async () => {
    const path = freshAuditPath('audit-cli-'); // in a new folder, never written
    const r = await audit(path);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`shipwatch audit: no audit log at ${path} (nothing recorded yet)\n`);
  });

  it('an empty file: no entries yet, exit 0', async () => {
    const r = await audit(fileWith(''));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('no audit entries yet\n');
    expect(r.stderr).toBe('');
  });
});

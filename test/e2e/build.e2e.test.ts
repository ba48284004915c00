// The built single file: runs with plain node and no node_modules, prints a snapshot when stdout
// is not a terminal, and answers bad flags with one line and status 2.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliBuilt, runCli } from '../helpers/cli.js';

let bundle = '';
beforeAll(() => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first (npm test does)`);
  bundle = readFileSync(CLI_PATH, 'utf8');
});

describe('the built file', () => {
  it('is one executable script with React production code and the Ink patches baked in', () => {
    expect(bundle.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bundle).not.toMatch(/react(-reconciler)?\.development/);
    // Minified: identifiers are renamed (and may hold `$`), so the patched shapes are matched, not their names.
    expect(bundle).toMatch(/\.size>=4096&&/);
    expect(bundle).toMatch(/cursorUp\(([\w$]+)\.endsWith\(`\n`\)\?([\w$]+):\2-1\)/);
    // 5: a line the clip region holds whole is not sliced again.
    expect(bundle).toMatch(
      /([\w$]+)===0&&([\w$]+)===([\w$]+)\?[\w$]+\.caches\.getUnclippedLine\([\w$]+,\3\):[\w$]+\([\w$]+,\1,\2\)/,
    );
    // 8: each row drawn once per distinct set of writes.
    expect(bundle).toMatch(/\.map\([\w$]+=>this\.caches\.getRow\(this\.width,[\w$]+\)\)\.join\(`\n`\)/);
    // 6: each text measured and wrapped once.
    expect(bundle).toMatch(/\{width:[\w$]+\([\w$]+\),maxWidth:void 0,textWrap:void 0,wrapped:[\w$]+\}/);
    expect(bundle).toMatch(/=[\w$]+\([\w$]+,[\w$]+\([\w$]+\),[\w$]+\.style\.textWrap\?\?"wrap"\)/);
    // 7: a stdin read is one discrete update, drawn at once.
    expect(bundle).toMatch(
      /\.flushSyncFromReconciler\([\w$]+\)\}finally\{--this\.inputDepth===0&&this\.inputCommitted&&this\.drawInputFrame\(\)\}/,
    );
    expect(bundle).toMatch(/if\(this\.inputDepth>0\)\{this\.inputCommitted=!0;return\}/);
    expect(bundle).toContain('onInput:this.handOutInput}');
    expect(existsSync(`${CLI_PATH}.map`)).toBe(true);
    expect(bundle.trimEnd().endsWith(`//# sourceMappingURL=${basename(CLI_PATH)}.map`)).toBe(true);
  });

  it('runs from a folder without node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-bastion-'));
    const copy = join(dir, 'shipwatch.js');
    copyFileSync(CLI_PATH, copy);
    const r = await runCli(['--version'], { cwd: dir, script: copy });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+ \(commit [0-9a-f]{12}\)$/);
    expect(r.exitCode).toBe(0);
    const snap = await runCli(['--demo', '--seed', '3'], { cwd: dir, script: copy });
    expect(snap.stdout).toContain('Deployments');
    expect(snap.exitCode).toBe(0);
  });
});

describe('not a terminal', () => {
  it('prints a plain-text snapshot of the same data and exits 0', async () => {
    const r = await runCli(['--demo', '--seed', '1']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^shipwatch web @ demo-cluster \(us-east-1\) \[demo\] account 123456789012\n/);
    expect(r.stdout).toMatch(/T\+00:2\d {2}ROLLING {2}r → web:41 \(v1\.3\.6\)/);
    for (const section of ['Deployments', 'Tasks', 'Alarms', 'Metrics', 'Cost', 'Logs (newest last)'])
      expect(r.stdout).toContain(`\n${section}\n`);
    expect(r.stdout).toMatch(/PRIMARY web:42 +v1\.4\.0/);
    // T+20 s: too early to judge the release, and it says so.
    expect(r.stdout).toMatch(/\nRelease verdict INCONCLUSIVE\n {2}5xx %: too few points/);
    expect(r.stdout).toMatch(/\n {2}target group web-tg: 3 healthy\n/);
    expect(r.stdout).toMatch(/\n {2}[0-9a-f]{12} web:41 +RUNNING +HEALTHY +cpu \d+% mem \d+%\n/);
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('--json prints the snapshot as JSON', async () => {
    const r = await runCli(['--json', '--scenario', 'healthy']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      backend: 'demo',
      target: { cluster: 'demo-cluster', service: 'web' },
      verdict: 'ROLLING',
    });
    expect(doc.rollback.target).toEqual({ family: 'web', revision: 41 });
    expect(doc.alarms.length).toBe(4);
    expect(doc.releaseVerdict.outcome).toBe('INCONCLUSIVE');
    expect(doc.releaseVerdict.metrics.map((m: { id: string }) => m.id)).toContain('5xxRate');
    expect(doc.service.deployments[0].taskDefinition).toEqual({ family: 'web', revision: 42 });
  });

  it('a bad flag is one line naming it, status 2, no stack trace', async () => {
    for (const args of [['--speed', 'fast'], ['--scenario', 'chaos'], ['--nope']]) {
      const r = await runCli(args);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^shipwatch: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stdout).toBe('');
    }
  });
});

// `shipwatch checklist --runbook FILE` from the built file: lists what a runbook imports as, runs
// none of it, and keeps the runbook's escape sequences off the terminal.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliBuilt, runCli } from '../helpers/cli.js';

const runbook = (name: string) => fileURLToPath(new URL(`../fixtures/runbooks/${name}`, import.meta.url));

beforeAll(() => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first (npm test does)`);
});

describe('shipwatch checklist', () => {
  it('prints the facilitator runbook as a numbered list, then warnings and a summary', async () => {
    const file = runbook('facilitator-deployment-checklist.md');
    const r = await runCli(['checklist', '--runbook', file]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      '   1. [pre]    command  Validate Secrets\n      cd terraform/environments/production\n',
    );
    expect(r.stdout).toContain(
      '  10. [deploy] command  Verify Health Check\n      curl -s https://facilitator.ultravioletadao.xyz/health | jq\n',
    );
    expect(r.stdout).toContain('      placeholders: PREVIOUS_REVISION — fill these before running\n');
    expect(r.stdout).toContain(`      from ${file}:165\n`);
    expect(r.stdout).toMatch(/\nwarning: rb-3 'Update Image Tag' \(line 43\): nano needs a terminal/);
    expect(r.stdout.endsWith('\n25 steps: 21 command, 4 manual — nothing was run\n')).toBe(true);
  });

  it('--json prints {file, steps, warnings}', async () => {
    const r = await runCli(['checklist', '--runbook', runbook('phase-mirror-production-checklist.md'), '--json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.steps).toHaveLength(129);
    expect(doc.steps[0]).toMatchObject({ id: 'rb-1', phase: 'pre', kind: 'manual' });
    expect(doc.warnings).toHaveLength(4);
  });

  it('runs nothing, and shows escape sequences from the runbook as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-runbook-'));
    const file = join(dir, 'evil.md');
    writeFileSync(file, '## Deploy \u001b]0;pwned\u0007now \u0007\n\n```bash\ntouch ran-it\necho "\u001b[2J"\n```\n');
    const r = await runCli(['checklist', '--runbook', file], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(existsSync(join(dir, 'ran-it'))).toBe(false);
    expect(r.stdout).toContain('  1. [deploy] command  Deploy now \\x07\n     touch ran-it\n');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('1 steps: 1 command — nothing was run');
  });

  it('a missing flag or an unreadable file is one line on stderr and status 2', async () => {
    const missing = await runCli(['checklist']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe("shipwatch: checklist: required option '--runbook <file>' not specified\n");
    const unreadable = await runCli(['checklist', '--runbook', '/nonexistent/runbook.md']);
    expect(unreadable.exitCode).toBe(2);
    expect(unreadable.stderr).toMatch(/^shipwatch: cannot read runbook \/nonexistent\/runbook\.md: ENOENT[^\n]*\n$/);
    expect(unreadable.stdout).toBe('');
  });
});

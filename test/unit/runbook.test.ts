// The Markdown runbook importer, on the two real runbooks (copies of the workplace runbooks in
// test/fixtures/runbooks, so a plain clone passes) and on runbooks written differently (no
// numbering, checkboxes only, CRLF, Windows, placeholders).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runChecklistCommand } from '../../src/cli/checklistCommand.js';
import { UsageError } from '../../src/domain/errors.js';
import { importRunbook } from '../../src/checklist/runbook.js';
import type { ChecklistStepDef } from '../../src/domain/model.js';

const RUNBOOKS = new URL('../fixtures/runbooks/', import.meta.url);
const FACILITATOR = 'facilitator-deployment-checklist.md';
const PHASE_MIRROR = 'phase-mirror-production-checklist.md';
const ODD = new URL('../fixtures/runbooks/odd.md', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, RUNBOOKS), 'utf8');
const load = (name: string) => importRunbook(read(name), name);

/** "phase/kind" → how many steps. */
const tally = (steps: ChecklistStepDef[]) => {
  const out: Record<string, number> = {};
  for (const s of steps) out[`${s.phase}/${s.kind}`] = (out[`${s.phase}/${s.kind}`] ?? 0) + 1;
  return out;
};
const byTitle = (steps: ChecklistStepDef[], title: string) => {
  const s = steps.find((x) => x.title === title);
  if (!s) throw new Error(`no step titled ${title}: ${steps.map((x) => x.title).join(' | ')}`);
  return s;
};
const matches = (s: ChecklistStepDef, output: string) => new RegExp(s.command!.expect.outputRegex!, 'm').test(output);

/** Never silent: every line of text outside the skipped sections is somewhere in a step or a warning. */
function unaccounted(text: string, r: ReturnType<typeof importRunbook>): string[] {
  const norm = (s: string) =>
    s
      .replace(/\*\*|`/g, '')
      .replace(/_{4,}/g, '___')
      .replace(/\s+/g, ' ')
      .trim();
  const hay = norm(
    r.steps
      .flatMap((s) => [s.title, s.note ?? '', s.command?.run ?? ''])
      .concat(r.warnings)
      .join('\n'),
  );
  const lines = text.split(/\r?\n/);
  const skipped = new Set<number>();
  for (const w of r.warnings) {
    const m = /^skipped (?:section|the text under the title) '.*' \(line (\d+)\)/.exec(w);
    if (!m) continue;
    const start = Number(m[1]);
    const level = /^#+/.exec(lines[start - 1]!)?.[0].length ?? 1;
    let fence = false;
    for (let i = start - 1; i < lines.length; i++) {
      if (/^\s*```/.test(lines[i]!)) fence = !fence;
      else if (!fence && i > start - 1 && new RegExp(`^#{1,${level}} `).test(lines[i]!)) break;
      skipped.add(i);
    }
  }
  let inFence = false;
  return lines.flatMap((raw, i) => {
    if (/^\s*```/.test(raw)) inFence = !inFence;
    // Structure, not text: headings name the steps under them (or only set the phase), fences, rules.
    if (skipped.has(i) || /^\s*(```|~~~)/.test(raw) || (!inFence && /^\s*(#{1,6} |---|=+$|\|[\s:|-]+\|$)/.test(raw)))
      return [];
    const line = norm(
      raw.replace(/^\s*(#+|[-*+] \[[ xX]\]|[-*+]|\d+\.|\$)\s+/, '').replace(/^(step\s+)?\d+[.:)]\s+/i, ''),
    );
    if (!line || hay.includes(line)) return [];
    // "Expected: …" became a check, or its value is kept for the eye; a bare "Expected…:" labels what follows.
    const expected = /^expect[^:]*:\s*(.*)$/i.exec(line)?.[1];
    if (expected !== undefined) {
      const sample = expected.replace(/^["*]+|["*]+$/g, '').replace(/\b[XYZN]\b/g, '1');
      if (!expected || hay.includes(expected) || /empty output|no output/i.test(expected)) return [];
      if (r.steps.some((s) => s.command?.expect.outputRegex && matches(s, sample))) return [];
    }
    if (r.steps.some((s) => s.command?.expect.outputRegex && matches(s, line))) return [];
    return [`${i + 1}: ${raw}`];
  });
}

describe('facilitator runbook', () => {
  const r = load(FACILITATOR);

  it('imports 25 steps: every ### heading with a bash block, rollback and troubleshooting marked as such', () => {
    // pre: ### 1–5, each one bash block; 3 "Update Image Tag" ends in `nano` → manual.
    // deploy: ### 6–12, one bash block each. post: ### 13–16 (commands), 17 "Notify Team" (a plain ```
    // block → manual); 2 [rollback] blocks; 5 [troubleshooting] bash blocks (2 of them manual: `terraform
    // console`, `nano`; "Network not supported" has two: Symptom and Solution); "Cost Monitoring".
    // Contacts, Compliance and Audit, Automation (Future) and Additional Resources are skipped, with a warning.
    expect(tally(r.steps)).toEqual({
      'pre/command': 4,
      'pre/manual': 1,
      'deploy/command': 7,
      'post/command': 10,
      'post/manual': 3,
    });
    expect(r.steps.map((s) => s.id)).toEqual(Array.from({ length: 25 }, (_, i) => `rb-${i + 1}`));
    expect(r.steps.filter((s) => s.title.startsWith('[rollback] ')).map((s) => s.phase)).toEqual(['post', 'post']);
    expect(r.steps.filter((s) => s.title.startsWith('[troubleshooting] '))).toHaveLength(5);
  });

  it('keeps commands whole, without comment lines, and says where each came from', () => {
    expect(byTitle(r.steps, 'Monitor Deployment').command!.run).toBe(
      [
        'aws ecs describe-services \\',
        '  --cluster facilitator-production \\',
        '  --services facilitator-production \\',
        '  --region us-east-2 \\',
        "  --query 'services[0].deployments'",
      ].join('\n'),
    );
    expect(byTitle(r.steps, 'Review Code Changes').command!.run).toBe(
      'git log --oneline -10\ngit branch --show-current\ngit checkout main\ngit pull origin main',
    );
    expect(byTitle(r.steps, 'Review Code Changes').note).toContain("Ensure you're on main branch for production");
    expect(r.steps[0]).toMatchObject({
      title: 'Validate Secrets',
      phase: 'pre',
      kind: 'command',
      source: { file: FACILITATOR, line: 11 },
    });
    for (const s of r.steps)
      if (s.command) expect(s.command.run.split('\n').filter((l) => l.trim().startsWith('#'))).toEqual([]);
    for (const s of r.steps) if (s.command) expect(s.command.timeoutMs).toBe(60_000);
  });

  it('turns unambiguous "Expected" lines into checks and keeps the rest for the eye', () => {
    const health = byTitle(r.steps, 'Verify Health Check');
    expect(health.command!.run).toBe('curl -s https://facilitator.ultravioletadao.xyz/health | jq');
    expect(health.command!.expect).toEqual({ outputRegex: '"status"\\s*:\\s*"healthy"' });
    expect(matches(health, '{\n  "status": "healthy"\n}')).toBe(true);
    expect(matches(health, '{"status":"degraded"}')).toBe(false);
    expect(byTitle(r.steps, 'Check for Errors').command!.expect).toEqual({ emptyOutput: true });
    expect(matches(byTitle(r.steps, 'Validate Secrets'), 'All secrets validated successfully!')).toBe(true);
    expect(matches(byTitle(r.steps, 'Validate Terraform Configuration'), 'Success! The configuration is valid.')).toBe(
      true,
    );
    const metrics = byTitle(r.steps, 'Verify Metrics');
    expect(metrics.command!.expect).toEqual({});
    expect(metrics.note).toContain('expect (check by eye): CPUUtilization < 30% under normal load');
    expect(byTitle(r.steps, 'Test Payment Flow').note).toContain(
      'expect (check by eye): Health check: PASS; Supported networks: PASS',
    );
  });

  it('finds [UPPER-CASE] blanks, :LATEST and revisions copied from example output; not tags or regex classes', () => {
    const { steps } = load('fill-in.md');
    const of = (title: string) => byTitle(steps, title).placeholders;
    expect(of('Pre-deploy: find the running revision')).toEqual(['[CLUSTER-NAME]']);
    expect(of('Point the service at the new image')).toEqual(['LATEST']);
    expect(of('[rollback] Roll back to the revision above')).toEqual(['web:42']);
    expect(of('Stop the bad task')).toEqual(['[TASK_ARN]']);
    // "[ROLLBACK] Production…" is a subject line and web:41 was never example output
    expect(of('Announce')).toBeUndefined();
    // \[ERROR\] and [A-Z] are grep patterns; api:7 is an example revision, so even here it is a blank
    expect(of('Errors')).toEqual(['api:7']);
  });

  it('lists placeholders and leaves them in the command', () => {
    const tag = byTitle(r.steps, 'Update Documentation');
    expect(tag.placeholders).toEqual(['v1.X.Y']);
    expect(tag.command!.run).toContain('git push origin v1.X.Y');
    expect(byTitle(r.steps, '[rollback] Quick Rollback (revert to previous task definition)').placeholders).toEqual([
      'PREVIOUS_REVISION',
    ]);
    expect(byTitle(r.steps, 'Update Image Tag')).toMatchObject({ kind: 'manual', placeholders: ['v1.X.Y'] });
    expect(byTitle(r.steps, 'Verify Metrics').placeholders).toBeUndefined(); // $(date …) is not a variable
  });

  it('warns about what it skipped or could not run, and drops nothing silently', () => {
    expect(r.warnings).toEqual([
      "skipped the text under the title 'Production Deployment Checklist' (line 1): not steps",
      "rb-3 'Update Image Tag' (line 43): nano needs a terminal: imported as a manual step — run it by hand",
      `rb-20 '[troubleshooting] Issue: Task fails to start with "ResourceInitializationError"' (line 349): terraform console needs a terminal: imported as a manual step — run it by hand`,
      "rb-21 '[troubleshooting] Issue: Health check failing (504 Gateway Timeout)' (line 375): nano needs a terminal: imported as a manual step — run it by hand",
      "skipped section 'Emergency Contacts' (line 455): not steps",
      "skipped section 'Compliance and Audit' (line 482): not steps",
      "skipped section 'Automation (Future)' (line 495): not steps",
      "skipped section 'Additional Resources' (line 534): not steps",
    ]);
    expect(unaccounted(read(FACILITATOR), r)).toEqual([]);
  });
});

describe('phase-mirror runbook', () => {
  const r = load(PHASE_MIRROR);

  it('imports 129 steps: every checkbox, plus one command per bash block', () => {
    // pre: 8 + 9 + 6 + 6 + 5 checkboxes under Pre-Deployment, and 3 under Sign-Off › Pre-Deployment Approval.
    // deploy: bash blocks under ### 1–7 and 9 (8 commands); checkboxes 2+3+4+6+4+3+7+3+3 = 35.
    // post: 4 bash blocks (Smoke Tests, Monitoring Verification, Integration Test, [rollback] Rollback
    // Procedure); checkboxes 4+5+4+3 (validation) + 5+4 ([rollback]) + 3+2 (sign-off) + 5+5+5 (actions) = 45.
    expect(tally(r.steps)).toEqual({
      'pre/manual': 37,
      'deploy/command': 8,
      'deploy/manual': 35,
      'post/command': 4,
      'post/manual': 45,
    });
    expect(r.warnings).toEqual([
      "skipped the text under the title 'Production Deployment Checklist' (line 1): not steps",
      "skipped section 'Emergency Contacts' (line 434): not steps",
      "skipped section 'Notes' (line 444): not steps",
      "skipped section 'Checklist Summary' (line 460): not steps",
    ]);
    expect(unaccounted(read(PHASE_MIRROR), r)).toEqual([]);
  });

  it('keeps loops and exported variables as they are, and takes exact expectations', () => {
    const ws = byTitle(r.steps, 'Create Production Workspace');
    expect(ws.command!.run).toBe(
      'cd infra/terraform\nterraform workspace new production\nterraform workspace select production\nterraform workspace show',
    );
    expect(ws.command!.expect).toEqual({ outputRegex: '\\bproduction\\b' });
    expect(
      matches(byTitle(r.steps, 'Apply Infrastructure'), 'Apply complete! Resources: 17 added, 0 changed, 0 destroyed.'),
    ).toBe(true);
    const verify = byTitle(r.steps, 'Verify Resources Created');
    expect(verify.command!.run).toContain(
      'for table in fp-events consent block-counter; do\n  echo "Checking ${table}..."',
    );
    expect(verify.placeholders).toBeUndefined(); // ${table} is the loop's
    expect(byTitle(r.steps, 'Smoke Tests').placeholders).toBeUndefined();
    expect(byTitle(r.steps, '[rollback] Rollback Procedure').placeholders).toEqual(['<previous-working-commit>']);
  });

  it('makes checkboxes manual steps in the phase of their heading', () => {
    expect(r.steps[0]).toMatchObject({
      id: 'rb-1',
      title: 'Terraform backend state synced (no drift)',
      phase: 'pre',
      kind: 'manual',
      source: { line: 14 },
    });
    expect(byTitle(r.steps, 'README.md updated with production deployment steps').phase).toBe('pre'); // ### Documentation is a checklist
    expect(byTitle(r.steps, 'DynamoDB response times < 50ms (p99)').phase).toBe('post'); // Performance Validation under Post-Deployment
    expect(byTitle(r.steps, 'Lead Engineer: ___ Date: ___')).toMatchObject({ phase: 'pre', placeholders: ['___'] });
    expect(byTitle(r.steps, '[rollback] Critical alarms firing')).toMatchObject({
      phase: 'post',
      note: 'Rollback if:',
    });
    expect(byTitle(r.steps, 'Staging E2E test passing (./scripts/test-e2e-manual.sh staging)').note).toBe(
      'command (run by hand): ./scripts/test-e2e-manual.sh staging',
    );
  });
});

describe('runbooks written differently', () => {
  it('checkboxes only, CRLF, no headings: manual steps on the right lines', () => {
    const r = importRunbook(
      '- [ ] Announce in #deploys\r\n- [x] Image pushed\r\n\r\n* [ ] Run `C:\\deploy\\check.ps1 -Full`\r\n',
      'x.md',
    );
    expect(r.steps.map((s) => [s.title, s.kind, s.phase, s.source!.line])).toEqual([
      ['Announce in #deploys', 'manual', 'pre', 1],
      ['Image pushed', 'manual', 'pre', 2],
      ['Run C:\\deploy\\check.ps1 -Full', 'manual', 'pre', 4],
    ]);
    expect(r.steps[2]!.note).toBe('command (run by hand): C:\\deploy\\check.ps1 -Full');
    expect(r.warnings).toEqual([]);
  });

  const text = readFileSync(ODD, 'utf8');
  const r = importRunbook(text, 'odd.md');
  const step = (title: string) => byTitle(r.steps, title);

  it('takes phases from unnumbered headings and titles from numbered items and "Step N:"', () => {
    expect(r.steps.map((s) => `${s.phase} ${s.kind} ${s.title}`)).toEqual([
      'pre manual Before the release',
      'pre manual Announce in #deploys',
      'pre manual Image pushed (C:\\deploy\\scripts\\push.ps1 -Tag v1.X.Y)',
      'deploy manual Rollout (1)',
      'deploy command Rollout: Point the service at the new revision',
      'deploy command Build the image',
      'deploy manual Tell the team',
      'deploy command Verify',
      'post command Errors',
      'post command Health',
      'post command CPU',
      'post manual Edit config',
      'post manual Handover',
      'post command [troubleshooting] Troubleshooting',
    ]);
    expect(step('Build the image').command!.run).toBe('docker build -t web .');
    expect(step('Tell the team').note).toBe('- in #deploys');
  });

  it('PowerShell blocks and Windows paths become manual steps with the code intact and a warning', () => {
    expect(step('Before the release').note).toBe('Run the check:\nrun by hand:\n.\\scripts\\check.ps1 -Cluster prod');
    expect(step('Rollout (1)').note).toContain('C:\\deploy\\scripts\\deploy.bat prod');
    expect(r.warnings.filter((w) => w.includes('shipwatch runs commands with /bin/sh'))).toHaveLength(2);
    expect(r.warnings).toContain(
      "rb-12 'Edit config' (line 85): vim needs a terminal: imported as a manual step — run it by hand",
    );
  });

  it('finds placeholders but not redirections, set or well-known variables, defaults or single-quoted text', () => {
    const s = step('Rollout: Point the service at the new revision');
    expect(s.placeholders).toEqual(['<cluster>', 'PREVIOUS_REVISION', '___', 'vX.Y.Z', '$CLUSTER', '${SERVICE}']);
    expect(s.command!.run).toContain('cat <<EOF > /tmp/shipwatch-odd\n# kept: inside a heredoc\n\nEOF');
    expect(step('[troubleshooting] Troubleshooting').placeholders).toEqual(['<task-id>']);
    expect(step('Image pushed (C:\\deploy\\scripts\\push.ps1 -Tag v1.X.Y)').placeholders).toEqual(['v1.X.Y']);
  });

  it('knows the usual ways of writing a blank', () => {
    const code = [
      'aws ecs update-service --task-definition web:XX --cluster <your-cluster> --service "$SVC" 2>&1 | tee out.log',
      'aws sts assume-role --role-arn arn:aws:iam::YOUR_ACCOUNT:role/deploy --external-id REPLACE_ME < creds.json',
      'diff <(sort a) <(sort b); cat <<-END',
      '  TODO: a heredoc body is scanned too',
      '\tEND',
      'echo "$HOME $AWS_PROFILE ${REGION:-us-east-1} $1 $?" > /dev/null; git tag 1.x',
    ].join('\n');
    const r = importRunbook(`## Deploy\n\n\`\`\`bash\n${code}\n\`\`\`\n`, 'b.md');
    expect(r.steps[0]!.placeholders).toEqual([
      'XX',
      '<your-cluster>',
      '$SVC',
      'YOUR_ACCOUNT',
      'REPLACE_ME',
      'TODO',
      '1.x',
    ]);
    expect(r.steps[0]!.command!.run).toBe(code);
  });

  it('maps expectations: status code, no output, a JSON block, and by eye', () => {
    expect(step('Verify').command).toMatchObject({
      run: "curl -s -o /dev/null -w '%{http_code}' https://web.example/health",
      expect: { outputRegex: '\\b200\\b' },
    });
    expect(step('Verify').note).toBe('output shown in the runbook:\n200');
    expect(step('Errors').command!.expect).toEqual({ emptyOutput: true });
    const health = step('Health');
    expect(matches(health, '{\n  "checks": { "db": "up" },\n  "status": "ok"\n}')).toBe(true);
    expect(matches(health, '{"status": "ok", "checks": {"db": "down"}}')).toBe(false);
    expect(step('CPU').note).toBe('expect (check by eye): CPUUtilization < 30% under normal load');
  });

  it('a section with nothing it understands is a manual step, and skipped sections are warned about', () => {
    expect(step('Handover')).toMatchObject({
      kind: 'manual',
      note: 'Tell the next shift what happened. Mention any alarms.\n| who | when |\n| me | now |',
    });
    expect(r.warnings).toContain(
      "skipped section 'References' (line 103): not steps; its 1 shell block(s) were not imported",
    );
    expect(r.warnings).toContain("skipped the text under the title 'Release notes for web' (line 1): not steps");
    expect(unaccounted(text, r)).toEqual([]);
  });

  it("drops the runbook's own numbering from titles, but not a number that is part of the name", () => {
    const r = importRunbook(
      '### Step 3: Deploy\n- [ ] a\n### 1.2 Apply\n- [ ] b\n### 2024 cleanup\n- [ ] c\n### 4) Check\n\nLook at it.\n',
      'n.md',
    );
    expect(r.steps.map((s) => s.title)).toEqual(['a', 'b', 'c', 'Check']);
    expect(r.steps.at(-1)!.note).toBe('Look at it.');
    const c = importRunbook('## 2024 cleanup\n```bash\necho done\n```\n', 'c.md');
    expect(c.steps[0]!.title).toBe('2024 cleanup');
  });

  it('says so when a code block is never closed, or when nothing is a step', () => {
    const open = importRunbook('## Deploy\n```bash\necho hi\n', 'o.md');
    expect(open.steps[0]!.command!.run).toBe('echo hi');
    expect(open.warnings).toEqual(['unclosed code block at line 2: read to the end of the file']);
    expect(importRunbook('# Notes\n\nJust prose.\n', 'p.md').warnings).toEqual([
      "skipped the text under the title 'Notes' (line 1): not steps",
      'no steps found in p.md: no headings with code, checkboxes or numbered items',
    ]);
  });
});

describe('shipwatch checklist (called directly)', () => {
  afterEach(() => vi.restoreAllMocks());
  const run = (argv: string[]) => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const code = runChecklistCommand(argv);
    return { code, out };
  };

  it('prints a numbered list with commands, placeholders, expectations and sources, then warnings and a summary', () => {
    const file = fileURLToPath(new URL(FACILITATOR, RUNBOOKS));
    const { code, out } = run(['--runbook', file]);
    expect(code).toBe(0);
    expect(out).toContain(
      `   1. [pre]    command  Validate Secrets\n      cd terraform/environments/production\n      bash validate_secrets.sh us-east-2\n`,
    );
    // The judgement, each way: not known to read, a named change, only readers
    expect(out).toContain(
      '      runs: after y only — shipwatch cannot tell that bash validate_secrets.sh only reads; refused in --read-only\n',
    );
    expect(out).toContain('      runs: after y only — it changes things (terraform init); refused in --read-only\n');
    expect(out).toContain('      runs: on c; also in --read-only (only known read-only programs)\n');
    expect(out).toContain('  14. [post]   command  Check for Errors\n');
    expect(out).toContain('      expect: no output (exit 0, or exit 1 with nothing found)\n');
    expect(out).toContain('      placeholders: v1.X.Y — fill these before running\n');
    expect(out).toContain(`      from ${file}:11\n`);
    expect(out).toContain("warning: skipped section 'Automation (Future)' (line 495): not steps\n");
    expect(out.endsWith('25 steps: 21 command, 4 manual — nothing was run\n')).toBe(true);
  });

  it('--json prints {file, steps, warnings}', () => {
    const { out } = run(['--runbook', fileURLToPath(new URL(PHASE_MIRROR, RUNBOOKS)), '--json']);
    const doc = JSON.parse(out);
    expect(doc.steps).toHaveLength(129);
    expect(doc.warnings).toHaveLength(4);
    expect(Object.keys(doc)).toEqual(['file', 'steps', 'warnings']);
  });

  it('bad flags and unreadable files are usage errors (status 2) naming the problem', () => {
    expect(() => run([])).toThrow(/--runbook/);
    expect(() => run(['--runbook', '/nonexistent/runbook.md'])).toThrow(
      /^cannot read runbook \/nonexistent\/runbook\.md: ENOENT/,
    );
    try {
      run(['--runbook', 'x.md', '--nope']);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).exitCode).toBe(2);
    }
  });
});

// The runner's guards, not only the classifier's: --read-only refuses every command not known to
// read (confirmed or not), anything else waits for `y`, and steps run with the dashboard's AWS target.
import { describe, expect, it } from 'vitest';
import type { ChecklistHost } from '../../src/checklist/host.js';
import { ChecklistRunner, needsConfirmation } from '../../src/checklist/runner.js';
import { awsStepEnv, commandRunner } from '../../src/checklist/steps/command.js';
import type { CommandRunner } from '../../src/checklist/steps/types.js';
import type { ChecklistStepDef, StepResult } from '../../src/domain/model.js';
import type { ReleaseSignals } from '../../src/domain/signals.js';
import { ISSUE_CHANGES, ISSUE_READ_ONLY } from './command-risk-cases.js';

const step = (run: string, env?: Record<string, string>): ChecklistStepDef => ({
  id: 's',
  title: 'the step',
  phase: 'post',
  kind: 'command',
  command: { run, timeoutMs: 10_000, expect: {}, ...(env && { env }) },
});

function harness(s: ChecklistStepDef, readOnly: boolean, command?: CommandRunner) {
  const notices: string[] = [];
  const results: Record<string, StepResult> = {};
  const ran: string[] = [];
  const host: ChecklistHost = {
    steps: () => [s],
    result: (id) => results[id],
    signals: () => ({}) as ReleaseSignals,
    readOnly: () => readOnly,
    now: () => Date.now(),
    report: (id, r) => void (results[id] = r),
    notice: (n) => void notices.push(n),
    record: () => true,
  };
  const fake: CommandRunner = async (spec) => {
    ran.push(spec.run);
    return { passed: true, summary: 'ran', output: '' };
  };
  const runner = new ChecklistRunner(host, {
    http: async () => ({ passed: true, summary: '', output: '' }),
    command: command ?? fake,
  });
  return { runner, notices, ran, results };
}

describe('--read-only refuses what is not known to read, even confirmed', () => {
  it.each(ISSUE_READ_ONLY)('%s', async (run, changes) => {
    const h = harness(step(run), true);
    expect(await h.runner.run('s', { confirmed: true })).toBe(false);
    expect(h.ran).toEqual([]);
    expect(h.notices).toEqual([`not run: read-only mode: it changes things (${changes.join(', ')})`]);
  });

  it('a command it cannot tell only reads is refused too, and says which part', async () => {
    const h = harness(step('grep -c ERROR app.log && ./scripts/notify.sh'), true);
    expect(await h.runner.run('s', { confirmed: true })).toBe(false);
    expect(h.ran).toEqual([]);
    expect(h.notices).toEqual(['not run: read-only mode: shipwatch cannot tell that ./scripts/notify.sh only reads']);
  });

  it('a known reader runs in --read-only', async () => {
    const h = harness(step('aws ecs describe-services --cluster c --services s | jq .services[0].status'), true);
    expect(await h.runner.run('s')).toBe(true);
    expect(h.ran).toHaveLength(1);
  });
});

describe('outside --read-only, everything not known to read waits for y', () => {
  it.each([...ISSUE_CHANGES, ...ISSUE_READ_ONLY, ['bash validate_secrets.sh', []] as [string, string[]]])(
    '%s asks first, then runs when confirmed',
    async (run) => {
      const s = step(run);
      expect(needsConfirmation(s)).toBe(true);
      const h = harness(s, false);
      expect(await h.runner.run('s')).toBe(false);
      expect(h.ran).toEqual([]);
      expect(h.notices[0]).toMatch(/: confirm with y$/);
      expect(await h.runner.run('s', { confirmed: true })).toBe(true);
      expect(h.ran).toEqual([run]);
    },
  );

  it('a known reader does not ask', () => {
    expect(needsConfirmation(step("curl -s https://x/health | jq -r '.status'"))).toBe(false);
  });
});

describe("steps run with the dashboard's AWS target", () => {
  const target = { region: 'eu-west-3', profile: 'release-ops', endpointUrl: 'http://127.0.0.1:5999' };
  const echo = 'echo "$AWS_REGION $AWS_DEFAULT_REGION $AWS_PROFILE $AWS_ENDPOINT_URL"';

  it('AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE and AWS_ENDPOINT_URL reach the real shell', async () => {
    const h = harness(step(echo), false, commandRunner(awsStepEnv(target)));
    expect(await h.runner.run('s')).toBe(true);
    expect(h.results.s?.output).toContain('eu-west-3 eu-west-3 release-ops http://127.0.0.1:5999');
  });

  it("a step's own env: wins over the dashboard's, being written for that step", async () => {
    const h = harness(step(echo, { AWS_PROFILE: 'break-glass' }), false, commandRunner(awsStepEnv(target)));
    expect(await h.runner.run('s')).toBe(true);
    expect(h.results.s?.output).toContain('eu-west-3 eu-west-3 break-glass http://127.0.0.1:5999');
  });

  it("with a profile, the shell's static keys do not reach the step: the AWS CLI would take them over AWS_PROFILE", async () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKIASHELL', AWS_SECRET_ACCESS_KEY: 'shell-secret', AWS_SESSION_TOKEN: 'tok' };
    const saved = { ...process.env };
    Object.assign(process.env, keys);
    try {
      const show = 'echo "key=${AWS_ACCESS_KEY_ID:-none} token=${AWS_SESSION_TOKEN:-none} profile=$AWS_PROFILE"';
      const withProfile = harness(step(show), false, commandRunner(awsStepEnv(target)));
      expect(await withProfile.runner.run('s')).toBe(true);
      expect(withProfile.results.s?.output).toContain('key=none token=none profile=release-ops');
      // Without a profile the dashboard itself runs on those keys: the step keeps them.
      const without = harness(step(show), false, commandRunner(awsStepEnv({ region: 'eu-west-3' })));
      expect(await without.runner.run('s')).toBe(true);
      expect(without.results.s?.output).toContain('key=AKIASHELL token=tok');
    } finally {
      for (const k of Object.keys(keys)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('only what is set is exported', () => {
    expect(awsStepEnv({ region: 'us-east-2' })).toEqual({ AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-east-2' });
  });
});

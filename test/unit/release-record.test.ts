import { describe, expect, it } from 'vitest';
import type { ChecklistStepDef } from '../../src/domain/model.js';
import { buildReleaseRecord, releaseRecordMarkdown, type ReleaseRecordInput } from '../../src/domain/releaseRecord.js';
import { deployment, service } from '../helpers/service.js';
import type { AuditEntry, AuditEvent } from '../../src/domain/audit.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const min = (n: number) => T0 + n * 60_000;
const ARN = 'arn:aws:sts::123456789012:assumed-role/oncall/jane';
const ref = (revision: number) => ({ family: 'web', revision });

const entry = (at: number, event: AuditEvent, over: Partial<AuditEntry> = {}): AuditEntry =>
  ({
    at: new Date(at).toISOString(),
    who: { caller: ARN, user: 'jane', host: 'bastion-1' },
    cluster: 'prod',
    service: 'web',
    backend: 'aws',
    ...event,
    ...over,
  }) as AuditEntry;
const check = (
  at: number,
  step: string,
  phase: 'pre' | 'deploy' | 'post',
  status: string,
  extra: Partial<Extract<AuditEvent, { kind: 'checklist' }>> = {},
): AuditEntry =>
  entry(at, {
    kind: 'checklist',
    step,
    title: `Check ${step}`,
    phase,
    stepKind: 'http',
    status,
    durationMs: 2000,
    summary: `${step} ${status}`,
    ...extra,
  });
const rollback = (at: number, phase: 'requested' | 'accepted' | 'rolled-back' | 'failed', error?: string): AuditEntry =>
  entry(at, { kind: 'rollback', phase, from: ref(42), to: ref(41), method: 'update-service', error });

const live = (): ReleaseRecordInput['live'] => ({
  identity: { account: '123456789012', arn: ARN, region: 'eu-west-1' },
  service: service(42, [41, 42], {
    deployments: [deployment(42, { createdAt: min(0) }), deployment(41, { status: 'ACTIVE', createdAt: min(-1440) })],
  }),
});

const build = (entries: AuditEntry[], over: Partial<ReleaseRecordInput> = {}) =>
  buildReleaseRecord({
    entries,
    cluster: 'prod',
    service: 'web',
    since: min(-30),
    now: min(60),
    live: live(),
    auditFile: '/var/audit.jsonl',
    ...over,
  });
const md = (entries: AuditEntry[], over: Partial<ReleaseRecordInput> = {}) =>
  releaseRecordMarkdown(build(entries, over));
/** The value after a Compliance bullet's label. */
const field = (text: string, label: string) => new RegExp(`^- \\*\\*${label}:\\*\\* (.*)$`, 'm').exec(text)?.[1];
const step = (id: string, phase: ChecklistStepDef['phase']): ChecklistStepDef => ({
  id,
  title: `Check ${id}`,
  phase,
  kind: 'http',
});

const happy = [
  check(min(-5), 'health', 'pre', 'passed'),
  check(min(-4), 'db', 'pre', 'passed'),
  check(min(10), 'smoke', 'post', 'passed'),
];

describe('release record', () => {
  it('fills in every Compliance and Audit line of the runbook', () => {
    const text = md(happy);
    expect(text).toMatch(/^# Release record: web \(prod\)\n/);
    expect(text).toContain('## Compliance and Audit');
    expect(field(text, 'Date/Time')).toBe('2026-11-23 10:00:00 UTC (T+0: the release deployment created)');
    expect(field(text, 'Deployed by')).toBe(
      `${ARN} (caller identity running shipwatch (STS); ECS does not record who started a deployment)`,
    );
    expect(field(text, 'Git commit')).toBe('not recorded (shipwatch does not know the git commit; add it by hand)');
    expect(field(text, 'Image tag')).toBe('v1.42.0');
    expect(field(text, 'Task definition revision')).toBe('web:42 (previous: web:41)');
    // The first pre check started 2 s before its entry was written.
    expect(field(text, 'Pre-deployment validation')).toBe('PASSED (2026-11-23 09:54:58 UTC – 2026-11-23 09:56:00 UTC)');
    expect(field(text, 'Post-deployment tests')).toBe('PASSED (2026-11-23 10:09:58 UTC – 2026-11-23 10:10:00 UTC)');
    expect(field(text, 'Rollback executed')).toBe('NO');
    expect(text).toContain('Region eu-west-1, account 123456789012.');
    expect(text).toContain('| Check health | passed | 2026-11-23 09:55:00 UTC | 2.0 s | health passed |');
    expect(text).toContain('### Deployment: NOT RUN');
    expect(text).toContain(
      'from the audit log /var/audit.jsonl, entries from 2026-11-23 09:30:00 UTC to 2026-11-23 11:00:00 UTC',
    );
  });

  it('says FAILED, INCOMPLETE and NOT RUN per phase', () => {
    const steps = [step('health', 'pre'), step('db', 'pre'), step('smoke', 'post'), step('steady', 'deploy')];
    const text = md([check(min(-5), 'health', 'pre', 'passed'), check(min(10), 'smoke', 'post', 'failed')], { steps });
    expect(field(text, 'Pre-deployment validation')).toMatch(/^INCOMPLETE \(/);
    expect(text).toContain('| Check db | not run | - | - |  |');
    expect(field(text, 'Post-deployment tests')).toMatch(/^FAILED \(/);
    expect(text).toContain('### Deployment: NOT RUN');
    // Without the step list, what ran and passed is all there is to go on.
    expect(field(md([check(min(-5), 'health', 'pre', 'passed')]), 'Pre-deployment validation')).toMatch(/^PASSED/);
    expect(field(md([]), 'Post-deployment tests')).toBe('NOT RUN');
  });

  it('takes the latest result per step: a retried step passes but its failure stays on record', () => {
    const text = md([check(min(-6), 'health', 'pre', 'failed'), check(min(-5), 'health', 'pre', 'passed')]);
    expect(field(text, 'Pre-deployment validation')).toMatch(/^PASSED \(2026-11-23 09:53:58 UTC/);
    expect(text).toContain('| Check health | passed (failed once, passed on retry) |');
    const worse = md([check(min(-6), 'health', 'pre', 'passed'), check(min(-5), 'health', 'pre', 'failed')]);
    expect(field(worse, 'Pre-deployment validation')).toMatch(/^FAILED/);
    expect(worse).toContain('failed (passed earlier, failed on re-run)');
  });

  it('counts a cancelled check as FAILED, and manual ticks (unticked reverts)', () => {
    expect(field(md([check(min(10), 'smoke', 'post', 'cancelled')]), 'Post-deployment tests')).toMatch(/^FAILED/);
    const tick = (at: number, status: string) =>
      check(at, 'signoff', 'post', status, { stepKind: 'manual', durationMs: undefined, summary: 'ticked by hand' });
    expect(field(md([tick(min(10), 'passed')]), 'Post-deployment tests')).toBe(
      'PASSED (2026-11-23 10:10:00 UTC – 2026-11-23 10:10:00 UTC)',
    );
    expect(field(md([tick(min(10), 'passed'), tick(min(11), 'unticked')]), 'Post-deployment tests')).toBe('NOT RUN');
    expect(
      field(
        md([tick(min(10), 'passed'), tick(min(11), 'unticked')], { steps: [step('signoff', 'post')] }),
        'Post-deployment tests',
      ),
    ).toBe('NOT RUN');
  });

  it('says YES with from → to and the outcome once AWS accepted a rollback', () => {
    const text = md([rollback(min(20), 'requested'), rollback(min(20), 'accepted'), rollback(min(25), 'rolled-back')]);
    expect(field(text, 'Rollback executed')).toBe('YES (web:42 → web:41, rolled-back)');
    expect(text).toContain(
      `- web:42 → web:41 via update-service, requested 2026-11-23 10:20:00 UTC, last update 2026-11-23 10:25:00 UTC by ${ARN}: rolled-back`,
    );
    const failed = md([
      rollback(min(20), 'requested'),
      rollback(min(20), 'accepted'),
      rollback(min(30), 'failed', 'tasks keep stopping'),
    ]);
    expect(field(failed, 'Rollback executed')).toBe('YES (web:42 → web:41, failed)');
    expect(failed).toContain(': failed: tasks keep stopping');
    expect(field(md([rollback(min(20), 'requested'), rollback(min(20), 'accepted')]), 'Rollback executed')).toBe(
      'YES (web:42 → web:41, in flight)',
    );
  });

  it('says NO for a rollback that was requested but never accepted, and notes it', () => {
    const refused = md([rollback(min(20), 'requested'), rollback(min(20), 'failed', 'AccessDenied')]);
    expect(field(refused, 'Rollback executed')).toBe('NO');
    expect(refused).toContain(': requested, not confirmed by AWS (AccessDenied)');
    expect(md([rollback(min(20), 'requested')])).toContain(': requested, not confirmed by AWS\n');
    expect(md([])).toContain('No rollback requested in the window.');
  });

  it('leaves out entries of another service or cluster, and before --since', () => {
    const text = md(
      [...happy, check(min(-4), 'health', 'pre', 'failed', {}), rollback(min(-40), 'accepted')]
        .map((e, i) => (i === 3 ? { ...e, service: 'api' } : e))
        .concat([{ ...check(min(-3), 'db', 'pre', 'failed'), cluster: 'staging' }]),
    );
    expect(field(text, 'Pre-deployment validation')).toMatch(/^PASSED/);
    expect(field(text, 'Rollback executed')).toBe('NO');
  });

  it('lists alarms that went to ALARM in the window', () => {
    const text = md([
      entry(min(12), { kind: 'alarm', alarm: 'web-5xx', from: 'OK', to: 'ALARM', reason: 'Threshold crossed' }),
      entry(min(14), { kind: 'alarm', alarm: 'web-5xx', from: 'ALARM', to: 'OK' }),
    ]);
    expect(text).toContain('## Alarms\n\n- 2026-11-23 10:12:00 UTC web-5xx: OK → ALARM (Threshold crossed)\n');
    const alarmsSection = text.slice(text.indexOf('## Alarms'), text.indexOf('## Timeline'));
    expect(alarmsSection).not.toContain('ALARM → OK');
    // the timeline has both transitions
    expect(text).toContain('(2026-11-23 10:14:00 UTC) alarm web-5xx ALARM → OK');
  });

  it('strips escape sequences and escapes pipes in table cells', () => {
    const text = md([
      check(min(-5), 'health', 'pre', 'failed', {
        title: 'status | grep ok',
        summary: 'boom\u001b[2J\u001b]0;owned\u0007 then \u001bx',
      }),
    ]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('| status \\| grep ok | failed |');
  });

  it('without live data: says so, and takes who from the audit log', () => {
    const text = md(happy, { live: undefined, liveError: 'no AWS credentials' });
    expect(text).toContain('> live data unavailable: no AWS credentials');
    expect(field(text, 'Image tag')).toBe('unknown (no live data)');
    expect(field(text, 'Task definition revision')).toBe('unknown (no live data)');
    expect(field(text, 'Date/Time')).toBe('unknown (no live data); record generated 2026-11-23 11:00:00 UTC');
    expect(field(text, 'Deployed by')).toMatch(
      new RegExp(`^${ARN} \\(caller identity running shipwatch, from the audit log`),
    );
    const local = md([{ ...check(min(-5), 'health', 'pre', 'passed'), who: { user: 'jane', host: 'bastion-1' } }], {
      live: undefined,
    });
    expect(field(local, 'Deployed by')).toMatch(/^jane@bastion-1 \(local user running shipwatch/);
  });

  it('is a plain JSON object with ISO times', () => {
    const r = JSON.parse(
      JSON.stringify(build([...happy, rollback(min(20), 'requested'), rollback(min(20), 'accepted')])),
    );
    expect(r).toMatchObject({
      generatedAt: '2026-11-23T11:00:00.000Z',
      window: { since: '2026-11-23T09:30:00.000Z', until: '2026-11-23T11:00:00.000Z' },
      cluster: 'prod',
      service: 'web',
      region: 'eu-west-1',
      account: '123456789012',
      deployedBy: { identity: ARN },
      gitCommit: expect.stringMatching(/^not recorded/),
      live: { available: true },
      release: { taskDefinition: 'web:42', imageTags: ['v1.42.0'], createdAt: '2026-11-23T10:00:00.000Z' },
      previous: { taskDefinition: 'web:41' },
      checks: {
        pre: { result: 'PASSED', firstStart: '2026-11-23T09:54:58.000Z', lastFinish: '2026-11-23T09:56:00.000Z' },
        deploy: { result: 'NOT RUN', steps: [] },
        post: { result: 'PASSED' },
      },
      rollback: {
        executed: true,
        operations: [{ from: 'web:42', to: 'web:41', method: 'update-service', outcome: 'in flight', who: ARN }],
      },
      alarms: [],
      auditFile: '/var/audit.jsonl',
    });
    expect(r.checks.pre.steps[0]).toEqual({
      id: 'health',
      title: 'Check health',
      status: 'passed',
      at: '2026-11-23T09:55:00.000Z',
      durationMs: 2000,
      summary: 'health passed',
    });
  });
});

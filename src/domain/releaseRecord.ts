// The runbooks' "Compliance and Audit" section, filled in from the audit log and (when it could be read)
// live ECS data. Pure: the caller reads the files, AWS and the clock; this only decides what the record says.
import {
  refKey,
  type ChecklistPhase,
  type ChecklistStepDef,
  type Deployment,
  type Identity,
  type ServiceSnapshot,
} from './model.js';
import { sanitizeLine } from './sanitize.js';
import type { AuditEntry, Who } from './audit.js';
import type { Release, RevisionImages } from './release.js';
import { buildTimeline } from './timeline.js';
import { clock } from './releaseClock.js';

export type PhaseResult = 'PASSED' | 'FAILED' | 'INCOMPLETE' | 'NOT RUN';
export interface StepLine {
  id: string;
  title: string;
  status: string;
  at?: string;
  durationMs?: number;
  summary?: string;
  history?: string;
}
export interface PhaseRecord {
  result: PhaseResult;
  firstStart?: string;
  lastFinish?: string;
  steps: StepLine[];
}
export interface DeploymentRecord {
  taskDefinition: string;
  imageTags: string[];
  /** When it started serving; unknown for what served before, when ECS kept no record. */
  createdAt?: string;
}
export type RollbackOutcome = 'rolled-back' | 'failed' | 'in flight' | 'requested, not confirmed by AWS';
export interface RollbackRecord {
  from: string;
  to: string;
  method: string;
  requestedAt?: string;
  at: string;
  who: string;
  outcome: RollbackOutcome;
  error?: string;
}

export interface ReleaseRecord {
  generatedAt: string;
  window: { since: string; until: string };
  cluster: string;
  service: string;
  region?: string;
  account?: string;
  deployedBy: { identity: string; basis: string };
  gitCommit: string;
  live: { available: boolean; error?: string };
  /** The PRIMARY deployment; absent without live data (the audit log does not know it). */
  release?: DeploymentRecord;
  previous?: DeploymentRecord;
  checks: Record<ChecklistPhase, PhaseRecord>;
  rollback: { executed: boolean; operations: RollbackRecord[] };
  alarms: { at: string; alarm: string; from?: string; reason?: string }[];
  /** The release from T+0 (timeline.ts): `t` is the T+ time when T+0 is known. */
  timeline: { at: string; t?: string; text: string }[];
  auditFile?: string;
}

export interface ReleaseRecordInput {
  entries: AuditEntry[];
  cluster: string;
  service: string;
  since: number;
  now: number;
  /** Where pre-deployment checks start counting, when `since` is the release's T+0. */
  preSince?: number;
  /** The release recorded: T+0, what it released and what served before (release.ts). */
  release?: Release;
  /** Who is running shipwatch and what ECS says now, when they could be read. */
  live?: { identity?: Identity; service?: ServiceSnapshot };
  steps?: ChecklistStepDef[];
  region?: string;
  auditFile?: string;
  /** Why there is no live data (backend could not be created), when known. */
  liveError?: string;
}

const PHASES: readonly ChecklistPhase[] = ['pre', 'deploy', 'post'];
const BAD = new Set(['failed', 'cancelled']); // a cancelled check proved nothing: not a pass
const GIT_COMMIT = 'not recorded (shipwatch does not know the git commit; add it by hand)';
const NO_LIVE = 'unknown (no live data)';
// Everything here comes from a file or an API someone else wrote to: no control characters reach a terminal.
const clean = (s: unknown): string => sanitizeLine(String(s));
const iso = (ms: number): string => new Date(ms).toISOString();
const whoText = (w: Who | undefined): string => (w ? clean(w.caller ?? `${w.user}@${w.host}`) : 'unknown');
const deploymentRecord = (d: Deployment): DeploymentRecord => ({
  taskDefinition: clean(refKey(d.taskDefinition)),
  imageTags: d.imageTags.map(clean),
  createdAt: iso(d.createdAt),
});

const revisionRecord = (r: RevisionImages, t0?: number): DeploymentRecord => ({
  taskDefinition: clean(refKey(r.ref)),
  imageTags: r.imageTags.map(clean),
  createdAt: t0 === undefined ? undefined : iso(t0),
});

type Check = Extract<AuditEntry, { kind: 'checklist' }>;

function phaseRecord(phase: ChecklistPhase, checks: Check[], defs: ChecklistStepDef[] | undefined): PhaseRecord {
  const defined = (defs ?? []).filter((d) => d.phase === phase);
  const runs = new Map<string, Check[]>(defined.map((d) => [d.id, []]));
  // Old entries lack a phase: take it from the step definition, else count it as a deploy check.
  for (const c of checks)
    if ((c.phase ?? defined.find((d) => d.id === c.step)?.phase ?? 'deploy') === phase)
      runs.set(c.step, [...(runs.get(c.step) ?? []), c]);
  let failed = false,
    missing = false,
    ran = false,
    first = Infinity,
    last = -Infinity;
  const steps: StepLine[] = [];
  for (const [id, list] of runs) {
    const latest = list.at(-1); // entries are in time order: the latest result per step wins
    if (!latest) {
      missing = true;
      steps.push({ id: clean(id), title: clean(defined.find((d) => d.id === id)?.title ?? id), status: 'not run' });
      continue;
    }
    for (const r of list.filter((r) => r.status !== 'unticked')) {
      first = Math.min(first, Date.parse(r.at) - (r.durationMs ?? 0)); // entries are written when a check ends
      last = Math.max(last, Date.parse(r.at));
    }
    if (latest.status === 'unticked')
      missing = true; // a manual step taken back is not done
    else {
      ran = true;
      if (BAD.has(latest.status)) failed = true;
      else if (latest.status !== 'passed') missing = true; // e.g. skipped: ran, proved nothing
    }
    const earlierBad = list.slice(0, -1).filter((r) => BAD.has(r.status)).length;
    const history =
      latest.status === 'passed' && earlierBad
        ? earlierBad === 1
          ? 'failed once, passed on retry'
          : `failed ${earlierBad} times, passed on retry`
        : BAD.has(latest.status) && list.slice(0, -1).some((r) => r.status === 'passed')
          ? 'passed earlier, failed on re-run'
          : undefined;
    steps.push({
      id: clean(id),
      title: clean(latest.title),
      status: clean(latest.status),
      at: latest.at,
      durationMs: latest.durationMs,
      summary: latest.summary === undefined ? undefined : clean(latest.summary),
      history,
    });
  }
  const result: PhaseResult = failed ? 'FAILED' : !ran ? 'NOT RUN' : missing ? 'INCOMPLETE' : 'PASSED';
  return { result, firstStart: ran ? iso(first) : undefined, lastFinish: ran ? iso(last) : undefined, steps };
}

/** One operation per `requested` (or per first sighting when the window starts mid-way); outcome = its last phase. */
function rollbackOps(entries: Extract<AuditEntry, { kind: 'rollback' }>[]): RollbackRecord[] {
  const ops: { rec: RollbackRecord; confirmed: boolean }[] = [];
  for (const e of entries) {
    const from = clean(refKey(e.from)),
      to = clean(refKey(e.to));
    let op =
      e.phase === 'requested' ? undefined : [...ops].reverse().find((o) => o.rec.from === from && o.rec.to === to);
    if (!op)
      ops.push(
        (op = {
          rec: {
            from,
            to,
            method: clean(e.method),
            at: e.at,
            who: whoText(e.who),
            outcome: 'requested, not confirmed by AWS',
          },
          confirmed: false,
        }),
      );
    if (e.phase === 'requested') op.rec.requestedAt = e.at;
    op.rec.at = e.at;
    op.rec.method = clean(e.method ?? op.rec.method);
    if (e.error !== undefined) op.rec.error = clean(e.error);
    if (e.phase === 'accepted' || e.phase === 'rolled-back') op.confirmed = true;
    op.rec.outcome =
      e.phase === 'rolled-back'
        ? 'rolled-back'
        : !op.confirmed
          ? 'requested, not confirmed by AWS'
          : e.phase === 'failed'
            ? 'failed'
            : 'in flight';
  }
  return ops.map((o) => o.rec);
}

export function buildReleaseRecord(input: ReleaseRecordInput): ReleaseRecord {
  const { live, since, now } = input;
  // Pre-deployment checks run before T+0: they count from `preSince` when the window starts at the release.
  const from = (e: AuditEntry) =>
    e.kind === 'checklist' && e.phase === 'pre' && input.preSince !== undefined ? input.preSince : since;
  const entries = input.entries
    .filter((e) => e.cluster === input.cluster && e.service === input.service && Date.parse(e.at) >= from(e))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const svc = live?.service;
  const identity = live?.identity;
  const newest = entries.at(-1)?.who;
  const deployedBy = identity
    ? {
        identity: clean(identity.arn),
        basis: 'caller identity running shipwatch (STS); ECS does not record who started a deployment',
      }
    : newest
      ? {
          identity: whoText(newest),
          basis: `${newest.caller ? 'caller identity' : 'local user'} running shipwatch, from the audit log; ECS does not record who started a deployment`,
        }
      : {
          identity: 'unknown',
          basis: 'no live data and no audit entries in the window; ECS does not record who started a deployment',
        };
  const primary = svc?.deployments.find((d) => d.status === 'PRIMARY');
  const older = svc?.deployments.filter((d) => d !== primary).sort((a, b) => b.createdAt - a.createdAt)[0];
  const account = identity?.account ?? newest?.caller?.split(':')[4]; // arn:aws:sts::ACCOUNT:...
  const region = identity?.region ?? input.region;
  const liveError = svc ? undefined : (input.liveError ?? 'no live data');
  return {
    generatedAt: iso(now),
    window: { since: iso(since), until: iso(now) },
    cluster: clean(input.cluster),
    service: clean(input.service),
    region: region && clean(region),
    account: account && clean(account),
    deployedBy,
    gitCommit: GIT_COMMIT,
    live: { available: Boolean(svc), error: liveError === undefined ? undefined : clean(liveError) },
    release: input.release
      ? revisionRecord(input.release.released, input.release.t0)
      : primary && deploymentRecord(primary),
    previous: input.release
      ? input.release.previous && revisionRecord(input.release.previous)
      : older && deploymentRecord(older),
    checks: Object.fromEntries(
      PHASES.map((p) => [
        p,
        phaseRecord(
          p,
          entries.filter((e): e is Check => e.kind === 'checklist'),
          input.steps,
        ),
      ]),
    ) as Record<ChecklistPhase, PhaseRecord>,
    rollback: (() => {
      const operations = rollbackOps(entries.filter((e) => e.kind === 'rollback'));
      return { executed: operations.some((o) => o.outcome !== 'requested, not confirmed by AWS'), operations };
    })(),
    alarms: entries.flatMap((e) =>
      e.kind === 'alarm' && e.to === 'ALARM'
        ? [{ at: e.at, alarm: clean(e.alarm), from: e.from && clean(e.from), reason: e.reason && clean(e.reason) }]
        : [],
    ),
    timeline: buildTimeline(input.release, svc, entries).map((e) => ({
      at: iso(e.at),
      t: input.release ? clock(e.at - input.release.t0) : undefined,
      text: e.text,
    })),
    auditFile: input.auditFile && clean(input.auditFile),
  };
}

// ---- Markdown ----

const when = (isoTime: string | undefined): string => (isoTime ? `${isoTime.replace('T', ' ').slice(0, 19)} UTC` : '-');
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
function duration(ms: number | undefined): string {
  if (ms === undefined) return '-';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}
const phaseLine = (p: PhaseRecord): string =>
  p.firstStart ? `${p.result} (${when(p.firstStart)} – ${when(p.lastFinish)})` : p.result;
const PHASE_TITLE: Record<ChecklistPhase, string> = {
  pre: 'Pre-deployment',
  deploy: 'Deployment',
  post: 'Post-deployment',
};

function rollbackLine(o: RollbackRecord): string {
  const outcome =
    o.outcome === 'failed'
      ? `failed: ${o.error ?? 'no reason recorded'}`
      : o.outcome === 'requested, not confirmed by AWS' && o.error
        ? `${o.outcome} (${o.error})`
        : o.outcome;
  return `${o.from} → ${o.to} via ${o.method}, ${o.requestedAt ? `requested ${when(o.requestedAt)}, ` : ''}last update ${when(o.at)} by ${o.who}: ${outcome}`;
}

export function releaseRecordMarkdown(r: ReleaseRecord): string {
  const unknown = r.live.available ? 'unknown' : NO_LIVE;
  const confirmed = r.rollback.operations.filter((o) => o.outcome !== 'requested, not confirmed by AWS');
  const out = [
    `# Release record: ${r.service} (${r.cluster})`,
    '',
    `Region ${r.region ?? 'unknown'}, account ${r.account ?? 'unknown'}.`,
    ...(r.live.available ? [] : ['', `> live data unavailable: ${r.live.error}`]),
    '',
    '## Compliance and Audit',
    '',
    `- **Date/Time:** ${r.release?.createdAt ? `${when(r.release.createdAt)} (T+0: the release deployment created)` : `${unknown}; record generated ${when(r.generatedAt)}`}`,
    `- **Deployed by:** ${r.deployedBy.identity} (${r.deployedBy.basis})`,
    `- **Git commit:** ${r.gitCommit}`,
    `- **Image tag:** ${r.release?.imageTags.join(', ') || unknown}`,
    `- **Task definition revision:** ${r.release?.taskDefinition ?? unknown}${r.previous ? ` (previous: ${r.previous.taskDefinition})` : ''}`,
    `- **Pre-deployment validation:** ${phaseLine(r.checks.pre)}`,
    `- **Post-deployment tests:** ${phaseLine(r.checks.post)}`,
    `- **Rollback executed:** ${r.rollback.executed ? `YES (${confirmed.map((o) => `${o.from} → ${o.to}, ${o.outcome}`).join('; ')})` : 'NO'}`,
    '',
    '## Checks',
  ];
  for (const p of PHASES) {
    const ph = r.checks[p];
    out.push('', `### ${PHASE_TITLE[p]}: ${phaseLine(ph)}`, '');
    if (ph.steps.length === 0) {
      out.push('No checks recorded.');
      continue;
    }
    out.push(row(['Step', 'Status', 'When', 'Duration', 'Summary']), '| --- | --- | --- | --- | --- |');
    for (const s of ph.steps)
      out.push(
        row([
          s.title,
          s.history ? `${s.status} (${s.history})` : s.status,
          when(s.at),
          duration(s.durationMs),
          s.summary ?? '',
        ]),
      );
  }
  out.push('', '## Rollback', '');
  if (r.rollback.operations.length === 0) out.push('No rollback requested in the window.');
  for (const o of r.rollback.operations) out.push(`- ${rollbackLine(o)}`);
  out.push('', '## Alarms', '');
  if (r.alarms.length === 0) out.push('No alarm went to ALARM in the window.');
  for (const a of r.alarms)
    out.push(`- ${when(a.at)} ${a.alarm}: ${a.from ?? '?'} → ALARM${a.reason ? ` (${a.reason})` : ''}`);
  out.push('', '## Timeline', '');
  if (r.timeline.length === 0) out.push('Nothing recorded in the window.');
  for (const e of r.timeline) out.push(`- ${e.t ? `${e.t} ` : ''}(${when(e.at)}) ${e.text}`);
  out.push(
    '',
    '---',
    '',
    `_Generated by shipwatch at ${when(r.generatedAt)} from the audit log ${r.auditFile ?? '(unknown file)'}, entries from ${when(r.window.since)} to ${when(r.window.until)}${r.live.available ? ', and live ECS data' : ''}._`,
  );
  return `${out.join('\n')}\n`;
}

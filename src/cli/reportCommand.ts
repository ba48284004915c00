// `shipwatch report`: the release record (the runbooks' "Compliance and Audit" section) as Markdown or JSON,
// from the audit log plus live ECS data when it can be read. Reads only: never changes AWS.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { SubcommandModule } from './commands.js';
import { buildProgram, parseArgs, parseSubcommand } from './flags.js';
import { UsageError } from '../domain/errors.js';
import { createBackend } from './backendFactory.js';
import { parseDuration } from '../config/duration.js';
import { resolveChecklist } from './checklistSources.js';
import { settingsFromArgs } from './settingsFromArgs.js';
import { readAudit } from '../app/auditRead.js';
import { auditProblemLines } from './auditCommand.js';
import { identifyRelease } from '../domain/release.js';
import { releaseMemory } from './releaseMemory.js';
import type { Backend } from '../domain/backend.js';
import { errorMessage } from '../domain/errors.js';
import { buildReleaseRecord, releaseRecordMarkdown, type ReleaseRecordInput } from '../domain/releaseRecord.js';

/** Dashboard flags that change nothing in a report: still accepted (a dashboard command line works with `report`), not listed. */
const DASHBOARD_ONLY = ['--log-filter', '--no-bell', '--ascii', '--read-only', '--no-alt-screen', '--log-buffer'];
const REPORT_ONLY = ['--since', '--out', '--audit-file'];

/** The dashboard's program, renamed, with report's own flags: one definition of the target flags. */
export function reportProgram(version: string): Command {
  const p = buildProgram(version)
    .name('shipwatch report')
    .description(
      'Write the release record: the runbooks\' "Compliance and Audit" section filled in from the audit log and live ECS data.',
    )
    .option(
      '--since <time>',
      'start of the window: an ISO time (2026-11-23T10:00:00Z) or a duration back from now (90m, 3h); default: the watch window (2h)',
    )
    .option('--out <file>', 'write the record to FILE instead of stdout')
    .option('--audit-file <path>', "audit log to read (default: the configured one, or the demo's with --demo)");
  for (const o of p.options) {
    if (DASHBOARD_ONLY.includes(o.long ?? '')) o.hideHelp();
    if (o.long === '--json') o.description = 'print the record as JSON instead of Markdown';
  }
  return p;
}

/** The flags given on the command line, minus report's own, as argv again: parseArgs then validates them exactly as the dashboard does. */
function dashboardArgv(p: Command): string[] {
  const out: string[] = [];
  for (const o of p.options) {
    const key = o.attributeName();
    if (!o.long || REPORT_ONLY.includes(o.long) || p.getOptionValueSource(key) !== 'cli') continue;
    const v: unknown = p.opts()[key];
    if (typeof v === 'boolean') {
      if (v === !o.negate) out.push(o.long);
    } else for (const x of [v].flat()) out.push(`${o.long}=${String(x)}`);
  }
  return out;
}

const usage = (message: string, exitCode = 2) =>
  new UsageError(`report: ${message.replace(/^error: /, '').split('\n')[0]}`, exitCode);

/** `--since`: ISO time, or a duration (90m, 3h, or seconds) back from now; default: the watch window. */
export function parseSince(v: string | undefined, now: number, windowMs: number): number {
  if (v === undefined) return now - windowMs;
  const back = parseDuration(v);
  if (back !== undefined) return now - back;
  // Date.parse alone takes nonsense like "1" as a year: demand the ISO date first.
  const t = /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t))
    throw usage(`--since: ${JSON.stringify(v)} is neither an ISO time (2026-11-23T10:00:00Z) nor a duration (90m, 3h)`);
  if (t > now) throw usage(`--since: ${v} is in the future`);
  return t;
}

/** Only who and what is deployed: a report must not pay for Cost Explorer or read metrics and logs. */
async function readLive(backend: Backend): Promise<NonNullable<ReleaseRecordInput['live']>> {
  const signal = AbortSignal.timeout(20_000);
  const [identity, service] = await Promise.all([backend.getIdentity(signal), backend.getService(signal)]);
  return { identity, service };
}

export async function runReportCommand(argv: string[], version: string): Promise<number> {
  const p = reportProgram(version);
  if (!parseSubcommand(p, argv, 'report')) return 0;
  const own = p.opts<{ since?: string; out?: string; auditFile?: string }>();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs([...dashboardArgv(p), ...p.args], version);
  } catch (e) {
    throw e instanceof UsageError ? usage(e.message, e.exitCode) : e;
  }
  if ('exit' in parsed) return parsed.exit;
  const s = settingsFromArgs(parsed.options);
  const now = Date.now();
  const auditFile = own.auditFile ?? s.auditPath;
  const audit = readAudit(auditFile);
  const { entries } = audit;
  // The record is written from what could be read; the lines that could not are named, not hidden.
  process.stderr.write(auditProblemLines('shipwatch report', auditFile, audit));

  // Live data is a bonus: without credentials or network the audit log alone still makes a record.
  let backend: Backend | undefined;
  let live: ReleaseRecordInput['live'];
  let liveError: string | undefined;
  try {
    backend = await createBackend(s);
    live = await readLive(backend);
  } catch (e) {
    liveError = errorMessage(e);
  } finally {
    backend?.close();
  }
  const target = backend?.target ?? {
    cluster: s.aws?.cluster ?? 'unknown',
    service: s.aws?.service ?? 'unknown',
    region: s.aws?.region,
  };
  // The record is of the release: remembered, or identified from what ECS says now; T+0 onward by default.
  const memory = releaseMemory({ ...s, auditPath: auditFile }, target).init;
  const release = live?.service
    ? identifyRelease(live.service, {
        prior: memory.release,
        rollbacks: memory.knownRollbacks ?? [],
        pick: memory.releasePick,
      })
    : memory.release;
  const byRelease = own.since === undefined && release !== undefined;
  const since = byRelease ? release.t0 : parseSince(own.since, now, s.watchWindowMs);
  const record = buildReleaseRecord({
    release,
    preSince: byRelease ? release.t0 - s.watchWindowMs : undefined,
    entries,
    ...target,
    since,
    now,
    live,
    steps: resolveChecklist(s).steps,
    auditFile,
    liveError,
  });
  const text = s.json ? `${JSON.stringify(record, null, 2)}\n` : releaseRecordMarkdown(record);
  if (own.out) {
    writeFileSync(own.out, text);
    process.stderr.write(`wrote ${own.out}\n`);
  } else process.stdout.write(text);
  return 0;
}

/** What the subcommand registry (commands.ts) loads. */
export const subcommand: SubcommandModule = { program: reportProgram, run: runReportCommand };

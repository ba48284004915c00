// src/cli — the entry: flags, the dashboard (dashboard.tsx mounts the UI on a controller), the
// non-TTY snapshot, the subcommands (audit, checklist, report), and the wiring of settings to a
// backend (backendFactory.ts) and to checklist sources. The one layer that may import every other.

import './processEnv.js';
import { parseArgs } from './flags.js';
import { releaseMemory } from './releaseMemory.js';
import { errorMessage, UsageError } from '../domain/errors.js';
import { EXIT, exitAfterFlush, leaveQuietlyOnBrokenPipe, sayError } from './exit.js';
import { snapshotStatus } from './snapshotStatus.js';
import { resolveChecklist, runbookNotice } from './checklistSources.js';
import { createBackend } from './backendFactory.js';
import { tracedLogs } from './logTrace.js';
import { settingsFromArgs } from './settingsFromArgs.js';
import { SUBCOMMANDS } from './commands.js';
import { collectSnapshot, snapshotJson, snapshotText } from './snapshot.js';
import { localeIsUtf8 } from './terminal.js';
import { VERSION_LINE as VERSION } from './version.js';

async function main(argv: string[]): Promise<number> {
  const sub = SUBCOMMANDS.find((c) => c.name === argv[0]);
  if (sub) return (await sub.load()).run(argv.slice(1), VERSION);
  const parsed = parseArgs(argv[0] === 'help' ? ['--help'] : argv, VERSION);
  if ('exit' in parsed) return parsed.exit;
  const s = settingsFromArgs(parsed.options);
  // Read before the backend starts: a bad runbook path is a usage error, not a half-drawn screen.
  const { steps, runbook } = resolveChecklist(s);
  const backend = tracedLogs(await createBackend(s), process.env.SHIPWATCH_TRACE_LOGS);
  if (!process.stdout.isTTY) {
    const state = await collectSnapshot(backend, s.intervals, {
      ...releaseMemory(s, backend.target).init,
      verdictPlan: s.verdict,
    });
    process.stdout.write(s.json ? `${snapshotJson(state, backend)}\n` : snapshotText(state, backend));
    backend.close();
    const { problems, warnings } = snapshotStatus(state);
    for (const w of warnings) sayError(`warning: ${w}`);
    if (problems.length === 0) return EXIT.ok;
    sayError(
      `the snapshot cannot stand for ${backend.target.cluster}/${backend.target.service}: ${problems.join('; ')}`,
    );
    return EXIT.failed;
  }
  const { runDashboard } = await import('./dashboard.js');
  return runDashboard({
    backend,
    intervals: s.intervals,
    checklist: steps,
    ascii: s.ascii || !localeIsUtf8(),
    readOnly: s.readOnly,
    bell: s.bell,
    altScreen: s.altScreen,
    logCapacity: s.logBuffer,
    verdictPlan: s.verdict,
    logs: s.aws && { logGroup: s.aws.logGroup, logFilterPattern: s.aws.logFilterPattern },
    auditPath: s.auditPath,
    aws: s.aws && { profile: s.aws.profile, endpointUrl: s.aws.endpointUrl },
    release: releaseMemory(s, backend.target),
    notice:
      [
        s.demoByDefault ? 'no AWS target given (--cluster/--service): this is the demo world' : '',
        runbook ? runbookNotice(runbook) : '',
      ]
        .filter(Boolean)
        .join(' · ') || undefined,
  });
}

leaveQuietlyOnBrokenPipe();
main(process.argv.slice(2)).then(
  (code) => exitAfterFlush(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      sayError(e.message);
      return exitAfterFlush(e.exitCode);
    }
    // Unexpected: still one line on stderr, the stack only when asked for.
    sayError(errorMessage(e));
    if (process.env.SHIPWATCH_DEBUG) console.error(e);
    return exitAfterFlush(EXIT.failed);
  },
);

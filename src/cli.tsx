import './colorEnv.js';
import { parseArgs, UsageError, type CliOptions } from './args.js';
import type { PollIntervals } from './data/backend.js';
import { createDemoBackend, demoChecklist } from './data/demo/index.js';
import { collectSnapshot, snapshotJson, snapshotText } from './snapshot.js';
import { localeIsUtf8 } from './terminal.js';

declare const SHIPWATCH_VERSION: string | undefined;
const VERSION = typeof SHIPWATCH_VERSION === 'string' ? SHIPWATCH_VERSION : '0.0.0-dev';

/** The demo's clock runs ~20x faster than wall time, so it is polled more often than AWS would be. */
const DEMO_INTERVALS: PollIntervals = { service: 1000, alarms: 2000, metrics: 5000, cost: 60_000, logs: 250 };

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, VERSION);
  if ('exit' in parsed) return parsed.exit;
  const o: CliOptions = parsed.options;
  const backend = createDemoBackend({ scenario: o.scenario, speed: o.speed, seed: o.seed });
  if (!process.stdout.isTTY) {
    const state = await collectSnapshot(backend, DEMO_INTERVALS);
    process.stdout.write(o.json ? `${snapshotJson(state, backend)}\n` : snapshotText(state, backend));
    backend.close();
    return 0;
  }
  const { runDashboard } = await import('./run.js');
  return runDashboard({
    backend,
    intervals: DEMO_INTERVALS,
    checklist: demoChecklist,
    ascii: o.ascii || !localeIsUtf8(),
    readOnly: o.readOnly,
    altScreen: o.altScreen,
    logCapacity: o.logBuffer,
    notice: o.demo ? undefined : 'no AWS target given: this is the demo world (shipwatch --demo)',
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`shipwatch: ${e.message}\n`);
      process.exit(e.exitCode);
    }
    // Unexpected: still one line on stderr, the stack only when asked for.
    process.stderr.write(`shipwatch: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.SHIPWATCH_DEBUG) console.error(e);
    process.exit(1);
  },
);

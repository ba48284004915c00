// `shipwatch audit`: the audit log as a table (or JSON Lines with --json). Reads only. Entries go to
// stdout, anything wrong with the file to stderr, one line each; a bad file never crashes it.
import type { SubcommandModule } from './commands.js';
import { Command } from 'commander';
import { parseSubcommand } from './flags.js';
import { readAudit, type AuditRead } from '../app/auditRead.js';
import type { AuditEntry } from '../domain/audit.js';
import { sanitizeLine } from '../domain/sanitize.js';
import { defaultAuditPath, demoAuditPath } from '../config/statePaths.js';

/** Whether a change took effect, and when its answer was lost, that reading back is how it is known. */
const outcome = (e: { outcome?: string; answer?: string }): string =>
  e.outcome ? ` [${e.outcome}${e.answer === 'lost' ? ', answer lost: read back' : ''}]` : '';

function detail(e: AuditEntry): string {
  switch (e.kind) {
    case 'rollback':
      return `rollback ${e.phase} ${e.from.family}:${e.from.revision} → ${e.to.family}:${e.to.revision} (${e.method})${outcome(e)}${e.error ? `: ${e.error}` : ''}`;
    case 'alarm':
      return `alarm ${e.alarm} ${e.from ?? '?'} → ${e.to}${e.reason ? `: ${e.reason}` : ''}`;
    case 'release': {
      const ref = (r: { family: string; revision: number }) => `${r.family}:${r.revision}`;
      const was = e.replaced ? ` (new, replaced ${ref(e.replaced)})` : '';
      return `release ${ref(e.released)} T+0 ${e.t0}${e.previous ? `, before it ${ref(e.previous)}` : ''}${was}`;
    }
    case 'pin':
      return `pin ${e.phase} ${e.from.family}:${e.from.revision}${e.to ? ` → ${e.to.family}:${e.to.revision}` : ''} (${e.images.join(', ')})${outcome(e)}${e.error ? `: ${e.error}` : ''}`;
    case 'checklist':
      return `check ${e.status.toUpperCase()} ${e.title}${e.durationMs !== undefined ? ` (${e.durationMs} ms)` : ''}`;
  }
}

const who = (e: AuditEntry): string => {
  const caller = e.who.caller?.split('/').slice(1).join('/');
  return `${e.who.user}@${e.who.host}${caller ? ` (${caller})` : ''}`;
};

/** Every cell is sanitised here too: entries also come from memory, not only through readAudit. */
export function auditTable(entries: AuditEntry[]): string {
  if (entries.length === 0) return 'no audit entries yet\n';
  const rows = entries.map((e) =>
    [e.at.replace('T', ' ').slice(0, 19), who(e), `${e.cluster}/${e.service}`, detail(e)].map((c) => sanitizeLine(c)),
  );
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')).join('\n')}\n`;
}

/** A file of garbage must not flood the terminal: the first few problems, then how many more. */
const MAX_PROBLEMS_SHOWN = 10;

/** The read's problems for stderr, one line each under the program's name; the first few, then how many more. */
export function auditProblemLines(program: string, path: string, read: AuditRead): string {
  const shown = read.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => (read.file === 'read' ? `${path}: ${p}` : p));
  const more = read.problems.length - shown.length;
  if (more > 0) shown.push(`${path}: … and ${more} more lines that are not audit entries`);
  return shown.map((l) => `${sanitizeLine(`${program}: ${l}`)}\n`).join('');
}

export const auditProgram = (): Command =>
  new Command('shipwatch audit')
    .description(
      'Print the audit log: rollbacks, alarm transitions and checklist results. Lines that are not entries ' +
        '(a torn write) are named on stderr; exit 1 when the file cannot be read or holds no entry at all.',
    )
    .option('--file <path>', `audit log to read (default: ${defaultAuditPath()})`)
    .option('--demo', "read the demo world's audit log instead")
    .option('--json', 'print the entries as JSON Lines');

/** 0 when the log was read (problem lines, if any, on stderr) or there is none yet; 1 when nothing in it could be read. */
export function runAuditCommand(argv: string[]): number {
  const program = auditProgram();
  if (!parseSubcommand(program, argv, 'audit')) return 0;
  const o = program.opts<{ file?: string; demo?: boolean; json?: boolean }>();
  const path = o.file ?? (o.demo ? demoAuditPath() : defaultAuditPath());
  const read = readAudit(path);
  if (read.file === 'missing') {
    process.stderr.write(sanitizeLine(`shipwatch audit: no audit log at ${path} (nothing recorded yet)`) + '\n');
    return 0;
  }
  process.stderr.write(auditProblemLines('shipwatch audit', path, read));
  if (read.file === 'read' && (read.entries.length > 0 || read.problems.length === 0))
    process.stdout.write(
      o.json ? read.entries.map((e) => `${JSON.stringify(e)}\n`).join('') : auditTable(read.entries),
    );
  return read.entries.length === 0 && read.problems.length > 0 ? 1 : 0;
}

/** What the subcommand registry (commands.ts) loads. */
export const subcommand: SubcommandModule = { program: auditProgram, run: runAuditCommand };

// `shipwatch audit`: the audit log as a table (or JSON Lines with --json). Reads only.
import { Command } from 'commander';
import { parseSubcommand } from './flags.js';
import { readAudit } from '../app/auditLog.js';
import type { AuditEntry } from '../domain/audit.js';
import { defaultAuditPath, demoAuditPath } from '../config/statePaths.js';

function detail(e: AuditEntry): string {
  switch (e.kind) {
    case 'rollback':
      return `rollback ${e.phase} ${e.from.family}:${e.from.revision} → ${e.to.family}:${e.to.revision} (${e.method})${e.error ? `: ${e.error}` : ''}`;
    case 'alarm':
      return `alarm ${e.alarm} ${e.from ?? '?'} → ${e.to}`;
    case 'release': {
      const ref = (r: { family: string; revision: number }) => `${r.family}:${r.revision}`;
      const was = e.replaced ? ` (new, replaced ${ref(e.replaced)})` : '';
      return `release ${ref(e.released)} T+0 ${e.t0}${e.previous ? `, before it ${ref(e.previous)}` : ''}${was}`;
    }
    case 'pin':
      return `pin ${e.phase} ${e.from.family}:${e.from.revision}${e.to ? ` → ${e.to.family}:${e.to.revision}` : ''} (${e.images.join(', ')})${e.error ? `: ${e.error}` : ''}`;
    case 'checklist':
      return `check ${e.status.toUpperCase()} ${e.title}${e.durationMs !== undefined ? ` (${e.durationMs} ms)` : ''}`;
  }
}

const who = (e: AuditEntry): string => {
  const caller = e.who.caller?.split('/').slice(1).join('/');
  return `${e.who.user}@${e.who.host}${caller ? ` (${caller})` : ''}`;
};

export function auditTable(entries: AuditEntry[]): string {
  if (entries.length === 0) return 'no audit entries yet\n';
  const rows = entries.map((e) => [
    e.at.replace('T', ' ').slice(0, 19),
    who(e),
    `${e.cluster}/${e.service}`,
    detail(e),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')).join('\n')}\n`;
}

export function runAuditCommand(argv: string[]): number {
  const program = new Command('shipwatch audit')
    .description('Print the audit log: rollbacks, alarm transitions and checklist results')
    .option('--file <path>', `audit log to read (default: ${defaultAuditPath()})`)
    .option('--demo', "read the demo world's audit log instead")
    .option('--json', 'print the raw JSON Lines');
  if (!parseSubcommand(program, argv, 'audit')) return 0;
  const o = program.opts<{ file?: string; demo?: boolean; json?: boolean }>();
  const entries = readAudit(o.file ?? (o.demo ? demoAuditPath() : defaultAuditPath()));
  process.stdout.write(o.json ? entries.map((e) => `${JSON.stringify(e)}\n`).join('') : auditTable(entries));
  return 0;
}

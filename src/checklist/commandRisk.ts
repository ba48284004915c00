// What a shell command would do, judged from its words before it runs: a runbook's `terraform apply`
// or `aws ecs update-service` changes production and must be confirmed with `y`. Deny by default:
// only a command made wholly of known readers "reads" (and runs on `c`, and in --read-only); every
// other one asks for `y` with the whole command shown, and --read-only refuses it. A judgement of
// text, not a sandbox. The parts: commandRisk/scan.ts + parse.ts (shell-quote) read the script,
// judge.ts walks it, and net.ts, text.ts, tools.ts and wrappers.ts know the programs.
import { Judgement, shown } from './commandRisk/judge.js';

export { httpMethodReads } from './commandRisk/net.js';

export interface CommandRisk {
  /** 'changes': something in it writes; 'unknown': not known to only read; 'reads': only known readers. */
  kind: 'changes' | 'unknown' | 'reads';
  /** The writing operations found, e.g. ['terraform apply', 'aws ecs update-service', '> /etc/motd']. */
  changes: string[];
  /** What shipwatch cannot tell only reads, e.g. ['bash validate_secrets.sh']. */
  unknown: string[];
}

// A pure function of the text, asked for on every draw of the selected step (stepDetail) and again
// by the runner: each command is parsed once. A checklist holds a few dozen; bounded all the same.
const judged = new Map<string, CommandRisk>();
const JUDGED_MAX = 500;

export function commandRisk(run: string): CommandRisk {
  const known = judged.get(run);
  if (known) return known;
  const j = new Judgement();
  j.script(run);
  const risk: CommandRisk = {
    kind: j.changes.size ? 'changes' : j.unknown.size ? 'unknown' : 'reads',
    changes: [...new Set([...j.changes].map(shown))],
    unknown: [...new Set([...j.unknown].map(shown))],
  };
  if (judged.size >= JUDGED_MAX) judged.clear();
  judged.set(run, risk);
  return risk;
}

/** Why a command is not known to only read, for a refusal or the confirm dialog. */
export function riskReason(risk: CommandRisk): string {
  const parts = [
    risk.changes.length ? `it changes things (${risk.changes.join(', ')})` : '',
    risk.unknown.length ? `shipwatch cannot tell that ${risk.unknown.join(', ')} only reads` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

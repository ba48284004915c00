// Deny by default: a script only reads when every command in it (through wrappers, substitutions and
// nested `sh -c` scripts) is a known reader and no redirection writes a file. Every other command is
// a named change or "cannot tell", and both are asked about before they run.
import { parseScript, type Redirect } from './parse.js';
import { isNullDevice, aws, curl, wget } from './net.js';
import { SUBSTITUTED } from './scan.js';

/** A name for the screen: a substitution's output shows as `$(…)`, as the runbook wrote it. */
export const shown = (name: string): string => name.split(SUBSTITUTED).join('$(…)');
import { awk, find, nc, sed, sort, sql, tee } from './text.js';
import { git } from './git.js';
import { docker, gh, helm, kubectl, terraform } from './tools.js';
import { READS, type Judge, type Verdict } from './verdict.js';
import { evalScript, isShell, shell, WRAPPERS } from './wrappers.js';

export interface Findings {
  changes: Set<string>;
  unknown: Set<string>;
}

/** Read-only programs (or, for shell builtins, ones that change only the shell's own state). */
const READERS = new Set(
  (
    'cat head tail less more grep egrep fgrep zgrep zcat rg jq echo printf date whoami id hostname uname test [ [[ ' +
    'wc uniq cut tr sleep true false pwd ls dig nslookup host ping traceroute base64 sha1sum sha256sum md5sum ' +
    'shasum cksum basename dirname realpath readlink column which type stat file du df free uptime ps pgrep seq ' +
    'diff cmp comm paste join fold nl od xxd hexdump strings tac rev expr bc printenv tput getent ss netstat lsof ' +
    'cd pushd popd export unset set shift local readonly declare typeset read : exit return break continue wait ' +
    'alias unalias hash getopts'
  ).split(' '),
);
/** Every use changes something. */
const CHANGERS = new Set(
  'rm rmdir mv cp ln mkdir touch chmod chown chgrp truncate dd shred install rsync scp kill pkill killall shutdown reboot halt crontab ecs-cli copilot'.split(
    ' ',
  ),
);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac']);

const JUDGES: Record<string, Judge> = {
  ...WRAPPERS,
  curl,
  wget,
  aws,
  git,
  terraform,
  tofu: terraform,
  kubectl,
  helm,
  docker,
  gh,
  sed,
  awk,
  gawk: awk,
  tee,
  sort,
  find,
  nc,
  psql: sql,
  mysql: sql,
  mariadb: sql,
  sqlite3: sql,
  eval: evalScript,
  yq: (args) => (args.some((a) => a === '-i' || a.startsWith('--inplace')) ? [{ changes: 'yq -i' }] : READS),
  systemctl: (args) =>
    /^(status|is-active|is-enabled|is-failed|show|list-units|list-timers|cat)$/.test(
      args.find((a) => !a.startsWith('-')) ?? '',
    )
      ? READS
      : [{ changes: `systemctl ${args.find((a) => !a.startsWith('-')) ?? ''}`.trim() }],
  journalctl: (args) =>
    args.some((a) => /^--(?:vacuum|rotate|flush)/.test(a)) ? [{ changes: 'journalctl maintenance' }] : READS,
};

/** Money moving: a script or argument that mentions it is named as a payment, not merely "unknown". */
const PAYMENT = /(?:^|[^a-z])(?:pay|payments?|payouts?|transfers?|withdraw\w*|charges?)(?:[^a-z]|$)/i;
const MAINNET = /mainnet/i;

function paymentOf(words: string[]): string | undefined {
  const text = words.join(' ');
  const mainnet = MAINNET.test(text);
  if (PAYMENT.test(text)) return mainnet ? 'a payment (mainnet)' : 'a payment';
  return mainnet ? 'something on mainnet' : undefined;
}

function redirectChange(r: Redirect): string | undefined {
  if (r.op.startsWith('<') && r.op !== '<>') return undefined;
  // `>&2`, `2>&1`, `>&-`: descriptors, not files.
  if (r.op === '>&' && /^(?:\d+|-)$/.test(r.target)) return undefined;
  return isNullDevice(r.target) ? undefined : `${r.op} ${r.target || '(a file)'}`;
}

const MAX_DEPTH = 8;

export class Judgement implements Findings {
  readonly changes = new Set<string>();
  readonly unknown = new Set<string>();

  script(text: string, depth = 0): void {
    if (depth > MAX_DEPTH) return void this.unknown.add('scripts nested too deep');
    let parsed: ReturnType<typeof parseScript>;
    try {
      parsed = parseScript(text);
    } catch {
      return void this.unknown.add('a script shipwatch cannot parse');
    }
    for (const p of parsed.problems) this.unknown.add(`a script with ${p}`);
    for (const inner of parsed.inner) this.script(inner, depth + 1);
    for (const c of parsed.commands) {
      for (const r of c.redirects) {
        const change = redirectChange(r);
        if (change) this.changes.add(change);
      }
      this.command(c.words, c.piped, depth);
    }
  }

  private command(all: string[], piped: boolean, depth: number): void {
    let words = all;
    while (words.length && (KEYWORDS.has(words[0]!) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)))
      words = words.slice(1);
    const [prog, ...args] = words;
    if (!prog || prog === 'for' || prog === 'select' || prog === 'case' || prog === 'function') return;
    if (depth > MAX_DEPTH) return void this.unknown.add('commands nested too deep');
    const payment = paymentOf(words);
    for (const v of this.verdicts(prog, args, piped)) {
      if ('changes' in v) this.changes.add(v.changes);
      else if ('runs' in v) this.command(v.runs, piped, depth + 1);
      else if ('script' in v) this.script(v.script, depth + 1);
      else if (payment) this.changes.add(payment);
      else this.unknown.add(v.unknown);
    }
  }

  private verdicts(prog: string, args: string[], piped: boolean): Verdict[] {
    const name = prog.split('/').pop()!;
    if (prog.includes(SUBSTITUTED)) return [{ unknown: 'a command named by $( )' }];
    const judge = JUDGES[name] ?? (isShell(name) ? shell : undefined);
    if (judge) return judge(args, { name, piped });
    if (READERS.has(name)) return READS;
    if (CHANGERS.has(name)) return [{ changes: name }];
    const sub = args[0] && !args[0].startsWith('-') ? ` ${args[0]}` : '';
    return [{ unknown: `${prog}${sub}` }];
  }
}

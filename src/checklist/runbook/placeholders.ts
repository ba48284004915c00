// Blanks a runbook leaves for the reader to fill (`v1.X.Y`, `<cluster>`, `___`, `PREVIOUS_REVISION`,
// `[CLUSTER-NAME]`, `image:LATEST`, a revision copied from example output, an unset `$VAR`). A step
// listing any is shown but never run until `--fill` supplies them, and `--fill` replaces the exact
// text, so each placeholder is reported exactly as written.

import { exampleRevisionsUsed } from './examples.js';

const PATTERNS: RegExp[] = [
  // Versions with letters for digits: v1.X.Y, vX.Y.Z, 2.x
  /(?<![\w.])v?(?:\d+|[Xx])(?:\.(?:\d+|[XxYyZz]|N))+(?![\w.])/g,
  // A revision left blank, as in family:XX; XXX anywhere
  /(?<=[\w-]:)(?:X{2,}|N{2,}|\?{2,})(?!\w)|\bX{3,}\b/g,
  // Form blanks
  /_{3,}/g,
  // <cluster>, <your service name>, <previous-working-commit>; not 2>&1, < file, <<EOF, <(cmd)
  /(?<![<\w])<[A-Za-z][\w.-]*(?: [\w.-]+)*>(?!>)/g,
  // Conventional upper-case blanks; not `$NAME` (see below) and not `NAME=` (an assignment)
  /(?<![$\w{])(?:YOUR_[A-Z0-9_]+|(?:[A-Z0-9]+_)*(?:PREVIOUS|PREV|OLD|NEW|LAST_GOOD)_[A-Z0-9_]+|[A-Z0-9_]+_HERE|REPLACE_?ME|CHANGE_?ME|TODO|FIXME|TBD|ACCOUNT_ID)\b(?!\s*=)/g,
  // An upper-case word inside a lower-case name: facilitator-NETWORK-mainnet-keypair
  /(?<=[a-z0-9]-)[A-Z][A-Z0-9_]{2,}(?=-[a-z0-9])/g,
  // [CLUSTER-NAME], [TASK_ARN]; not a regex class ([A-Z], \[ERROR\]), a link ([ECS](…)) or a subject tag ("[ROLLBACK] Rolled back")
  /(?<![\\\w])\[(?=[A-Z0-9_-]*[A-Z]{2})[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*\](?![(\w]|\s+[A-Z][a-z])/g,
  // image:LATEST, web:LATEST — upper case as a blank; a real tag is `latest`
  /(?<=[\w-]:)LATEST\b/g,
];

/** Set by the shell or the machine, so not something the runbook forgot to say. */
const KNOWN_ENV = new Set(
  'HOME PATH USER LOGNAME PWD OLDPWD SHELL TMPDIR TERM LANG LC_ALL HOSTNAME EDITOR PAGER CI IFS RANDOM SECONDS UID EUID PPID BASH_SOURCE LINENO KUBECONFIG AWS_REGION AWS_DEFAULT_REGION AWS_PROFILE AWS_ENDPOINT_URL AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE GITHUB_SHA GITHUB_REF GITHUB_TOKEN'.split(
    ' ',
  ),
);

/** Variables a runbook's shell blocks set (`X=`, `export X=`, `for X in`, `read X`), anywhere in the file. */
export function assignedVars(blocks: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of blocks) {
    for (const m of code.matchAll(
      /(?:^|[\s;&|(])(?:(?:export|local|readonly|declare(?:\s+-\w+)?)\s+)?([A-Za-z_]\w*)=/g,
    ))
      out.add(m[1]!);
    for (const m of code.matchAll(/\bfor\s+([A-Za-z_]\w*)\s+in\b/g)) out.add(m[1]!);
    for (const m of code.matchAll(/\bread\s+(?:-\w+\s+)*([A-Za-z_]\w*)/g)) out.add(m[1]!);
  }
  return out;
}

/** `$VAR`/`${VAR}` neither set by the runbook nor well known; single-quoted text is not expanded. */
function unsetVars(code: string, assigned: Set<string>): { at: number; text: string }[] {
  const masked = code.replace(/'[^'\n]*'/g, (q) => ' '.repeat(q.length));
  const out: { at: number; text: string }[] = [];
  for (const m of masked.matchAll(/\$\{([A-Za-z_]\w*)(:?[-=?+][^}]*)?\}|\$([A-Za-z_]\w*)/g)) {
    const name = m[1] ?? m[3]!;
    if (m[2] || assigned.has(name) || KNOWN_ENV.has(name)) continue; // ${X:-default} has a value
    out.push({ at: m.index, text: m[0] });
  }
  return out;
}

/**
 * Placeholders in order of appearance, deduplicated. `assigned` given: `code` is shell, check variables
 * too. `examples`: revisions the runbook showed as example output (examples.ts).
 */
export function findPlaceholders(
  code: string,
  assigned?: Set<string>,
  examples: ReadonlySet<string> = new Set(),
): string[] {
  const hits = PATTERNS.flatMap((re) => [...code.matchAll(re)].map((m) => ({ at: m.index, text: m[0] })));
  hits.push(...exampleRevisionsUsed(code, examples));
  // A version only counts when some part of it is a letter: v1.2.3 is real.
  const real = hits.filter((h) => !/^v?[\d.]+$/.test(h.text));
  if (assigned) real.push(...unsetVars(code, assigned));
  return [...new Set(real.sort((a, b) => a.at - b.at).map((h) => h.text))];
}

// Text tools that read unless told to write (sed -i, sort -o, tee FILE, awk's system()), find's
// actions, and database clients, which read only when the SQL they are given clearly does.
import { isNullDevice } from './net.js';
import { operands, optionValue, READS, type Judge, type Verdict } from './verdict.js';

export const sed: Judge = (args) => {
  if (args.some((a) => (/^-[A-Za-z]*i/.test(a) && !a.startsWith('--')) || a.startsWith('--in-place')))
    return [{ changes: 'sed -i' }];
  // GNU sed's `e` runs a command and `w` writes a file.
  const script = args.find((a) => !a.startsWith('-')) ?? '';
  return /(?:^|[;{}\n]\s*|\/[gpIiMm\d]*)[ewW](?:\s|$)/.test(script) ? [{ unknown: 'sed with e/w commands' }] : READS;
};

export const awk: Judge = (args) => {
  const program = args.find((a) => !a.startsWith('-')) ?? '';
  return /\bsystem\s*\(|\bprintf?\b[^;}]*(?:>|\|)\s*"|\|\s*getline/.test(program)
    ? [{ unknown: 'awk running or writing' }]
    : READS;
};

export const tee: Judge = (args) => {
  const files = operands(args).filter((f) => !isNullDevice(f));
  return files.length ? [{ changes: `tee ${files.join(' ')}` }] : READS;
};

export const sort: Judge = (args) => {
  const out = optionValue(args, 'o', ['--output']);
  return out !== undefined && !isNullDevice(out) ? [{ changes: `sort -o ${out}` }] : READS;
};

/** `find … -exec CMD {} ;`: the command runs once per file, so it is judged like any other. */
export const find: Judge = (args) => {
  const out: Verdict[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-delete') out.push({ changes: 'find -delete' });
    else if (/^-fprint/.test(a) || a === '-fls') out.push({ changes: `find ${a}` });
    else if (/^-(?:exec|execdir|ok|okdir)$/.test(a)) {
      const end = args.findIndex((x, j) => j > i && (x === ';' || x === '+'));
      const stop = end < 0 ? args.length : end;
      out.push({ runs: args.slice(i + 1, stop) });
      i = stop;
    }
  }
  return out;
};

/** `nc -z host port` only probes; otherwise it sends whatever it is given. */
export const nc: Judge = (args) => (args.some((a) => /^-[A-Za-z]*z/.test(a)) ? READS : [{ unknown: 'nc' }]);

const SQL_WRITES =
  /\b(DROP|DELETE|INSERT|UPDATE|ALTER|CREATE|TRUNCATE|GRANT|REVOKE|MERGE|UPSERT|REPLACE|COPY|VACUUM|REINDEX|CLUSTER|COMMENT|CALL|DO|LOCK|REFRESH|RENAME|LOAD|ATTACH|DETACH|IMPORT|KILL|SET|RESET|REASSIGN|SECURITY|DISCARD)\b/i;
const SQL_READS = /^\s*(?:(?:SELECT|SHOW|EXPLAIN(?!\s+ANALYZE)|DESCRIBE|DESC|WITH|TABLE|VALUES)\b|\\[dlx?])/i;
/** SELECTs with side effects. */
const SQL_EFFECTS =
  /\b(?:pg_terminate_backend|pg_cancel_backend|nextval|setval|pg_reload_conf|set_config|lo_\w+|dblink\w*)\s*\(/i;

/** The SQL a client is given on its command line, or undefined when it reads a file or standard input. */
function sqlOf(name: string, args: string[]): string | undefined {
  if (name === 'psql') return optionValue(args, 'c', ['--command']);
  if (name === 'mysql' || name === 'mariadb') return optionValue(args, 'e', ['--execute']);
  return operands(args)[1]; // sqlite3 DB 'SQL'
}

export const sql: Judge = (args, { name }) => {
  const text = sqlOf(name, args);
  if (text === undefined || text.trim() === '') return [{ unknown: `${name} without a SELECT given` }];
  const write = SQL_WRITES.exec(text.replace(/'[^']*'/g, "''"));
  if (write) return [{ changes: `${name} ${write[1]!.toUpperCase()}` }];
  const statements = text.split(';').filter((s) => s.trim());
  const reads = statements.every(
    (s) => SQL_READS.test(s) || (name.startsWith('sqlite') && /^\s*\.(?:tables|schema|indexes)\b/.test(s)),
  );
  return reads && !SQL_EFFECTS.test(text) ? READS : [{ unknown: `${name} ${firstWord(text)}` }];
};

const firstWord = (s: string): string => s.trim().split(/\s+/, 1)[0] ?? '';

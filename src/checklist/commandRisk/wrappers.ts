// Programs that run another: what they run is what is judged. `env aws ecs delete-service` deletes
// the service; `sh -c '…'` runs a script of its own; `… | bash` runs whatever came down the pipe.
import { READS, type Judge, type Verdict } from './verdict.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Skips a wrapper's own options (those listed take a value) and leading VAR=x; the rest runs. */
function after(
  args: string[],
  valueFlags: string[],
  opts: { assignments?: boolean; operands?: number } = {},
): string[] {
  let i = 0;
  let skip = opts.operands ?? 0;
  while (i < args.length) {
    const a = args[i]!;
    if (a === '--') return args.slice(i + 1 + skip);
    if (valueFlags.includes(a)) i += 2;
    else if (a.startsWith('-') && a.length > 1) i++;
    else if (opts.assignments && ASSIGNMENT.test(a)) i++;
    else if (skip > 0) {
      skip--;
      i++;
    } else break;
  }
  return args.slice(i);
}

/** A wrapper that only runs its command; alone it does `alone` (env prints, xargs echoes, sudo asks). */
const wraps =
  (valueFlags: string[], alone: Verdict[], opts?: Parameters<typeof after>[2]): Judge =>
  (args) => {
    const rest = after(args, valueFlags, opts);
    return rest.length ? [{ runs: rest }] : alone;
  };

export const WRAPPERS: Record<string, Judge> = {
  env: wraps(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], READS, { assignments: true }),
  sudo: wraps(
    ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '-D', '-U', '-r', '-t'],
    [{ unknown: 'sudo' }],
  ),
  xargs: wraps(
    [
      '-I',
      '-i',
      '-n',
      '-P',
      '-L',
      '-l',
      '-d',
      '-E',
      '-e',
      '-s',
      '-a',
      '--max-args',
      '--max-procs',
      '--delimiter',
      '--arg-file',
    ],
    READS,
  ),
  time: wraps(['-f', '--format', '-o', '--output'], READS),
  nohup: wraps([], [{ unknown: 'nohup' }]),
  command: (args, ctx) => (args.some((a) => a === '-v' || a === '-V') ? READS : wraps([], READS)(args, ctx)),
  exec: wraps(['-a'], READS),
  nice: wraps(['-n', '--adjustment'], READS),
  ionice: wraps(['-c', '-n', '-p'], READS),
  stdbuf: wraps(['-i', '-o', '-e'], [{ unknown: 'stdbuf' }]),
  timeout: wraps(['-s', '--signal', '-k', '--kill-after'], [{ unknown: 'timeout' }], { operands: 1 }),
  watch: wraps(['-n', '--interval', '-d', '--differences'], [{ unknown: 'watch' }]),
};

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash']);
export const isShell = (name: string): boolean => SHELLS.has(name);

/** `bash -c 'script'` judges the script; `bash file.sh` cannot be told; `… | bash` runs what it is sent. */
export const shell: Judge = (args, { name, piped }) => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '+o') i++;
    else if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) return [{ script: args[i + 1] ?? '' }];
    else if (a === '-s') break;
    else if (!a.startsWith('-') && !a.startsWith('+')) return [{ unknown: `${name} ${a}` }];
  }
  return piped ? [{ changes: `piping into ${name}` }] : [{ unknown: `${name} (an interactive shell)` }];
};

export const evalScript: Judge = (args) => [{ script: args.join(' ') }];

// What one program's judge says about its arguments. An empty list means it only reads.

export type Verdict =
  | { changes: string }
  | { unknown: string }
  /** A wrapper (`env`, `sudo`, `xargs`…): these words are the command that really runs. */
  | { runs: string[] }
  /** `sh -c`, `eval`: this text is a script of its own. */
  | { script: string };

export type Judge = (args: string[], ctx: { name: string; piped: boolean }) => Verdict[];

export const READS: Verdict[] = [];

/** Options that take a value in the next word, so that value is not taken for a subcommand. */
export function operands(args: readonly string[], valueFlags: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (a.startsWith('-') && a.length > 1) {
      if (valueFlags.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** `name sub`: reads when `sub` is listed, a named change when it is listed there, else not known. */
export function bySubcommand(name: string, sub: string | undefined, reads: string[], writes: string[]): Verdict[] {
  if (sub === undefined || reads.includes(sub)) return READS;
  return [writes.includes(sub) ? { changes: `${name} ${sub}` } : { unknown: `${name} ${sub}` }];
}

/** `-X POST`, `--request POST`, `--request=POST`, `-sXPOST`: the value of an option, wherever it is written. */
export function optionValue(args: readonly string[], short: string | undefined, long: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    for (const l of long) {
      if (a === l) return args[i + 1] ?? '';
      if (a.startsWith(`${l}=`)) return a.slice(l.length + 1);
    }
    if (short && /^-[A-Za-z]+/.test(a) && !a.startsWith('--')) {
      const at = a.indexOf(short, 1);
      if (at > 0) return a.length > at + 1 ? a.slice(at + 1) : (args[i + 1] ?? '');
    }
  }
  return undefined;
}

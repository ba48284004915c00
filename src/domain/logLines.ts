// How a typed log filter matches: one rule, used by the Logs pane and its filter prompt. (What an
// error line is lives in health/errorLines.ts.)

/** A filter typed as /regex/flags is a regular expression; anything else is a case-insensitive substring. */
export function compileFilter(filter: string): { test: (s: string) => boolean; error?: string } {
  const m = /^\/(.+)\/([a-z]*)$/.exec(filter);
  if (!m) {
    const needle = filter.toLowerCase();
    return { test: (s) => s.toLowerCase().includes(needle) };
  }
  try {
    const re = new RegExp(m[1]!, m[2]!.includes('i') ? m[2] : `${m[2]}i`);
    return { test: (s) => re.test(s) };
  } catch (e) {
    return { test: () => true, error: `bad regex: ${(e as Error).message}` };
  }
}

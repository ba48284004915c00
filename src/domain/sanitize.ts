import ansiRegex from 'ansi-regex';

// Text from outside (AWS fields, log lines, runbooks, step output, the audit file read back) is data:
// an escape sequence in it must never reach the terminal, a pipe or a file as a command (clear the
// screen, retitle the window, write the clipboard, open a link). ansi-regex finds complete
// sequences (CSI, OSC, DCS, SOS, PM, APC, in their 7-bit and C1 forms), which are removed (strip-ansi
// would skip a string whose only introducer is the C1 OSC, U+009D); whatever is left that a
// terminal would act on or that hides text is shown as a visible escape instead, so the reader sees
// that something odd was there:
// - C0 controls (bar tab and newline, handled first), DEL and C1 controls as \xNN;
// - format characters (bidi embeddings, overrides and isolates, zero-width spaces and joiners, the
//   BOM, soft hyphen, tags) and the line and paragraph separators as \uNNNN. A bidi override makes
//   a terminal draw the rest of the row reversed or not at all; zero-width characters make two
//   different strings look the same; U+2028/9 break a row where the layout does not expect it.
// After this, every character left has the width string-width gives it, so the layout holds.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]|\p{Cs}/gu;

const SEQUENCE = ansiRegex();
const PLAIN = /^[\x20-\x7e]*$/;

/** Longest line kept, in characters; a longer one is cut with a note of how much was left out. */
export const MAX_LINE_CHARS = 2000;

const hex = (c: string, width: number) => c.codePointAt(0)!.toString(16).padStart(width, '0');

function visible(text: string): string {
  return text
    .replace(SEQUENCE, '')
    .replace(CONTROL, (c) => `\\x${hex(c, 2)}`)
    .replace(INVISIBLE, (c) => `\\u${hex(c, 4)}`);
}

function capped(line: string, max: number): string {
  if (line.length <= max) return line;
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}… [${chars.length - max} more characters]`;
}

/**
 * One line of outside text, safe to print: no sequences, no controls, no invisible characters, capped
 * at MAX_LINE_CHARS. One parameter on purpose: it is passed to .map(), whose second argument is an index.
 */
export const sanitizeLine = (text: string): string => cleanLine(text, MAX_LINE_CHARS);

function cleanLine(text: string, max: number): string {
  // Most lines are plain printable ASCII: nothing to do (the log path runs this for every line).
  if (text.length <= max && PLAIN.test(text)) return text;
  return capped(visible(text.replace(/\t/g, '  ').replace(/\r?\n/g, ' ⏎ ')), max);
}

/** Several lines of outside text (step output, an HTTP body): each line as sanitizeLine, newlines kept. */
export function sanitizeText(text: string): string {
  return text.split(/\r?\n/).map(sanitizeLine).join('\n');
}

/**
 * Every string in a value from outside (a backend's answer), sanitised as one line (or by `clean`,
 * e.g. sanitizeText where a string may hold several lines). Copy on write:
 * an object with nothing to clean is returned as is, so memoised selectors keep their identity.
 */
export function sanitizeDeep<T>(value: T, clean: (text: string) => string = sanitizeLine): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const cleaned = sanitizeDeep(v, clean);
      if (cleaned !== v) (out ??= [...value])[i] = cleaned;
    });
    return (out ?? value) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const cleaned = sanitizeDeep(v, clean);
    const key = sanitizeLine(k);
    if (cleaned === v && key === k) continue;
    const copy: Record<string, unknown> = (out ??= { ...(value as Record<string, unknown>) });
    if (key !== k) delete copy[k];
    copy[key] = cleaned;
  }
  return (out ?? value) as T;
}

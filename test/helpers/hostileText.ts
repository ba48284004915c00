// Text an attacker (or a careless deploy script) can put in an AWS field, a log line, a runbook or
// a step's output, and what must never come out the other side. Each payload starts with a
// unique visible marker, so a test can find where it landed and tell "cleaned" from "dropped".

export interface HostilePayload {
  /** HOSTILE01…: visible text that survives any sanitiser, at the start of the payload. */
  marker: string;
  what: string;
  text: string;
}

const LONG_LINE_CHARS = 10_000;

const raw: [what: string, body: string][] = [
  ['OSC 0 window title', '\x1b]0;PWNED\x07'],
  ['OSC 52 clipboard write', '\x1b]52;c;cHduZWQ=\x07'],
  ['OSC 8 hyperlink', '\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\'],
  ['C1 OSC as a character', '\u009d0;PWNED\u009c'],
  ['CSI clear screen', '\x1b[2J'],
  ['RIS full reset', '\x1bc'],
  ['leave the alternate screen', '\x1b[?1049l'],
  ['DCS string', '\x1bPq#0;2;0;0;0\x1b\\'],
  ['APC string', '\x1b_Gpayload\x1b\\'],
  ['BEL alone', 'ring\x07ring'],
  ['backspace over text', 'safe\x08\x08\x08\x08evil'],
  ['carriage return over text', 'hidden\roverwritten'],
  ['DEL', 'del\x7fdel'],
  ['bidi override', 'bidi \u202eevil\u202c override'],
  ['bidi embeddings and isolates', 'iso \u202a\u202b\u202d\u2066\u2067\u2068x\u2069 after'],
  ['zero-width characters', 'zw\u200b\u200c\u200d\u2060\ufeffzw'],
  ['line and paragraph separators', 'line\u2028para\u2029end'],
  ['unterminated OSC', '\x1b]0;swallow the rest'],
  ['very long line', 'x'.repeat(LONG_LINE_CHARS)],
];

export const HOSTILE: readonly HostilePayload[] = raw.map(([what, body], i) => {
  const marker = `HOSTILE${String(i + 1).padStart(2, '0')}`;
  return { marker, what, text: `${marker} ${body}` };
});

export const hostile = (what: string): HostilePayload => {
  const p = HOSTILE.find((h) => h.what === what);
  if (!p) throw new Error(`no hostile payload "${what}"`);
  return p;
};

/** The payload that shows whether text after a bidi override is still drawn. */
export const BIDI = hostile('bidi override');
export const BIDI_TAIL = 'override';
export const LONG = hostile('very long line');

/**
 * Longest run of one payload's filler allowed in output. The sanitiser caps a line at a length it
 * chooses; anything well below the payload's 10,000 characters shows that a cap applied.
 */
export const LONG_RUN_LIMIT = LONG_LINE_CHARS / 2;

// Ink draws with these and nothing else (measured: the demo in a pty emits CSI SGR, cursor up,
// column, erase line, next line; private modes 1049 alternate screen, 2026 synchronised output,
// 25 cursor, 2004 bracketed paste). Anything else that starts with ESC came from the data.
const INK_SEQUENCE = /\x1b\[[0-9;:]*[mAGKE]|\x1b\[\?(?:1049|2026|25|2004|1004)[hl]/y;

const C0 = /[\u0000-\u0008\u000b-\u001f]/;
const FORBIDDEN_CHAR: [RegExp, string][] = [
  [/[\u007f]/, 'DEL'],
  [/[\u0080-\u009f]/, 'C1 control'],
  [/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/, 'bidi control'],
  [/[\u200b-\u200d\u2060\ufeff]/, 'zero-width character'],
  [/[\u2028\u2029]/, 'line/paragraph separator'],
];

const name = (c: string): string => {
  const cp = c.codePointAt(0)!;
  if (c === '\x1b') return 'ESC';
  if (c === '\x07') return 'BEL';
  if (c === '\x08') return 'BS';
  if (c === '\r') return 'CR';
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
};

/**
 * What got through: one entry per kind of forbidden character, with where it first appeared.
 * allowInkEscapes: the dashboard's raw pty bytes, where Ink's own drawing sequences and the pty's
 * \r\n line ends are expected; a lone CR, a tab, BEL and every other escape are still data's.
 * Without it (pipes, JSON, audit, report, checklist): no escape at all, no C0 but \n and \t.
 */
export function forbiddenIn(output: string, allowInkEscapes: boolean): string[] {
  const found = new Map<string, string>();
  const note = (label: string, at: number) => {
    if (!found.has(label)) found.set(label, `${label} at ${at}: ${JSON.stringify(output.slice(at, at + 24))}`);
  };
  for (let i = 0; i < output.length; i++) {
    const c = output[i]!;
    if (allowInkEscapes && c === '\x1b') {
      INK_SEQUENCE.lastIndex = i;
      const m = INK_SEQUENCE.exec(output);
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === '\n') continue;
    if (c === '\t' && !allowInkEscapes) continue;
    if (c === '\r' && allowInkEscapes && output[i + 1] === '\n') continue;
    if (C0.test(c) || c === '\t') {
      note(name(c), i);
      continue;
    }
    for (const [re, label] of FORBIDDEN_CHAR) if (re.test(c)) note(`${label} ${name(c)}`, i);
  }
  if (allowInkEscapes) {
    // Leaving the alternate screen belongs at the very end (exit), never mid-session.
    const leave = output.indexOf('\x1b[?1049l');
    if (leave >= 0 && /[^\s]/.test(output.slice(leave + 8).replace(/\x1b\[\?25h/g, '')))
      note('alternate screen left before exit', leave);
  }
  const longRun = new RegExp(`x{${LONG_RUN_LIMIT},}`).exec(output);
  if (longRun) note(`line not capped (${longRun[0].length}+ chars of one payload)`, longRun.index);
  return [...found.values()];
}

/** Every string in a parsed JSON value, keys included: JSON's \u001b escapes hide an ESC until it is parsed. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

/** Markers (of `payloads`) that appear nowhere in `text`. */
export const missingMarkers = (text: string, payloads: readonly HostilePayload[] = HOSTILE): string[] =>
  payloads.filter((p) => !text.includes(p.marker)).map((p) => p.marker);

// Log message → template text for the error signatures: what varies from one occurrence of an error
// to the next (ids, addresses, numbers, times, quoted values) becomes a typed placeholder, so two
// lines of one error read the same before Drain (drain.ts) even sees them. Typed rather than a bare
// `<*>` so a template still says what was there ("after <dur>", "from <ip>").
//
// One combined regular expression, tried left to right, does every mask in a single pass: the
// earliest match wins and, at one position, the first alternative listed, so a timestamp is not read
// as three numbers nor a UUID as hex. Each alternative that can start inside a word is anchored with
// a lookbehind, which is also what keeps the pass linear on long tokens.

/** Longest text masked; the rest is cut (Drain keeps 60 tokens anyway, and a regex pass costs per character). */
const MAX_TEXT = 1000;

/** Values under these keys are the error itself (`err="pq: …"`), so their text is kept, masked inside. */
const KEEP_KEYS = new Set(['err', 'error', 'errors', 'msg', 'message', 'reason', 'cause', 'exception', 'detail']);

const HEX = '[0-9a-fA-F]';
const DQ = '"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"';
const SQ = "(?<!\\w)'[^'\\\\]*(?:\\\\.[^'\\\\]*)*'(?!\\w)";
const CLOCK = '\\d\\d:\\d\\d(?::\\d\\d)?(?:[.,]\\d+)?';
const DUR_UNIT = '(?:ns|us|µs|ms|s|m|h|d)';
const UNIT = `${DUR_UNIT}(?:\\d+(?:\\.\\d+)?${DUR_UNIT})*|%|[kKMGT]i?B|B|bytes`;

const PARTS: [name: string, source: string][] = [
  ['url', '\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s"\'<>]*[^\\s"\'<>.,;:)\\]]'],
  ['kv', `(?<![\\w.-])(?<name>[A-Za-z_][\\w.-]*)=(?<val>${DQ}|'[^']*'|[^\\s,;)\\]}]*)`],
  [
    'ts',
    `(?<![\\w.])(?:\\d{4}-\\d\\d-\\d\\d(?:[T ]${CLOCK}(?:Z|[+-]\\d\\d:?\\d\\d)?)?|\\d{4}/\\d\\d/\\d\\d(?: ${CLOCK})?|\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?)(?![\\w:])`,
  ],
  ['uuid', `(?<![\\w-])${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}(?![\\w-])`],
  ['email', '(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+'],
  [
    'ip',
    `(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?(?!\\w|\\.\\d)|\\[${HEX}*:[0-9a-fA-F:.]*\\](?::\\d{1,5})?`,
  ],
  ['ip6', `(?<![\\w:.])(?=[0-9a-fA-F:]*:${HEX}*:)${HEX}{0,4}(?::${HEX}{0,4}){2,7}(?:%\\w+)?(?![\\w:])`],
  ['hex', `(?<![\\w.])0[xX]${HEX}+(?!\\w)|(?<!\\w)(?=${HEX}*[a-fA-F])(?=${HEX}*\\d)${HEX}{8,}(?!\\w)`],
  ['num', `(?<![\\w.])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?<unit>${UNIT})?(?!\\w|\\.\\d)`],
  // A JSON key names a field, not a value.
  ['key', `(?<=[{,]\\s*)${DQ}(?=\\s*:)`],
  ['str', `${DQ}|${SQ}`],
];
const MASKS = new RegExp(PARTS.map(([name, source]) => `(?<${name}>${source})`).join('|'), 'g');
const DURATION = new RegExp(`^${DUR_UNIT}`);
const PLACEHOLDER = /^<\w+>$/;
const HEX_ID = /^[0-9a-fA-F]{8,}$/;

type Groups = Record<string, string | undefined>;

function replace(match: string, ...args: unknown[]): string {
  const g = args.at(-1) as Groups;
  if (g.url) return maskUrl(g.url);
  if (g.kv) return `${g.name}=${maskValue(g.name!, g.val!)}`;
  if (g.ts) return '<ts>';
  if (g.uuid) return '<uuid>';
  if (g.email) return '<email>';
  if (g.ip) return '<ip>';
  // Not an address (a ratio, `a:b:c`): its numbers are still numbers.
  if (g.ip6) return isIpv6(g.ip6) ? '<ip>' : match.replace(/\d+/g, '<num>');
  if (g.hex) return '<hex>';
  if (g.num) return g.unit && DURATION.test(g.unit) ? '<dur>' : '<num>';
  return g.key ? match : '<str>';
}

/** The regex finds colon-separated hex groups; only a real address (one `::`, or all 8 groups) is one. */
function isIpv6(text: string): boolean {
  const addr = text.replace(/%\w+$/, '');
  const compressed = addr.split('::').length - 1;
  return /\d/.test(addr) && (compressed === 1 || (compressed === 0 && addr.split(':').length === 8));
}

/** The scheme, host and path say where; the query and fragment are per-request values. */
function maskUrl(url: string): string {
  const cut = url.search(/[?#]/);
  const base = cut < 0 ? url : url.slice(0, cut);
  const scheme = base.indexOf('://') + 3;
  return base.slice(0, scheme) + maskInline(base.slice(scheme)) + (cut < 0 ? '' : '?<query>');
}

function maskValue(key: string, value: string): string {
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  const inner = quote && value.endsWith(quote) && value.length > 1 ? value.slice(1, -1) : value;
  if (KEEP_KEYS.has(key.toLowerCase())) return quote ? `${quote}${maskInline(inner)}${quote}` : maskInline(inner);
  if (!inner) return value;
  // Under a key, a run of hex is an id whichever digits it drew (`req=deadbeef`, `req=12345678`).
  if (HEX_ID.test(inner)) return '<hex>';
  // A typed value keeps its type (`ip=<ip>`); anything else is a value all the same.
  const typed = maskInline(inner);
  return PLACEHOLDER.test(typed) ? typed : '<str>';
}

const maskInline = (text: string): string => text.replace(MASKS, replace);

// A leading time and level say when and how bad, not which error: the signature is what follows.
const PREFIXES = [
  `\\[?(?:\\d{4}[-/]\\d\\d[-/]\\d\\d[T ]${CLOCK}(?:Z|[+-]\\d\\d:?\\d\\d)?|${CLOCK})\\]?`,
  '\\[?(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|PANIC|CRITICAL|SEVERE)\\]?:?',
  '\\[(?:error|warn|warning|info|debug|trace|fatal|crit|critical)\\]:?',
  '(?:time|ts|t|level|lvl|severity)=(?:"[^"]*"|\\S+)',
];
const PREFIX = new RegExp(`^(?:${PREFIXES.join('|')})(?:\\s+|$)`);

function stripPrefix(text: string): string {
  let out = text.trimStart();
  // A line carries at most a few of them (time, level, maybe a second stamp): a bounded loop.
  for (let i = 0; i < 4; i++) {
    const m = PREFIX.exec(out);
    if (!m) break;
    out = out.slice(m[0].length);
  }
  return out;
}

const FIELDS = ['message', 'msg'] as const;
const ERROR_FIELDS = ['error', 'err'] as const;

/** A JSON line's own words: its message and its error, when it has them (the rest are fields). */
function jsonText(text: string): string | undefined {
  if (text[0] !== '{' || text[text.length - 1] !== '}') return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const o = doc as Record<string, unknown>;
  const message = FIELDS.map((k) => o[k]).find((v) => typeof v === 'string');
  const error = ERROR_FIELDS.map((k) => errorText(o[k])).find((v) => v !== undefined);
  const words = [...new Set([message, error])].filter((v): v is string => !!v);
  return words.length ? words.join(': ') : undefined;
}

const errorText = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string'
      ? (v as { message: string }).message
      : undefined;

/** The template of one log message: prefix stripped, JSON reduced to its message, values masked. */
export function maskMessage(message: string): string {
  const text = stripPrefix(message);
  const body = jsonText(text.trimEnd()) ?? text;
  return maskInline(body.length > MAX_TEXT ? body.slice(0, MAX_TEXT) : body)
    .replace(/\s+/g, ' ')
    .trim();
}

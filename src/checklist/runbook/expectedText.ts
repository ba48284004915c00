// A runbook's "Expected: …" → a check the runner can make, or text for the on-call to compare by eye.
// Only what is unambiguous becomes a check: exact quoted text, JSON, a status code, one word, "empty
// output". Anything else ("CPUUtilization < 30%", "2 deployments during rollout") would be a guess.
import type { CommandStepSpec } from '../../domain/model.js';

export interface Expectation {
  expect?: CommandStepSpec['expect'];
  /** Not machine-checkable: kept in the step's note. */
  byEye?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exact text, but any run of spaces matches any whitespace and a lone X/Y/Z/N stands for a number
 *  ("Resources: X added" → `Resources:\s+\d+\s+added`). */
const literal = (s: string) =>
  escape(s.trim())
    .replace(/\b[XYZN]\b/g, '\\d+')
    .replace(/\s+/g, '\\s+');

/** `{"status":"healthy"}` → `"status"\s*:\s*"healthy"`, whatever the key order or pretty-printing. */
function jsonRegex(text: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (x !== null && typeof x === 'object') walk(x);
        else parts.push(`${escape(JSON.stringify(k))}\\s*:\\s*${escape(JSON.stringify(x))}`);
      }
    }
  };
  walk(doc);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(?=[\\s\\S]*${p})`).join('');
}

const EMPTY =
  /^\(?(?:empty|none|nothing)\)?\.?$|\bempty output\b|\bno output\b|\b(?:prints?|outputs?|returns?) nothing\b/i;
const STATUS = /^(?:HTTP(?:\/[\d.]+)?\s+|status(?: code)?:?\s*)?([1-5]\d\d)(?:\s+[A-Z][A-Za-z ]*)?\.?$/i;
const QUOTED = /^(?:"([^"]+)"|'([^']+)'|`([^`]+)`|“([^”]+)”|\*\*([^*]+)\*\*)\.?$/;

export function toExpectation(lines: readonly string[]): Expectation {
  const text = lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  if (!text) return {};
  if (/^[{[]/.test(text)) {
    const re = jsonRegex(text);
    return re ? { expect: { outputRegex: re } } : { byEye: lines.join('; ') };
  }
  if (EMPTY.test(text)) return { expect: { emptyOutput: true } };
  if (lines.length > 1) return { byEye: text.split('\n').join('; ') };
  const status = STATUS.exec(text);
  if (status) return { expect: { outputRegex: `\\b${status[1]}\\b` } };
  const quoted = QUOTED.exec(text);
  const exact = quoted?.slice(1).find((g) => g !== undefined);
  if (exact) return { expect: { outputRegex: literal(exact) } };
  if (/^[\w./:@-]+$/.test(text))
    return {
      expect: { outputRegex: `${/^\w/.test(text) ? '\\b' : ''}${escape(text)}${/\w$/.test(text) ? '\\b' : ''}` },
    };
  return { byEye: text };
}

/** How a check reads in a list: "output matches /…/", "no output". */
export function describeExpect(e: CommandStepSpec['expect']): string | undefined {
  const parts = [
    e.exitCode !== undefined && e.exitCode !== 0 ? `exit ${e.exitCode}` : '',
    e.outputRegex !== undefined ? `output matches /${e.outputRegex}/` : '',
    e.emptyOutput ? (e.exitCode === undefined ? 'no output (exit 0, or exit 1 with nothing found)' : 'no output') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

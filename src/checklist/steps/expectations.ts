// Pure judgement of a step's result against its expectations: passed, and one line saying why.
import stripAnsi from 'strip-ansi';
import type { CommandStepSpec, HttpStepSpec } from '../../domain/model.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { getJsonPath, parseJsonPath } from './jsonPath.js';

export interface Judgement {
  passed: boolean;
  /** One line, free of control characters. */
  summary: string;
}

const MAX_SUMMARY = 240;

/** One sanitised line, cut to `max` characters. */
export function oneLine(text: string, max = MAX_SUMMARY): string {
  const line = sanitizeLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A duration for a summary: 10 s, 0.3 s. */
export const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(2))} s`;

/** A value as JSON, shortened for a summary. */
function show(v: unknown, max = 60): string {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const member = (m: string | number): string => String(m);

function verdict(failures: string[], passes: string[]): Judgement {
  return failures.length > 0
    ? { passed: false, summary: oneLine(failures.join('; ')) }
    : { passed: true, summary: oneLine(passes.join(', ')) };
}

export function judgeHttp(expect: HttpStepSpec['expect'], status: number, bodyText: string): Judgement {
  const statusOk = expect.status !== undefined ? status === expect.status : status >= 200 && status < 300;
  if (!statusOk) {
    const snippet = bodyText.trim() ? `: ${oneLine(bodyText.trim(), 80)}` : '';
    return { passed: false, summary: oneLine(`HTTP ${status} (expected ${expect.status ?? '2xx'})${snippet}`) };
  }
  const passes = [`HTTP ${status}`];
  const json = expect.json ?? [];
  const lists = expect.listContains ?? [];
  if (json.length === 0 && lists.length === 0) return verdict([], passes);

  let doc: unknown;
  try {
    doc = JSON.parse(bodyText);
  } catch {
    const snippet = bodyText.trim() ? oneLine(bodyText.trim(), 80) : '(empty body)';
    return { passed: false, summary: oneLine(`response is not JSON: ${snippet}`) };
  }

  const failures: string[] = [];
  const lookup = (path: string): { found: boolean; value?: unknown } | string => {
    if (!parseJsonPath(path)) return `invalid JSON path ${path}`;
    const r = getJsonPath(doc, path);
    return r.found ? r : `${path} not found in response`;
  };
  for (const { path, equals } of json) {
    const r = lookup(path);
    if (typeof r === 'string') failures.push(r);
    else if (r.value !== equals) failures.push(`${path} is ${show(r.value)} (expected ${show(equals)})`);
    else passes.push(`${path} = ${show(equals)}`);
  }
  for (const { path, members } of lists) {
    const r = lookup(path);
    if (typeof r === 'string') failures.push(r);
    else if (!Array.isArray(r.value)) failures.push(`${path} is not a list (got ${show(r.value)})`);
    else {
      const list = r.value;
      const missing = members.filter((m) => !list.includes(m));
      if (missing.length > 0) failures.push(`${path} is missing ${missing.map(member).join(', ')}`);
      else passes.push(`${path} has ${members.map(member).join(', ')}`);
    }
  }
  return verdict(failures, passes);
}

export function judgeCommand(expect: CommandStepSpec['expect'], exitCode: number, output: string): Judgement {
  const failures: string[] = [];
  const passes: string[] = [];
  const wanted = expect.exitCode ?? 0;
  const lines = output.split(/\r?\n/).filter((l) => l.trim() !== '');
  // "Expected: no output" after `grep ERROR app.log` means no match, and grep says that with exit 1.
  const noMatch = expect.emptyOutput && expect.exitCode === undefined && exitCode === 1 && lines.length === 0;
  if (noMatch) passes.push('exit 1 (nothing found)');
  else if (exitCode !== wanted) {
    const last = lines.at(-1);
    failures.push(`exit ${exitCode} (expected ${wanted})${last ? `: ${oneLine(last.trim(), 100)}` : ''}`);
  } else passes.push(`exit ${exitCode}`);

  if (expect.outputRegex !== undefined) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(expect.outputRegex, 'm');
    } catch (e) {
      failures.push(`invalid outputRegex /${expect.outputRegex}/: ${(e as Error).message}`);
    }
    if (re) {
      if (re.test(output) || re.test(stripAnsi(output))) passes.push(`output matches /${expect.outputRegex}/`);
      else failures.push(`output does not match /${expect.outputRegex}/`);
    }
  }

  if (expect.emptyOutput) {
    if (output.trim() === '') passes.push('no output');
    else failures.push(`expected no output, got ${lines.length} line(s): ${oneLine(lines[0]!.trim(), 100)}`);
  }
  return verdict(failures, passes);
}

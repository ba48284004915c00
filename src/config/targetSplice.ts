// The config text with a target entry added under `targets:` (or an entry of the same name replaced).
// Pure: text in, text out. The user's file is spliced, not re-serialised, so every byte outside the
// entry stays as it was (their comments, indentation and quoting); a file that cannot be spliced
// safely is edited through yaml's Document (comments kept). Either way the result must read back,
// through parseConfig, as the old config plus exactly this entry — or nothing is returned to be written.
import { isDeepStrictEqual } from 'node:util';
import type { Pair } from 'yaml';
import { isMap, isScalar, parseDocument, type Scalar, YAMLMap } from 'yaml';
import type { Discovery } from '../domain/discovery.js';
import { errorMessage, UsageError } from '../domain/errors.js';
import { parseConfig } from './load.js';
import type { ShipwatchConfig, TargetConfig } from './schema.js';
import { entryConfig, entryText, HEADER, type EntryOptions } from './targetEntry.js';

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const column = (text: string, pos: number) => pos - lineStart(text, pos);
const lineEnd = (text: string, pos: number) => {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
};
const indented = (block: string, col: number) => block.replace(/^(?=.)/gm, ' '.repeat(col)).replace(/\n?$/, '\n');

/** Where a pair's text ends: after its value's last line and the deeper-indented comments that follow it. */
function pairEnd(text: string, p: Pair, keyCol: number): number {
  const valueEnd = (isScalar(p.value) || isMap(p.value) ? p.value.range?.[1] : undefined) ?? text.length;
  let pos = lineEnd(text, valueEnd);
  const deeper = new RegExp(`^ {${keyCol + 1},}#`);
  while (pos < text.length && deeper.test(text.slice(pos, text.indexOf('\n', pos) + 1 || undefined)))
    pos = lineEnd(text, pos + 1);
  return pos;
}

/** Where a pair's text starts: its key's line, or the header of an entry init wrote (not the user's comments above it). */
function pairStart(text: string, p: Pair, keyCol: number): number {
  let start = lineStart(text, (p.key as Scalar).range![0]);
  const comment = new RegExp(`^ {${keyCol}}#`);
  for (let up = start; up > 0;) {
    up = lineStart(text, up - 1);
    const line = text.slice(up, text.indexOf('\n', up));
    if (!comment.test(line)) break;
    if (line.trimStart().startsWith(HEADER)) start = up;
  }
  return start;
}

type Render = (indent: number) => string;

/** The entry spliced into a block-style file; undefined where the file's shape needs the Document route. */
function splice(text: string, name: string, render: Render): string | undefined {
  const doc = parseDocument(text);
  const top = doc.contents;
  const tail = text && !text.endsWith('\n') ? '\n' : '';
  if (top === null || top === undefined)
    return `${text}${tail}${text.trim() ? '\n' : ''}# shipwatch NAME watches a target (shipwatch targets lists them)\ntargets:\n${indented(render(2), 2)}`;
  if (!isMap(top) || top.flow) return undefined;
  const topCol = column(text, top.range![0]);
  const pair = top.items.find((p) => isScalar(p.key) && p.key.value === 'targets');
  if (!pair) return `${text}${tail}\n${' '.repeat(topCol)}targets:\n${indented(render(2), topCol + 2)}`;
  const targets = pair.value;
  if (!isMap(targets) || targets.flow || !targets.items.length) return undefined;
  const first = targets.items[0]!;
  if (!isScalar(first.key)) return undefined;
  const keyCol = column(text, first.key.range![0]);
  const inner = isMap(first.value) && !first.value.flow ? first.value.items[0]?.key : undefined;
  const step = isScalar(inner) ? column(text, inner.range![0]) - keyCol : 2;
  const entry = indented(render(step > 0 && step <= 8 ? step : 2), keyCol);
  const same = targets.items.find((p) => isScalar(p.key) && p.key.value === name);
  if (same) return text.slice(0, pairStart(text, same, keyCol)) + entry + text.slice(pairEnd(text, same, keyCol));
  const at = pairEnd(text, targets.items.at(-1)!, keyCol);
  return `${text.slice(0, at)}${at === text.length ? tail : ''}\n${entry}${text.slice(at)}`;
}

/** The entry set through yaml's Document: for flow-style maps and files a splice would change. */
function viaDocument(text: string, name: string, render: Render): string {
  const doc = parseDocument(text);
  const pair = (parseDocument(render(2)).contents as YAMLMap).items[0] as Pair;
  if (!isMap(doc.get('targets', true))) doc.set('targets', new YAMLMap());
  const targets = doc.get('targets', true) as YAMLMap;
  targets.flow = false;
  const i = targets.items.findIndex((p) => isScalar(p.key) && p.key.value === name);
  if (i >= 0) targets.items[i] = pair;
  else targets.items.push(pair);
  return doc.toString({ lineWidth: 0 });
}

const withoutTarget = (c: ShipwatchConfig, name: string) => {
  const { [name]: _gone, ...others } = c.targets ?? {};
  return { ...c, targets: others };
};

/**
 * The guard before anything is written: undefined when `result` parses and reads back as `before`
 * plus exactly `entry` under `name`; else why not.
 */
export function checkResult(
  result: string,
  file: string,
  before: ShipwatchConfig,
  name: string,
  entry: TargetConfig,
): string | undefined {
  let after: ShipwatchConfig;
  try {
    after = parseConfig(result, file);
  } catch (e) {
    return errorMessage(e);
  }
  if (!isDeepStrictEqual(after.targets?.[name], entry)) return `target ${name} would not read back as written`;
  if (!isDeepStrictEqual(withoutTarget(after, name), withoutTarget(before, name)))
    return 'the rest of the file would change';
  return undefined;
}

/** Whether the config text (valid, or a UsageError naming file:line) already has a target `name`. */
export const hasTarget = (text: string, file: string, name: string): boolean =>
  parseConfig(text, file).targets?.[name] !== undefined;

/**
 * `text` with the entry added under `targets:` (created if absent) or replacing the target of the
 * same name; '' gives a config holding just this target. Throws a UsageError instead of returning
 * a text that would not read back exactly (checkResult).
 */
export function withTarget(text: string, file: string, d: Discovery, o: EntryOptions): string {
  const before = parseConfig(text, file);
  const entry = entryConfig(d, o);
  const render: Render = (indent) => entryText(d, o, indent);
  let why = '';
  for (const attempt of [splice, viaDocument]) {
    const out = attempt(text, o.name, render);
    if (out === undefined) continue;
    const problem = checkResult(out, file, before, o.name, entry);
    if (!problem) return out;
    why = problem;
  }
  throw new UsageError(
    `${file}: cannot add target ${o.name} without changing the rest of the file (${why}); ` +
      'shipwatch init --print prints the entry to paste in by hand',
  );
}

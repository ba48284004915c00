// Loads and validates the YAML config; every problem becomes one message naming file, line and fix.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { UsageError } from '../domain/errors.js';
import { configSchema, type ShipwatchConfig } from './schema.js';
import { userConfigPath } from './statePaths.js';

export const DEFAULT_CONFIG_FILE = 'shipwatch.yaml';

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: PropertyKey[]): number | undefined {
  // The deepest node that exists along the path: a missing key points at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

export function parseConfig(text: string, file: string): ShipwatchConfig {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = counter.linePos(yamlError.pos[0]).line;
    throw new UsageError(`${file}:${line}: not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  const line = lineOf(doc, counter, issue.path);
  const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  // A bad record key (a target's name) carries its reason one level down.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  throw new UsageError(`${file}${line ? `:${line}` : ''}: ${where}: ${message}${keys}`);
}

/** Where a config is looked for, in order; the first that exists is the one read (they are not merged). */
export function configSearchPath(env: NodeJS.ProcessEnv = process.env): string[] {
  return [DEFAULT_CONFIG_FILE, userConfigPath(env)];
}

/** The file a run reads: `--config FILE`, else the first of the search path that exists, else none. */
export function findConfigFile(
  explicit: string | undefined,
  cwd = process.cwd(),
  env = process.env,
): string | undefined {
  return explicit ?? configSearchPath(env).find((f) => existsSync(resolve(cwd, f)));
}

export interface LoadedConfig {
  config: ShipwatchConfig;
  file?: string;
  /** Where it was looked for, for a message when nothing was found. */
  searched: string[];
}

/** `--config FILE`, else ./shipwatch.yaml, else $XDG_CONFIG_HOME/shipwatch/config.yaml, else nothing. */
export function loadConfig(explicit: string | undefined, cwd = process.cwd(), env = process.env): LoadedConfig {
  const searched = explicit ? [explicit] : configSearchPath(env);
  const file = findConfigFile(explicit, cwd, env);
  if (!file) return { config: {}, searched };
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`,
    );
  }
  return { config: parseConfig(text, file), file, searched };
}

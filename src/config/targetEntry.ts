// `shipwatch init`'s output: a commented target entry built from a discovery (targetSplice.ts puts it
// into a config file's text). Pure.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Discovery } from '../domain/discovery.js';
import { refKey } from '../domain/model.js';
import { sanitizeLine } from '../domain/sanitize.js';
import type { TargetConfig } from './schema.js';

export interface EntryOptions {
  name: string;
  region?: string;
  profile?: string;
  /** Only when --endpoint-url was given: an endpoint found in the environment is not the target's. */
  endpointUrl?: string;
  /** YYYY-MM-DD, for the first comment line. */
  date: string;
}

export const HEADER = '# written by shipwatch init';

/** The entry's values: what `shipwatch NAME` will read back. */
export function entryConfig(d: Discovery, o: EntryOptions): TargetConfig {
  return {
    cluster: d.cluster,
    service: d.service,
    ...(o.region ? { region: o.region } : {}),
    ...(o.profile ? { profile: o.profile } : {}),
    ...(o.endpointUrl ? { endpointUrl: o.endpointUrl } : {}),
    ...(d.logGroup ? { logGroup: d.logGroup } : {}),
    ...(d.alarms.length ? { alarms: { names: d.alarms.map((a) => a.name) } } : {}),
  };
}

// Characters a terminal acts on or hides that yaml leaves raw even in double quotes (C1 controls,
// bidi and zero-width format characters, line separators): such a value is double-quoted and they
// are written as \u escapes, so `cat config.yaml` shows them instead of obeying them.
const HIDDEN = /[\u0080-\u009f\p{Cf}\p{Zl}\p{Zp}]/u;
const escapeHidden = (text: string) =>
  text.replace(new RegExp(HIDDEN.source, 'gu'), (c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });

/** A string value: AWS's text as data, quoted by yaml wherever it would read as anything else. */
function str(value: string): Scalar {
  const s = new Scalar(value);
  if (HIDDEN.test(value)) s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** Comment lines, each sanitised: a newline or escape in an AWS name must not leave the comment. */
const comment = (lines: string[]) => lines.map((l) => ` ${sanitizeLine(l)}`).join('\n');

function logNote(d: Discovery, region: string | undefined): string[] {
  const td = d.taskDefinition ? refKey(d.taskDefinition) : 'the service';
  const from = d.containers.find((c) => c.logGroup === d.logGroup);
  const other = d.containers.filter((c) => c.logGroup && c.logGroup !== d.logGroup);
  const where = from?.logRegion ? ` (awslogs-region ${from.logRegion})` : '';
  return [
    `the awslogs group of container ${from?.name ?? '?'} in task definition ${td}${where}.`,
    ...(from?.logRegion && region && from.logRegion !== region
      ? [`Note: shipwatch reads logs in ${region}, not ${from.logRegion}.`]
      : []),
    ...other.map((c) => `container ${c.name} logs to ${c.logGroup} (not followed).`),
    'Left out, shipwatch finds the group in the serving task definition at each start.',
  ];
}

function noLogNote(d: Discovery): string[] {
  const td = d.taskDefinition ? refKey(d.taskDefinition) : 'the service';
  const drivers = [...new Set(d.containers.map((c) => c.logDriver ?? 'none'))].join(', ');
  return [
    `no awslogs log group in task definition ${td} (log drivers: ${drivers || 'none'}):`,
    'set logGroup: for the Logs pane.',
  ];
}

function targetGroupNote(d: Discovery): string[] {
  if (!d.targetGroups.length) return ['target groups: none (the service has no load balancer).'];
  return [
    'target groups, read from the service at each start (listed for reference):',
    ...d.targetGroups.map(
      (g) => `  ${g.name}: ${g.dimension ?? g.arn}${g.loadBalancer ? ` behind ${g.loadBalancer}` : ''}`,
    ),
  ];
}

const defaultAlarms = (d: Discovery) => `shipwatch watches the alarms whose names start with "${d.service}".`;

function alarmsNode(d: Discovery): YAMLMap {
  const names = new YAMLSeq();
  for (const a of d.alarms) {
    const item = str(a.name);
    item.commentBefore = comment([a.matched]);
    names.items.push(item);
  }
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar('names'), names));
  return map;
}

/** The entry as a one-pair map `NAME: {…}`, its comments on the nodes they explain. */
function entryNode(d: Discovery, o: EntryOptions): YAMLMap {
  const map = new YAMLMap();
  const pending: string[] = [];
  const add = (key: string, value: Scalar | YAMLMap, note: string[] = []) => {
    const k = new Scalar(key);
    const lines = [...pending.splice(0), ...note];
    if (lines.length) k.commentBefore = comment(lines);
    map.items.push(new Pair(k, value));
  };
  // cluster, service, region, profile, endpointUrl: the plain keys, in entryConfig's order.
  for (const [key, v] of Object.entries(entryConfig(d, o)))
    if (typeof v === 'string' && key !== 'logGroup') add(key, str(v));
  if (d.logGroup) add('logGroup', str(d.logGroup), logNote(d, o.region));
  else pending.push(...noLogNote(d));
  pending.push(...targetGroupNote(d));
  if (d.alarms.length)
    add('alarms', alarmsNode(d), [
      'alarms whose dimensions name this service or its target groups (why, above each).',
      `Left out, ${defaultAlarms(d)}`,
    ]);
  else
    pending.push(
      "no metric alarm's dimensions name this service or its target groups:",
      `left out, ${defaultAlarms(d)}`,
    );
  if (pending.length) map.comment = comment(pending);
  const name = new Scalar(o.name);
  name.commentBefore = comment([`${HEADER.slice(2)} ${o.date} from ${d.cluster}/${d.service}`]);
  const outer = new YAMLMap();
  outer.items.push(new Pair(name, map));
  return outer;
}

/** `# written by …\nNAME:\n  cluster: …`, at column 0, nested by `indent` spaces; a quoted value on one line. */
export function entryText(d: Discovery, o: EntryOptions, indent = 2): string {
  const doc = new Document();
  doc.contents = entryNode(d, o);
  return escapeHidden(doc.toString({ lineWidth: 0, indent, doubleQuotedMinMultiLineLength: Infinity }));
}

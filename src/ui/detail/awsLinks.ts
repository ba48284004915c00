// The `aws` command and the console address that show a row's fact at its source, for the on-call to
// copy into another terminal or a browser. Pure: from the row and the app's target. Words are
// shell-quoted one by one (shell-quote) and kept apart so the detail view can break a long command
// between them; console addresses follow the console's own encodings (hash fragments double-encoded
// with `$` for `%`, Logs Insights' query in JSURL).
import { quote } from 'shell-quote';
import type { Target } from '../../domain/backend.js';
import type { TaskDefRef } from '../../domain/model.js';
import { refKey } from '../../domain/model.js';

/** A command's words, each quoted for a POSIX shell. */
export const shellWords = (argv: readonly string[]): string[] => argv.map((w) => quote([w]));

/** The command on one line, as it would be typed. */
export const commandLine = (argv: readonly string[]): string => shellWords(argv).join(' ');

const consoleBase = (t: Target): string => `https://${t.region}.console.aws.amazon.com`;
/** A cluster given as an ARN is named by its last part in the console's paths. */
const clusterName = (t: Target): string => t.cluster.slice(t.cluster.lastIndexOf('/') + 1);
const iso = (ms: number): string => new Date(ms).toISOString();

/** The console writes its hash routes encoded twice, with `$` where `%` would be. */
const hashPart = (s: string): string => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$');
const hashQuery = (s: string): string => encodeURIComponent(s).replace(/%/g, '$');

export const describeAlarmsCommand = (name: string, t: Target): string[] => [
  'aws',
  'cloudwatch',
  'describe-alarms',
  '--alarm-names',
  name,
  '--region',
  t.region,
];

/** Its state changes since `since` (T+0), newest first, as the detail view lists them. */
export const alarmHistoryCommand = (name: string, since: number, t: Target): string[] => [
  'aws',
  'cloudwatch',
  'describe-alarm-history',
  '--alarm-name',
  name,
  '--history-item-type',
  'StateUpdate',
  '--start-date',
  iso(since),
  '--region',
  t.region,
];

export const alarmUrl = (name: string, t: Target): string =>
  `${consoleBase(t)}/cloudwatch/home?region=${t.region}#alarmsV2:alarm/${encodeURIComponent(name)}`;

/** `arn:aws:ecs:…:task/cluster/0f3c…` → `0f3c…`: what describe-tasks and the console take. */
export const taskId = (taskArn: string): string => taskArn.slice(taskArn.lastIndexOf('/') + 1);

export const describeTasksCommand = (id: string, t: Target): string[] => [
  'aws',
  'ecs',
  'describe-tasks',
  '--cluster',
  t.cluster,
  '--tasks',
  id,
  '--region',
  t.region,
];

/** What the load balancer says of each target of a group, with its reason. */
export const describeTargetHealthCommand = (targetGroupArn: string, t: Target): string[] => [
  'aws',
  'elbv2',
  'describe-target-health',
  '--target-group-arn',
  targetGroupArn,
  '--region',
  t.region,
];

export const taskUrl = (id: string, t: Target): string =>
  `${consoleBase(t)}/ecs/v2/clusters/${encodeURIComponent(clusterName(t))}/tasks/${encodeURIComponent(id)}/configuration?region=${t.region}`;

/** `query`: a JMESPath that picks the row out of the answer, e.g. one event by its id. */
export const describeServicesCommand = (t: Target, query?: string): string[] => [
  'aws',
  'ecs',
  'describe-services',
  '--cluster',
  t.cluster,
  '--services',
  t.service,
  '--region',
  t.region,
  ...(query ? ['--query', query] : []),
];

/** JMESPath of one entry of the service's `events` or `deployments` by id. */
export const byIdQuery = (list: 'events' | 'deployments', id: string): string =>
  `services[0].${list}[?id=='${id.replace(/'/g, "\\'")}']`;

export const describeTaskDefinitionCommand = (ref: TaskDefRef, t: Target): string[] => [
  'aws',
  'ecs',
  'describe-task-definition',
  '--task-definition',
  refKey(ref),
  '--region',
  t.region,
];

export const serviceUrl = (t: Target): string =>
  `${consoleBase(t)}/ecs/v2/clusters/${encodeURIComponent(clusterName(t))}/services/${encodeURIComponent(t.service)}/health?region=${t.region}`;

/** A stretch of a log group: epoch ms, `stream` to one task's stream, `pattern` a CloudWatch filter pattern. */
export interface LogSpan {
  group: string;
  stream?: string;
  start: number;
  end: number;
  pattern?: string;
}

export const filterLogEventsCommand = (s: LogSpan, t: Target): string[] => [
  'aws',
  'logs',
  'filter-log-events',
  '--log-group-name',
  s.group,
  ...(s.stream ? ['--log-stream-names', s.stream] : []),
  '--start-time',
  String(s.start),
  '--end-time',
  String(s.end),
  ...(s.pattern ? ['--filter-pattern', s.pattern] : []),
  '--region',
  t.region,
];

/** The log group's events in the console, over the span, with the filter pattern. */
export function logEventsUrl(s: LogSpan, t: Target): string {
  const params = `${s.pattern ? `filterPattern=${encodeURIComponent(s.pattern)}&` : ''}start=${s.start}&end=${s.end}`;
  const stream = s.stream ? `/${hashPart(s.stream)}` : '';
  return `${consoleBase(t)}/cloudwatch/home?region=${t.region}#logsV2:log-groups/log-group/${hashPart(s.group)}/log-events${stream}${hashQuery(`?${params}`)}`;
}

type Jsurl = string | number | boolean | readonly Jsurl[] | { [k: string]: Jsurl };

/** JSURL (github.com/Sage/jsurl), the notation of the console's Logs Insights address. */
export function jsurl(v: Jsurl): string {
  const enc = (s: string) =>
    s.replace(/[^\w\-.]/g, (ch) => {
      if (ch === '$') return '!';
      const code = ch.charCodeAt(0);
      return code < 0x100 ? `*${code.toString(16).padStart(2, '0')}` : `**${code.toString(16).padStart(4, '0')}`;
    });
  if (typeof v === 'string') return `~'${enc(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `~${v}`;
  if (Array.isArray(v)) return `~(${v.map(jsurl).join('') || '~'})`;
  const entries = Object.entries(v as Record<string, Jsurl>);
  return `~(${entries.map(([k, x]) => enc(k) + jsurl(x)).join('~')})`;
}

/** A Logs Insights query over the group for the span, opened ready to run. */
export function insightsUrl(group: string, query: string, start: number, end: number, t: Target): string {
  const detail = jsurl({
    end: iso(end),
    start: iso(start),
    timeType: 'ABSOLUTE',
    tz: 'UTC',
    editorString: query,
    source: [group],
  });
  return `${consoleBase(t)}/cloudwatch/home?region=${t.region}#logsV2:logs-insights${hashQuery(`?queryDetail=${detail}`)}`;
}

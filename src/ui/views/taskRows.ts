// The Tasks view's rows: what the load balancer thinks first (per target group, counts by state,
// then every target not healthy with its reason), then the service's tasks as ECS lists them.
import type { Slice } from '../../app/state.js';
import { refKey, type ServiceSnapshot } from '../../domain/model.js';
import type { TargetGroupHealth, TargetHealthInfo, TargetState, TaskInfo, TasksPage } from '../../domain/tasks.js';
import { placeholder } from '../Rows.js';
import { age, fit } from '../format.js';
import { heading, note, type ViewRow } from './viewRow.js';

export interface TaskSources {
  tasks: Slice<TasksPage>;
  targets: Slice<TargetGroupHealth[]>;
  /** Its load balancers say whether target health is coming at all. */
  service?: ServiceSnapshot;
}

const STATES: TargetState[] = ['healthy', 'unhealthy', 'draining', 'initial', 'unused', 'unavailable'];

/** `3 healthy · 1 unhealthy`: only the states some target is in. */
export const stateCounts = (g: TargetGroupHealth): string =>
  STATES.flatMap((st) => {
    const n = g.targets.filter((t) => t.state === st).length;
    return n ? [`${n} ${st}`] : [];
  }).join(' · ') || 'no targets registered';

export const targetKey = (g: TargetGroupHealth, t: TargetHealthInfo): string =>
  `x:${g.targetGroupArn}|${t.id}:${t.port ?? ''}`;

export const targetName = (t: TargetHealthInfo): string => `${t.id}${t.port === undefined ? '' : `:${t.port}`}`;

function groupRows(g: TargetGroupHealth): ViewRow[] {
  const bad = g.targets.some((t) => t.state === 'unhealthy' || t.state === 'unavailable');
  const rows: ViewRow[] = [
    { key: `g:${g.targetGroupArn}`, text: `${g.name}  ${stateCounts(g)}`, tone: bad ? 'bad' : undefined },
  ];
  for (const t of g.targets.filter((x) => x.state !== 'healthy'))
    rows.push({
      key: targetKey(g, t),
      text: `  ${fit(targetName(t), 15)} ${fit(t.state, 11)} ${fit(t.availabilityZone ?? '', 10)} ${[t.reason, t.description].filter(Boolean).join(': ')}`,
      tone: t.state === 'unhealthy' || t.state === 'unavailable' ? 'bad' : 'warn',
    });
  return rows;
}

const pct = (v: number | undefined): string => (v === undefined ? '-' : `${Math.round(v)}%`);

const taskColumns = (c: string[]): string =>
  [fit(c[0]!, 8), fit(c[1]!, 10), fit(c[2]!, 11), fit(c[3]!, 12), fit(c[4]!, 9), c[5]!.padStart(9), c[6]!]
    .join(' ')
    .trimEnd();

export const TASK_COLUMNS = (insights: boolean): string =>
  taskColumns(['TASK', 'REV', 'AZ', 'STATUS', 'HEALTH', 'STARTED', insights ? 'CPU  MEM' : 'STOPPED']);

/** `0f3c1a2b web:42     us-east-1a  RUNNING      HEALTHY    3m ago  23%  41%`; a stopped task says why instead. */
export function taskRow(t: TaskInfo, insights: boolean, now: number): ViewRow {
  const stopped = t.lastStatus === 'STOPPED' || t.stoppedAt !== undefined;
  const status =
    t.desiredStatus && t.desiredStatus !== t.lastStatus ? `${t.lastStatus}→${t.desiredStatus}` : t.lastStatus;
  const why = [t.stopCode, t.stoppedReason].filter(Boolean).join(': ');
  const tail = stopped ? why : insights ? `${pct(t.cpuPct).padStart(4)} ${pct(t.memoryPct).padStart(4)}` : '';
  const started = t.startedAt === undefined ? '-' : `${age(now - t.startedAt)} ago`;
  const text = taskColumns([
    t.id.slice(0, 8),
    refKey(t.taskDefinition),
    t.availabilityZone ?? '-',
    status,
    t.health ?? '-',
    started,
    tail,
  ]);
  const tone = stopped ? 'bad' : t.health === 'UNHEALTHY' ? 'bad' : undefined;
  return { key: `t:${t.id}`, text, tone };
}

export function taskRows(src: TaskSources, now: number): ViewRow[] {
  const groups = src.targets.data;
  const rows: ViewRow[] = [heading('Target groups')];
  // No target group, no read (app/sources.ts): the slice stays empty rather than loading.
  const behindLb = src.service?.loadBalancers?.some((l) => l.targetGroupArn);
  const waiting = placeholder(src.targets);
  if ((src.service && !behindLb) || groups?.length === 0)
    rows.push(note('none: the service is not behind a load balancer'));
  else if (waiting) rows.push(note(waiting));
  else rows.push(...(groups ?? []).flatMap(groupRows));
  const page = src.tasks.data;
  rows.push(
    heading(
      `Tasks${page ? ` · ${page.tasks.length}` : ''}${page && !page.insights ? ' · cpu/mem need Container Insights' : ''}`,
    ),
  );
  const none = placeholder(src.tasks);
  if (none || !page) return [...rows, note(none ?? 'loading…')];
  if (page.tasks.length === 0) return [...rows, note('no tasks')];
  return [...rows, note(TASK_COLUMNS(page.insights)), ...page.tasks.map((t) => taskRow(t, page.insights, now))];
}

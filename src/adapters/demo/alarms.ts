// CloudWatch alarms over the per-minute samples, with CloudWatch's own wording for state reasons, what
// each watches (as DescribeAlarms describes it), and each one's state changes (DescribeAlarmHistory).
import type { Alarm, AlarmTransition } from '../../domain/model.js';
import { ACCOUNT, REGION, TARGET_GROUP_ARN } from './catalog.js';
import type { Sample } from './metrics.js';
import { MINUTE } from './metrics.js';

interface MetricAlarmDef {
  name: string;
  metric: keyof Sample;
  /** In the alarm's own unit (TargetResponseTime is in seconds, not the pane's ms). */
  threshold: number;
  toUnit: (v: number) => number;
  digits: number;
  /** M out of N datapoints must breach. */
  datapoints: number;
  periods: number;
  /** The CloudWatch metric behind the sample, as DescribeAlarms names it. */
  cw: { name: string; stat: string };
  description: string;
}

/** The load balancer's dimensions: the ARN suffixes CloudWatch uses. */
const LB_DIMENSIONS = {
  LoadBalancer: 'app/web-alb/3c5e2f4a9b7d1e08',
  TargetGroup: TARGET_GROUP_ARN.slice(TARGET_GROUP_ARN.indexOf('targetgroup/')),
};

const METRIC_ALARMS: MetricAlarmDef[] = [
  {
    name: 'web-5xx-high',
    metric: '5xx',
    threshold: 5,
    toUnit: (v) => v,
    digits: 1,
    datapoints: 1,
    periods: 1,
    cw: { name: 'HTTPCode_Target_5XX_Count', stat: 'Sum' },
    description: 'More than 5 responses a minute from web are 5xx. Runbook: release-checklist.md, step 4.',
  },
  {
    name: 'web-p99-latency',
    metric: 'p99',
    threshold: 0.5,
    toUnit: (v) => v / 1000,
    digits: 3,
    datapoints: 2,
    periods: 2,
    cw: { name: 'TargetResponseTime', stat: 'p99' },
    description: 'p99 response time of web above 500 ms for 2 minutes: checkout feels slow to customers.',
  },
  {
    name: 'web-unhealthy-hosts',
    metric: 'unhealthy',
    threshold: 0,
    toUnit: (v) => v,
    digits: 1,
    datapoints: 2,
    periods: 2,
    cw: { name: 'UnHealthyHostCount', stat: 'Maximum' },
    description: 'A web task fails its target-group health check (GET /health) for 2 minutes.',
  },
];
const COMPOSITE = 'web-health';
const COMPOSITE_RULE = METRIC_ALARMS.map((d) => `ALARM("${d.name}")`).join(' OR ');
/** Per alarm; CloudWatch keeps 30 days, the detail view needs the release's two hours. */
const MAX_TRANSITIONS = 200;

const details = (def: MetricAlarmDef): Partial<Alarm> => ({
  metric: { namespace: 'AWS/ApplicationELB', name: def.cw.name, stat: def.cw.stat, dimensions: { ...LB_DIMENSIONS } },
  threshold: def.threshold,
  comparison: 'GreaterThanThreshold',
  evaluation: `${def.datapoints} of ${def.periods} period${def.periods === 1 ? '' : 's'} of 60 s`,
  description: def.description,
});

const pad = (n: number) => String(n).padStart(2, '0');
/** CloudWatch's datapoint stamp: dd/mm/yy HH:MM:SS, UTC. */
function stamp(t: number): string {
  const d = new Date(t);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
function longDate(t: number): string {
  const d = new Date(t);
  const day = d.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const month = d.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${day} ${d.getUTCDate()} ${month}, ${d.getUTCFullYear()} ${stamp(t).slice(9)} UTC`;
}

function thresholdReason(def: MetricAlarmDef, points: { t: number; v: number }[], alarm: boolean): string {
  const shown = points.map((p) => `${p.v.toFixed(def.digits)} (${stamp(p.t)})`).join(', ');
  const thr = def.threshold.toFixed(1);
  const matching = points.filter((p) => p.v > def.threshold === alarm).length;
  const verb = `${matching === 1 ? 'was' : 'were'} ${alarm ? '' : 'not '}greater than the threshold (${thr})`;
  if (def.periods === 1) return `Threshold Crossed: 1 datapoint [${shown}] ${verb}.`;
  const minimum = alarm
    ? `(minimum ${def.datapoints} datapoint${def.datapoints === 1 ? '' : 's'} for OK -> ALARM transition)`
    : '(minimum 1 datapoint for ALARM -> OK transition)';
  return `Threshold Crossed: ${matching} out of the last ${def.periods} datapoints [${shown}] ${verb} ${minimum}.`;
}

const alarmArn = (name: string) => `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;

export class Alarms {
  readonly list: Alarm[];
  /** Each alarm's state changes, oldest first. */
  private readonly changes = new Map<string, AlarmTransition[]>();

  /** All OK since some quiet day before the release (back from ALARM then); their reasons quote that day's datapoints. */
  constructor(since: number, sampleAt: (minute: number) => Sample) {
    this.list = METRIC_ALARMS.map((def, i) => {
      const at = Math.floor((since - (i + 2) * 86_400_000 - i * 7 * MINUTE) / MINUTE) * MINUTE;
      const points = this.points(def, at / MINUTE, sampleAt);
      return {
        name: def.name,
        kind: 'metric' as const,
        state: 'OK' as const,
        reason: thresholdReason(def, points, false),
        stateUpdatedAt: at,
        ...details(def),
      };
    });
    const first = this.list[0]!;
    this.list.push({
      name: COMPOSITE,
      kind: 'composite',
      state: 'OK',
      reason: `${alarmArn(first.name)} transitioned to OK at ${longDate(first.stateUpdatedAt)}`,
      stateUpdatedAt: first.stateUpdatedAt,
      description: `Any of web's alarms — rule: ${COMPOSITE_RULE}`,
    });
    for (const a of this.list) this.record(a, 'ALARM');
  }

  /** Notes the alarm's current state as a change from `from`. */
  private record(alarm: Alarm, from: Alarm['state']): void {
    let list = this.changes.get(alarm.name);
    if (!list) this.changes.set(alarm.name, (list = []));
    list.push({ at: alarm.stateUpdatedAt, from, to: alarm.state, reason: alarm.reason });
    if (list.length > MAX_TRANSITIONS) list.shift();
  }

  private points(def: MetricAlarmDef, minute: number, sampleAt: (minute: number) => Sample) {
    return Array.from({ length: def.periods }, (_, i) => ({
      t: (minute - i) * MINUTE,
      v: def.toUnit(sampleAt(minute - i)[def.metric]),
    }));
  }

  /** Runs once per minute, as CloudWatch evaluates 1-minute alarms; stateUpdatedAt moves only on a transition. */
  evaluate(minute: number, t: number, sampleAt: (minute: number) => Sample): void {
    let changed: Alarm | undefined;
    METRIC_ALARMS.forEach((def, i) => {
      const alarm = this.list[i]!;
      const points = this.points(def, minute, sampleAt);
      const breaching = points.filter((p) => p.v > def.threshold).length;
      const state = breaching >= def.datapoints ? 'ALARM' : 'OK';
      if (state === alarm.state) return;
      const from = alarm.state;
      alarm.state = state;
      alarm.reason = thresholdReason(def, points, state === 'ALARM');
      alarm.stateUpdatedAt = t;
      this.record(alarm, from);
      changed = alarm;
    });
    const composite = this.list[METRIC_ALARMS.length]!;
    const state = this.firing().length > 0 ? 'ALARM' : 'OK';
    if (changed && state !== composite.state) {
      const from = composite.state;
      composite.state = state;
      composite.reason = `${alarmArn(changed.name)} transitioned to ${changed.state} at ${longDate(t)}`;
      composite.stateUpdatedAt = t;
      this.record(composite, from);
    }
  }

  /** The alarm's changes at or after `since`, newest first; an alarm it does not have has none, as in CloudWatch. */
  history(name: string, since: number): AlarmTransition[] {
    const list = this.changes.get(name) ?? [];
    return list.filter((c) => c.at >= since).reverse();
  }

  firing(): string[] {
    return this.list.filter((a) => a.kind === 'metric' && a.state === 'ALARM').map((a) => a.name);
  }

  snapshot(): Alarm[] {
    return this.list.map((a) => ({ ...a }));
  }
}

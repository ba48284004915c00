// CloudWatch alarms over the per-minute samples, with CloudWatch's own wording for state reasons.
import type { Alarm } from '../../domain/model.js';
import { ACCOUNT, REGION } from './catalog.js';
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
}

const METRIC_ALARMS: MetricAlarmDef[] = [
  { name: 'web-5xx-high', metric: '5xx', threshold: 5, toUnit: (v) => v, digits: 1, datapoints: 1, periods: 1 },
  {
    name: 'web-p99-latency',
    metric: 'p99',
    threshold: 0.5,
    toUnit: (v) => v / 1000,
    digits: 3,
    datapoints: 2,
    periods: 2,
  },
  {
    name: 'web-unhealthy-hosts',
    metric: 'unhealthy',
    threshold: 0,
    toUnit: (v) => v,
    digits: 1,
    datapoints: 2,
    periods: 2,
  },
];
const COMPOSITE = 'web-health';

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

  /** All OK since some quiet day before the release; their reasons quote that day's datapoints. */
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
      };
    });
    const first = this.list[0]!;
    this.list.push({
      name: COMPOSITE,
      kind: 'composite',
      state: 'OK',
      reason: `${alarmArn(first.name)} transitioned to OK at ${longDate(first.stateUpdatedAt)}`,
      stateUpdatedAt: first.stateUpdatedAt,
    });
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
      alarm.state = state;
      alarm.reason = thresholdReason(def, points, state === 'ALARM');
      alarm.stateUpdatedAt = t;
      changed = alarm;
    });
    const composite = this.list[METRIC_ALARMS.length]!;
    const state = this.firing().length > 0 ? 'ALARM' : 'OK';
    if (changed && state !== composite.state) {
      composite.state = state;
      composite.reason = `${alarmArn(changed.name)} transitioned to ${changed.state} at ${longDate(t)}`;
      composite.stateUpdatedAt = t;
    }
  }

  firing(): string[] {
    return this.list.filter((a) => a.kind === 'metric' && a.state === 'ALARM').map((a) => a.name);
  }

  snapshot(): Alarm[] {
    return this.list.map((a) => ({ ...a }));
  }
}

// CloudWatch alarms of the release: DescribeAlarms by name prefix and/or explicit names, metric and
// composite alike, every page. What each watches (metric, threshold, evaluation) comes from the same
// answer: the detail view costs no request.
import {
  paginateDescribeAlarms,
  type CloudWatchClient,
  type CompositeAlarm,
  type DescribeAlarmsCommandInput,
  type Metric,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import type { Alarm, AlarmState } from '../../domain/model.js';

export interface AlarmSelection {
  prefix?: string;
  names?: string[];
}

/** DescribeAlarms takes at most 100 names per request. */
const NAMES_PER_REQUEST = 100;
const STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

/** The state a CloudWatch string names, if it names one (shared with alarmHistory.ts). */
export const asAlarmState = (v: unknown): AlarmState | undefined => STATES.find((s) => s === v);

/** Either kind, as DescribeAlarms gives it: every field is optional in the SDK's types. */
type AnyAlarm = Partial<MetricAlarm & CompositeAlarm>;

type Details = Pick<Alarm, 'metric' | 'threshold' | 'comparison' | 'evaluation' | 'description'>;

const metricOf = (m: Pick<Metric, 'Namespace' | 'MetricName' | 'Dimensions'>, stat?: string) =>
  m.MetricName
    ? {
        namespace: m.Namespace ?? '',
        name: m.MetricName,
        ...(stat ? { stat } : {}),
        dimensions: Object.fromEntries((m.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? ''])),
      }
    : undefined;

/**
 * A metric alarm's metric: its own fields, or (a metric-math alarm) the one query it alarms on when
 * that is a plain metric; an expression has no single metric to name. Anomaly-detection alarms
 * compare with a band (ThresholdMetricId), not a number: no threshold then.
 */
function metricDetails(a: AnyAlarm): Details {
  const returned = a.Metrics?.find((q) => q.ReturnData !== false && q.Id !== a.ThresholdMetricId);
  const stat = returned?.MetricStat;
  const metric = a.MetricName
    ? metricOf(a, a.Statistic ?? a.ExtendedStatistic)
    : stat?.Metric && metricOf(stat.Metric, stat.Stat);
  const period = a.Period ?? stat?.Period ?? returned?.Period;
  const periods = a.EvaluationPeriods;
  const evaluation =
    periods === undefined
      ? undefined
      : `${a.DatapointsToAlarm ?? periods} of ${periods} period${periods === 1 ? '' : 's'}${period ? ` of ${period} s` : ''}`;
  return defined({
    metric,
    threshold: a.ThresholdMetricId ? undefined : a.Threshold,
    comparison: a.ComparisonOperator,
    evaluation,
    description: a.AlarmDescription || undefined,
  });
}

/** A composite alarm is its rule: that is what the on-call needs to read, after any description. */
function compositeDetails(a: AnyAlarm): Details {
  const parts = [a.AlarmDescription, a.AlarmRule].filter(Boolean);
  return defined({ description: parts.length ? parts.join(' — rule: ') : undefined });
}

/** Leaves absent fields out, so an alarm without details looks as it did before there were any. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * SDK alarm → domain alarm. The time is that of the last state *transition* when AWS reports one:
 * StateUpdatedTimestamp also moves when only the reason or evaluation state changes, which would
 * make an alarm look freshly fired. moto only sets StateUpdatedTimestamp, hence the fallback.
 */
export function toAlarm(a: AnyAlarm, kind: Alarm['kind']): Alarm {
  const state = asAlarmState(a.StateValue) ?? 'INSUFFICIENT_DATA';
  const at = a.StateTransitionedTimestamp ?? a.StateUpdatedTimestamp;
  return {
    name: a.AlarmName ?? '',
    kind,
    state,
    reason: a.StateReason ?? '',
    stateUpdatedAt: at ? at.getTime() : 0,
    ...(kind === 'metric' ? metricDetails(a) : compositeDetails(a)),
  };
}

/** The DescribeAlarms inputs for a selection: one by prefix, one per chunk of names. */
export function alarmRequests(sel: AlarmSelection): DescribeAlarmsCommandInput[] {
  const base = { AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] } satisfies DescribeAlarmsCommandInput;
  const out: DescribeAlarmsCommandInput[] = sel.prefix ? [{ ...base, AlarmNamePrefix: sel.prefix }] : [];
  const names = [...new Set(sel.names ?? [])];
  for (let i = 0; i < names.length; i += NAMES_PER_REQUEST)
    out.push({ ...base, AlarmNames: names.slice(i, i + NAMES_PER_REQUEST) });
  return out;
}

/**
 * Every alarm matching the prefix or one of the names (the union, deduped by name), sorted by name.
 * No server-side state filter: moto ignores StateValue next to a prefix, and the pane wants all states.
 * Nothing selected → no alarms (the caller picks the default, the service name as prefix).
 */
export async function fetchAlarms(cw: CloudWatchClient, sel: AlarmSelection, signal: AbortSignal): Promise<Alarm[]> {
  const byName = new Map<string, Alarm>();
  for (const input of alarmRequests(sel)) {
    for await (const page of paginateDescribeAlarms({ client: cw, pageSize: 100 }, input, { abortSignal: signal })) {
      for (const a of page.MetricAlarms ?? []) byName.set(a.AlarmName ?? '', toAlarm(a, 'metric'));
      for (const a of page.CompositeAlarms ?? []) byName.set(a.AlarmName ?? '', toAlarm(a, 'composite'));
    }
  }
  byName.delete('');
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

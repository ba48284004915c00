// CloudWatch alarms of the release: DescribeAlarms by name prefix and/or explicit names, metric and
// composite alike, every page.
import {
  paginateDescribeAlarms,
  type CloudWatchClient,
  type CompositeAlarm,
  type DescribeAlarmsCommandInput,
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

type AnyAlarm = Pick<
  MetricAlarm & CompositeAlarm,
  'AlarmName' | 'StateValue' | 'StateReason' | 'StateUpdatedTimestamp' | 'StateTransitionedTimestamp'
>;

/**
 * SDK alarm → domain alarm. The time is that of the last state *transition* when AWS reports one:
 * StateUpdatedTimestamp also moves when only the reason or evaluation state changes, which would
 * make an alarm look freshly fired. moto only sets StateUpdatedTimestamp, hence the fallback.
 */
export function toAlarm(a: AnyAlarm, kind: Alarm['kind']): Alarm {
  const state = STATES.find((s) => s === a.StateValue) ?? 'INSUFFICIENT_DATA';
  const at = a.StateTransitionedTimestamp ?? a.StateUpdatedTimestamp;
  return { name: a.AlarmName ?? '', kind, state, reason: a.StateReason ?? '', stateUpdatedAt: at ? at.getTime() : 0 };
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

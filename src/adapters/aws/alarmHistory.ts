// One alarm's state changes since a moment (the release's T+0), newest first, for its detail view:
// DescribeAlarmHistory, StateUpdate items only, read when the view opens, a few pages at most.
import { paginateDescribeAlarmHistory, type AlarmHistoryItem, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { AlarmTransition } from '../../domain/model.js';
import { asAlarmState } from './alarms.js';
import { isUnavailable } from './awsErrors.js';

export const HISTORY_ACTION = 'cloudwatch:DescribeAlarmHistory';
/** A flapping alarm can have hundreds of changes in two hours; the view shows the newest, and says so. */
export const MAX_HISTORY_ITEMS = 100;
export const MAX_HISTORY_PAGES = 3;

/** "Alarm updated from OK to ALARM": the summary says the two states when the data does not. */
const SUMMARY = /from (\w+) to (\w+)/;

interface StateData {
  oldState?: { stateValue?: unknown };
  newState?: { stateValue?: unknown; stateReason?: unknown };
}

function parseData(text: string | undefined): StateData | undefined {
  if (!text) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null ? (data as StateData) : undefined;
  } catch {
    return undefined; // HistoryData is capped at 4,095 characters: a long reason can leave it cut off
  }
}

/**
 * A StateUpdate item → a transition. HistoryData is JSON:
 * `{"version":"1.0","oldState":{"stateValue":"OK",…},"newState":{"stateValue":"ALARM","stateReason":"…"}}`;
 * when it is missing or unreadable, HistorySummary ("Alarm updated from OK to ALARM") gives the states
 * and stands as the reason. An item that names no state it changed to is no transition.
 */
export function toTransition(item: AlarmHistoryItem): AlarmTransition | undefined {
  if (!item.Timestamp) return undefined;
  const data = parseData(item.HistoryData);
  const summary = SUMMARY.exec(item.HistorySummary ?? '');
  const to = asAlarmState(data?.newState?.stateValue) ?? asAlarmState(summary?.[2]);
  if (!to) return undefined;
  const from = asAlarmState(data?.oldState?.stateValue) ?? asAlarmState(summary?.[1]);
  const reason = data?.newState?.stateReason;
  return {
    at: item.Timestamp.getTime(),
    ...(from ? { from } : {}),
    to,
    reason: typeof reason === 'string' ? reason : (item.HistorySummary ?? ''),
  };
}

/**
 * Newest first, at most MAX_HISTORY_ITEMS. An endpoint that does not serve the API (moto) is one
 * error naming the action, for the detail view to show instead of the list.
 */
export async function fetchAlarmHistory(
  cw: CloudWatchClient,
  name: string,
  since: number,
  signal: AbortSignal,
): Promise<AlarmTransition[]> {
  const out: AlarmTransition[] = [];
  const pages = paginateDescribeAlarmHistory(
    { client: cw, pageSize: MAX_HISTORY_ITEMS },
    {
      AlarmName: name,
      // Without AlarmTypes only metric alarms' history comes back: a composite's would be empty.
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      HistoryItemType: 'StateUpdate',
      StartDate: new Date(since),
      ScanBy: 'TimestampDescending',
    },
    { abortSignal: signal },
  );
  let read = 0;
  try {
    for await (const page of pages) {
      for (const item of page.AlarmHistoryItems ?? []) {
        const t = toTransition(item);
        if (t) out.push(t);
      }
      if (++read >= MAX_HISTORY_PAGES || out.length >= MAX_HISTORY_ITEMS) break;
    }
  } catch (e) {
    if (isUnavailable(e))
      throw new Error(`${HISTORY_ACTION} is not available at this endpoint: no alarm history to show`, { cause: e });
    throw e;
  }
  return out.sort((a, b) => b.at - a.at).slice(0, MAX_HISTORY_ITEMS);
}

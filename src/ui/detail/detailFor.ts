// Which builder a row goes to. The row was found again by its key (rowItems.ts findDetailRow); one that
// has left the data since (a log line out of the buffer, an event past the newest 100) says so.
import type { DetailRow } from '../rowItems.js';
import { alarmDetail, type AlarmHistory } from './alarmDetail.js';
import type { DetailContent } from './content.js';
import { logDetail, type LogDetailContext } from './logDetail.js';
import { deploymentDetail, eventDetail, taskDetail } from './serviceDetail.js';
import { timelineDetail } from './timelineDetail.js';

export interface DetailEnv extends LogDetailContext {
  /** The open alarm's state changes, read when the view opened. */
  history: AlarmHistory;
}

/** A row that has left the data since it was opened. */
export const GONE: DetailContent = {
  title: 'Gone',
  blocks: [{ kind: 'text', text: 'this row is no longer in the data shown (Esc goes back)', tone: 'dim' }],
};

export function detailFor(row: DetailRow | undefined, env: DetailEnv): DetailContent {
  if (!row) return GONE;
  switch (row.kind) {
    case 'alarm':
      return alarmDetail(row.alarm, env.history, env);
    case 'deployment':
      return deploymentDetail(row.deployment, row.service, env);
    case 'event':
      return eventDetail(row.event, env);
    case 'task':
      return taskDetail(row.task, env);
    case 'log':
      return logDetail(row.line, env);
    case 'timeline':
      return timelineDetail(row.entry, env.t0);
  }
}

import type { ReleaseEvidence } from './health/releaseEvidence.js';
import type { Alarm, CostSummary, LogEvent, MetricSeries, ServiceSnapshot } from './model.js';

/** What the dashboard knows of the release right now: the evidence built-in checks and the wait step judge. */
export interface ReleaseSignals {
  service?: ServiceSnapshot;
  alarms?: Alarm[];
  metrics?: MetricSeries[];
  cost?: CostSummary;
  /** The log lines held, oldest first. */
  logs: readonly LogEvent[];
  /** The release judged against its baseline; undefined before T+0 is known. */
  evidence?: ReleaseEvidence;
}

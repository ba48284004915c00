import type { AuditEntry } from '../domain/audit.js';
import type { LogFollow } from '../domain/backend.js';
import type {
  Alarm,
  CostSummary,
  Identity,
  LogEvent,
  MetricSeries,
  RollbackRequest,
  ServiceSnapshot,
  StepResult,
  TaskDefRef,
} from '../domain/model.js';
import type { Overlay, PaneId, RowRef, SignaturesState, ViewId } from './state.js';
import type { SignatureRow, SignatureSummary } from '../domain/health/signatures/signatureBook.js';
import type { TargetGroupHealth, TasksPage } from '../domain/tasks.js';

export interface SourcePayloads {
  identity: Identity;
  service: ServiceSnapshot;
  alarms: Alarm[];
  metrics: MetricSeries[];
  cost: CostSummary;
  tasks: TasksPage;
  targetHealth: TargetGroupHealth[];
}
export type SourceId = keyof SourcePayloads;

export type Action =
  | { [K in SourceId]: { type: 'source/loaded'; source: K; data: SourcePayloads[K]; at: number } }[SourceId]
  | { type: 'source/failed'; source: SourceId | 'logs'; error: string; at: number }
  | { type: 'logs/batch'; events: LogEvent[]; follow?: LogFollow; at: number }
  | { type: 'logs/togglePause' }
  | { type: 'signatures/updated'; rows: SignatureRow[]; summary: SignatureSummary }
  | { type: 'signatures/baseline'; baseline: SignaturesState['baseline'] }
  | { type: 'logs/toggleErrorsOnly' }
  | { type: 'logs/setFilter'; filter: string }
  /** Positive delta scrolls towards newer lines. */
  | { type: 'logs/scroll'; delta: number }
  | { type: 'ui/focus'; pane: PaneId }
  | { type: 'ui/focusNext'; delta: 1 | -1 }
  | { type: 'ui/scroll'; delta: number }
  | { type: 'ui/outputScroll'; delta: number }
  | { type: 'ui/overlay'; overlay: Overlay }
  | { type: 'ui/filterDraft'; text: string }
  | { type: 'ui/notice'; notice?: string }
  | { type: 'ui/rollbackShown'; plan?: string }
  | { type: 'ui/rollbackPick'; pick?: TaskDefRef }
  | { type: 'ui/pickerSelect'; delta: number }
  | { type: 'ui/cursor'; pane: PaneId | ViewId; key: string; index: number }
  /** Opens the detail overlay on a row. */
  | { type: 'ui/detail'; row: RowRef }
  /** The output or detail view says how it is drawn: rows per page, and the furthest it scrolls. */
  | { type: 'ui/outputView'; page: number; max: number }
  | { type: 'audit/recorded'; entry: AuditEntry }
  | { type: 'checklist/select'; delta: number }
  | { type: 'checklist/result'; id: string; result: StepResult }
  | { type: 'rollback/requested'; request: RollbackRequest; at: number }
  | { type: 'rollback/accepted'; at: number }
  /** `mayHaveApplied`: the answer was lost and reading back could not tell; it is remembered as a rollback. */
  | { type: 'rollback/failed'; error: string; at: number; mayHaveApplied?: boolean };

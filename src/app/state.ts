import type { TargetGroupHealth, TasksPage } from '../domain/tasks.js';
import type { SignatureRow, SignatureSummary } from '../domain/health/signatures/signatureBook.js';
import type { VerdictPlan } from '../domain/health/verdictPlan.js';
import type { AuditEntry } from '../domain/audit.js';
import type { KnownRollback, Release } from '../domain/release.js';
import type { LogFollow } from '../domain/backend.js';
import type {
  Alarm,
  ChecklistStepDef,
  CostSummary,
  Identity,
  LogEvent,
  MetricSeries,
  ServiceSnapshot,
  StepResult,
  TaskDefRef,
} from '../domain/model.js';
import type { RollbackOp } from '../domain/rollback.js';

/** One slice per polled source: data plus enough to show staleness. */
export interface Slice<T> {
  data?: T;
  error?: string;
  status: 'idle' | 'loading' | 'ok' | 'error';
  /** Wall-clock ms of the last successful fetch. */
  updatedAt?: number;
  /** Wall-clock ms of the last failed fetch. */
  failedAt?: number;
}

/** New error signatures since T+0 (app/signatureWatcher.ts), as last published: bounded rows. */
export interface SignaturesState {
  rows: SignatureRow[];
  summary?: SignatureSummary;
  /** The read of the logs before T+0 that tells a new signature from an old one. */
  baseline: {
    status: 'waiting' | 'loading' | 'loaded' | 'failed';
    events?: number;
    /** Cut at its event or page budget: a signature counted new may be older. */
    truncated?: boolean;
    error?: string;
    /** Backend-clock span read, for "since" in the pane. */
    from?: number;
    to?: number;
  };
}

export interface LogsState {
  /** Ring buffer contents, oldest first, at most `capacity`. */
  lines: LogEvent[];
  capacity: number;
  /** Total lines ever received (drives "N new" hints and tests). */
  received: number;
  ids: ReadonlySet<string>;
  /** How the backend follows the stream (live tail, polling), for the pane's status line. */
  follow?: LogFollow;
  error?: string;
  updatedAt?: number;
  failedAt?: number;
}

export interface LogView {
  paused: boolean;
  errorsOnly: boolean;
  /** Local text or /regex/ filter; '' when none. */
  filter: string;
  /** Rows scrolled up from the newest line; 0 = following. */
  scrollBack: number;
  /** The `received` count when paused or scrolled back, so arriving lines do not move the view. */
  pausedAt?: number;
}

export type PaneId = 'deployments' | 'rollout' | 'alarms' | 'metrics' | 'cost' | 'logs' | 'checklist';
export const PANES: readonly PaneId[] = ['deployments', 'rollout', 'alarms', 'metrics', 'cost', 'logs', 'checklist'];
export const PANE_TITLES: Record<PaneId, string> = {
  deployments: 'Deployments',
  rollout: 'Rollout',
  alarms: 'Alarms',
  metrics: 'Metrics',
  cost: 'Cost',
  logs: 'Logs',
  checklist: 'Checklist',
};

/** The list overlays a key opens over the panes: the release verdict, error signatures, tasks. */
export type ViewId = 'verdict' | 'signatures' | 'tasks';

export type Overlay =
  'none' | 'help' | 'rollback' | 'filter' | 'output' | 'confirmStep' | 'timeline' | 'picker' | 'detail' | ViewId;

/**
 * A row by identity (alarm name, `e:`event id, `t:`task ARN, `d:`deployment id, log event id) in its
 * pane or view, a timeline line by its place (the timeline only grows), or the rollback dialog's diff.
 */
export interface RowRef {
  pane: PaneId | 'timeline' | ViewId | 'rollback';
  key: string;
}

export interface UiState {
  focus: PaneId;
  overlay: Overlay;
  /** Per-pane scroll offset for panes other than Logs. */
  scroll: Record<PaneId, number>;
  /** Text being typed into the filter prompt. */
  filterDraft: string;
  /** Index into the checklist steps. */
  checklistSelected: number;
  /** Rows scrolled down in the step output view. */
  outputScroll: number;
  /** A transient one-line message for the key bar, e.g. why an action is refused. */
  notice?: string;
  /** The rollback the dialog showed when `r` opened it (planKey): `y` acts on exactly that. */
  rollbackShown?: string;
  /** `R`: the revision picked by hand for the rollback dialog; undefined for `r`'s own target. */
  rollbackPick?: TaskDefRef;
  /** Row selected in the revision picker. */
  pickerSelected: number;
  /** The row cursor of each list pane, by the row's key; `index` places it again when that row is gone. */
  cursor: Partial<Record<PaneId | ViewId, { key: string; index: number }>>;
  /** The row the detail overlay shows. */
  detail?: RowRef;
  /** The output and detail views' page and last scroll offset, as drawn: PgDn, Home and End go by them. */
  outputPage?: number;
  outputMax?: number;
}

export interface ChecklistState {
  steps: ChecklistStepDef[];
  results: Record<string, StepResult>;
}

export interface AppState {
  identity: Slice<Identity>;
  service: Slice<ServiceSnapshot>;
  alarms: Slice<Alarm[]>;
  metrics: Slice<MetricSeries[]>;
  cost: Slice<CostSummary>;
  tasks: Slice<TasksPage>;
  targetHealth: Slice<TargetGroupHealth[]>;
  signatures: SignaturesState;
  /** How the release is judged against its baseline (the config's `verdict:`). */
  verdictPlan: VerdictPlan;
  logs: LogsState;
  logView: LogView;
  ui: UiState;
  rollback: RollbackOp;
  checklist: ChecklistState;
  /** Alarm names whose state changed since the release started, for highlighting. */
  alarmTransitions: Record<string, number>;
  readOnly: boolean;
  /** The release watched (release.ts): identified on every service read, remembered across runs. */
  release?: Release;
  /** Set when a new release replaced the one watched, for the header's announcement. */
  releaseChange?: { was: TaskDefRef; now: TaskDefRef; at: number };
  /** Rollbacks from the audit log and from this run, which identification must not take for releases. */
  knownRollbacks: KnownRollback[];
  /** `--release`: watch this revision or deployment instead of the newest. */
  releasePick?: string;
  /** This target's audit entries (earlier runs' and this one's), newest last, bounded: the timeline's record. */
  recorded: AuditEntry[];
}

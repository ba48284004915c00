// The list views a key opens over the panes, as data: their rows by identity, read by the overlay
// (to draw them and the cursor), by the keys (to move the cursor and open a row) and by the detail
// view (to find the row again), so the three cannot disagree. See rowItems.ts for the panes'.
import { selectEvidence } from '../../app/selectors.js';
import type { AppState, ViewId } from '../../app/state.js';
import { signatureRows } from './signatureRows.js';
import { taskRows, type TaskSources } from './taskRows.js';
import { verdictRows, type VerdictSources } from './verdictRows.js';
import type { ViewRow } from './viewRow.js';

export type ViewSources = VerdictSources & TaskSources;

export const VIEW_TITLE: Record<ViewId, string> = {
  verdict: 'Release verdict',
  signatures: 'Error signatures',
  tasks: 'Tasks and target health',
};

export const viewSources = (s: AppState): ViewSources => ({
  evidence: selectEvidence(s),
  series: s.metrics.data,
  service: s.service.data,
  signatures: s.signatures,
  tasks: s.tasks,
  targets: s.targetHealth,
});

/** `now` (the backend clock) only words ages: rows and their keys do not depend on it. */
export function viewRows(view: ViewId, src: ViewSources, now: number): ViewRow[] {
  if (view === 'verdict') return verdictRows(src);
  if (view === 'signatures') return signatureRows(src.signatures, now);
  return taskRows(src, now);
}

/** The keys of the rows that open, in order: what the cursor moves over. */
export const viewKeys = (s: AppState, view: ViewId): string[] =>
  viewRows(view, viewSources(s), 0).flatMap((r) => (r.key ? [r.key] : []));

export const isView = (x: string | undefined): x is ViewId => x === 'verdict' || x === 'signatures' || x === 'tasks';

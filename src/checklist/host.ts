import type { AuditEvent } from '../domain/audit.js';
import type { ChecklistStepDef, StepResult } from '../domain/model.js';
import type { ReleaseSignals } from '../domain/signals.js';

/** What the runner needs from whoever hosts it (the app's store and backend, or a test): read, report, record. */
export interface ChecklistHost {
  steps(): readonly ChecklistStepDef[];
  result(id: string): StepResult | undefined;
  signals(): ReleaseSignals;
  readOnly(): boolean;
  /** The backend's clock (the demo's runs faster than wall time). */
  now(): number;
  report(id: string, result: StepResult): void;
  /** A one-line message for the key bar, e.g. why a step was not run. */
  notice(text: string): void;
  /** Appends to the audit log; false when it could not. */
  record(event: AuditEvent): boolean | void;
}

// src/app — the running dashboard without drawing: store, actions, reducers, state, selectors, the
// sources and their poller, the clock tick, the audit log file, and this controller, which starts the
// sources and carries out what keys ask (rollback, checklist steps). Imports domain and checklist;
// never an adapter (it sees the Backend port), never React.
//
// The action side of the app: keys call these; results land in the store. No React here.
import { alarmChanges } from '../domain/alarmChanges.js';
import type { AuditLog } from './auditLog.js';
import type { Backend, PollIntervals } from '../domain/backend.js';
import { ChecklistRunner, needsConfirmation, type StepRunners } from '../checklist/runner.js';
import { errorMessage } from '../domain/errors.js';
import { checklistHost } from './checklistHost.js';
import { Poller } from './poller.js';
import { rollbackProgress } from '../domain/rollback.js';
import { releaseStart, selectPlan } from './selectors.js';
import { createSources } from './sources.js';
import { runCommandStep } from '../checklist/steps/command.js';
import { runHttpStep } from '../checklist/steps/http.js';
import { Ticker } from './ticker.js';
import type { Store } from './store.js';
import type { AuditEvent } from '../domain/audit.js';

export interface ControllerHooks {
  /** Alarms that entered ALARM while we watched: the terminal bell. */
  onAlarmEntered?: (names: string[]) => void;
  /** Where rollbacks, alarm transitions and checklist results are recorded. */
  audit?: AuditLog;
  /** HTTP and command step runners (tests swap them). */
  runners?: StepRunners;
}

/** What the keys may start besides a store dispatch; the UI sees only this of the controller. */
export interface AppCommands {
  /** Only ever called from the rollback dialog's `y`. */
  confirmRollback(): Promise<void>;
  runSelected(confirmed?: boolean): void;
  runAutomatic(): Promise<void>;
  /** True when something was running and is now cancelled. */
  cancelSteps(): boolean;
  tickSelected(): void;
}

export class Controller implements AppCommands {
  readonly poller = new Poller();
  /** The backend's clock, read once a second for everything on screen. */
  readonly ticker: Ticker;
  readonly checklist: ChecklistRunner;
  private unsubscribe?: () => void;

  constructor(
    readonly backend: Backend,
    readonly store: Store,
    readonly intervals: PollIntervals,
    private readonly hooks: ControllerHooks = {},
  ) {
    this.ticker = new Ticker(() => backend.now());
    this.checklist = new ChecklistRunner(
      checklistHost(store, backend, (e) => this.record(e)),
      hooks.runners ?? { http: runHttpStep, command: runCommandStep },
    );
  }

  start(): void {
    this.ticker.start();
    for (const source of createSources(this.backend, this.store, this.intervals)) this.poller.add(source);
    let lastStart: number | undefined;
    let lastService = this.store.getState().service.data;
    let lastAlarms = this.store.getState().alarms.data;
    this.unsubscribe = this.store.subscribe(() => {
      const s = this.store.getState();
      const start = releaseStart(s);
      // Metrics need the release start; ask again as soon as it is known or moves.
      if (start !== lastStart) {
        lastStart = start;
        this.poller.refresh('metrics');
      }
      if (s.service.data !== lastService) {
        // The logs source waits for the first service read (it names the log group): start it now.
        if (!lastService) this.poller.refresh('logs');
        lastService = s.service.data;
        this.followRollback();
      }
      if (s.alarms.data !== lastAlarms) {
        const changes = s.alarms.data ? alarmChanges(lastAlarms, s.alarms.data) : [];
        lastAlarms = s.alarms.data;
        for (const c of changes)
          this.record({ kind: 'alarm', alarm: c.name, from: c.from, to: c.to, reason: c.reason });
        const entered = changes.filter((c) => c.to === 'ALARM').map((c) => c.name);
        if (entered.length) this.hooks.onAlarmEntered?.(entered);
      }
    });
  }

  stop(): void {
    this.checklist.stop();
    this.ticker.stop();
    this.unsubscribe?.();
    this.poller.stop();
    this.backend.close();
  }

  /** Records an event; a failure to write is shown, never thrown into the UI. */
  private record(event: AuditEvent): boolean {
    if (!this.hooks.audit) return true;
    try {
      this.hooks.audit.append(event);
      return true;
    } catch (e) {
      this.store.dispatch({ type: 'ui/notice', notice: `audit log ${this.hooks.audit.path}: ${errorMessage(e)}` });
      return false;
    }
  }

  /** Only ever called from the confirmation dialog's `y`. */
  async confirmRollback(): Promise<void> {
    const plan = selectPlan(this.store.getState());
    if (plan.refusal || !plan.request) {
      this.store.dispatch({ type: 'ui/notice', notice: `rollback refused: ${plan.refusal ?? 'no target'}` });
      return;
    }
    const request = plan.request;
    const base = { kind: 'rollback' as const, from: request.from, to: request.to, source: plan.target?.source };
    // Recorded (and fsynced) before AWS is asked: a crash in between still leaves the intent on disk.
    if (!this.record({ ...base, phase: 'requested', method: request.method })) {
      this.store.dispatch({
        type: 'ui/notice',
        notice: 'rollback not started: the audit log cannot be written (see above)',
      });
      return;
    }
    this.store.dispatch({ type: 'rollback/requested', request, at: this.backend.now() });
    try {
      const result = await this.backend.rollback(request).catch((e: unknown) => {
        // The deployment may have finished between the last poll and `y` (StopServiceDeployment then
        // refuses), or the API may be missing; UpdateService to the same target is what was confirmed.
        if (request.method !== 'stop-service-deployment') throw e;
        this.record({
          ...base,
          phase: 'failed',
          method: request.method,
          error: `${errorMessage(e)}; falling back to update-service`,
        });
        return this.backend.rollback({ ...request, method: 'update-service', serviceDeploymentArn: undefined });
      });
      this.record({ ...base, phase: 'accepted', method: result.method });
      this.store.dispatch({ type: 'rollback/accepted', at: this.backend.now() });
      this.poller.refresh('service');
    } catch (e) {
      this.record({ ...base, phase: 'failed', method: request.method, error: errorMessage(e) });
      this.store.dispatch({ type: 'rollback/failed', error: errorMessage(e), at: this.backend.now() });
    }
  }

  private followRollback(): void {
    const s = this.store.getState();
    const to = s.rollback.request?.to;
    if (s.rollback.phase !== 'in-flight' || !to || !s.service.data) return;
    const progress = rollbackProgress(s.service.data, to);
    if (progress.state === 'rolling-back') return;
    const req = s.rollback.request!;
    const base = { kind: 'rollback' as const, from: req.from, to: req.to, method: req.method };
    if (progress.state === 'rolled-back') {
      this.record({ ...base, phase: 'rolled-back' });
      this.store.dispatch({ type: 'rollback/finished', at: this.backend.now() });
    } else {
      this.record({ ...base, phase: 'failed', error: progress.reason });
      this.store.dispatch({ type: 'rollback/failed', error: progress.reason, at: this.backend.now() });
    }
  }

  /** `c`/Enter: runs the selected step (a manual one is ticked). */
  runSelected(confirmed = false): void {
    const s = this.store.getState();
    const step = s.checklist.steps[s.ui.checklistSelected];
    if (!step) return;
    // A command that changes things is shown whole and runs only after `y`.
    if (
      !confirmed &&
      !s.readOnly &&
      needsConfirmation(step) &&
      !this.checklist.isRunning(step.id) &&
      !step.placeholders?.length
    ) {
      this.store.dispatch({ type: 'ui/overlay', overlay: 'confirmStep' });
      return;
    }
    void this.checklist.run(step.id, { confirmed });
  }

  /** `x`, or Ctrl-C while a step runs: cancels the selected step, else every running one. */
  cancelSteps(): boolean {
    const s = this.store.getState();
    const selected = s.checklist.steps[s.ui.checklistSelected];
    return (selected && this.checklist.cancel(selected.id)) || this.checklist.cancel();
  }

  /** `a`: the automatic steps in order, stopping at the first failure. */
  runAutomatic(): Promise<void> {
    return this.checklist.runAutomatic();
  }

  tickSelected(): void {
    const s = this.store.getState();
    const step = s.checklist.steps[s.ui.checklistSelected];
    if (step) this.checklist.tick(step.id);
  }
}

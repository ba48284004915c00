// src/app — the running dashboard without drawing: store, actions, reducers, state, selectors, the
// sources and their poller, the clock tick, the audit log file, and this controller, which starts the
// sources and carries out what keys ask (rollback, checklist steps). Imports domain and checklist;
// never an adapter (it sees the Backend port), never React.
//
// The action side of the app: keys call these; results land in the store. No React here.
import { alarmChanges, enteredAlarm } from '../domain/health/alarms.js';
import type { AuditLog } from './auditLog.js';
import type { Backend, PollIntervals } from '../domain/backend.js';
import { ChecklistRunner, needsConfirmation, type StepRunners } from '../checklist/runner.js';
import { CredentialsError, errorMessage } from '../domain/errors.js';
import { checklistHost } from './checklistHost.js';
import { Poller, RunDeadlineError } from './poller.js';
import type { SourceId } from './actions.js';
import { breakerTrips } from '../domain/breakerTrips.js';
import type { Release } from '../domain/release.js';
import type { AlarmTransition } from '../domain/model.js';
import { RollbackRunner } from './rollbackRunner.js';
import { anythingLoaded, releaseStart } from './selectors.js';
import { createSources } from './sources.js';
import { SignatureWatcher, type SignatureWatcherOptions } from './signatureWatcher.js';
import { runCommandStep } from '../checklist/steps/command.js';
import { runHttpStep } from '../checklist/steps/http.js';
import { Ticker } from './ticker.js';
import type { Store } from './store.js';
import type { AuditEvent } from '../domain/audit.js';

export interface ControllerHooks {
  /** The error-signature baseline's bounds (tests shrink the retry). */
  signatures?: SignatureWatcherOptions;
  /** Something the on-call must hear (an alarm entered ALARM, ECS rolled back, a rollback failed): the bell. */
  onAttention?: (why: string[]) => void;
  /** The release watched changed (identified, a new one, what served before learnt): persist it. */
  onRelease?: (release: Release) => void;
  /** Where rollbacks, alarm transitions and checklist results are recorded. */
  audit?: Pick<AuditLog, 'path' | 'append'>;
  /** HTTP and command step runners (tests swap them). */
  runners?: StepRunners;
  /** Nothing can be read and nothing was (credentials refused at start): end the run with this error. */
  onFatal?: (error: Error) => void;
}

/** The other sources start when the service's first read settles, or after this long at most. */
export const OTHERS_START_AFTER_MS = 1500;

/** What the keys may start besides a store dispatch; the UI sees only this of the controller. */
export interface AppCommands {
  /** Only ever called from the rollback dialog's `y`. */
  confirmRollback(): Promise<void>;
  runSelected(confirmed?: boolean): void;
  runAutomatic(): Promise<void>;
  /** True when something was running and is now cancelled. */
  cancelSteps(): boolean;
  tickSelected(): void;
  /** Reads the service again now (the rollback dialog's decision wants fresh data). */
  refreshService(): void;
  /** The dialog's `p`: pin the target's images by digest in a new revision, then roll back to it. */
  pinAndRollback(): Promise<void>;
  /** An alarm's transitions since T+0 (or the last two hours), for its detail view; read on demand. */
  alarmHistory(name: string, signal: AbortSignal): Promise<AlarmTransition[]>;
}

export class Controller implements AppCommands {
  // A run the poller abandoned at its deadline never reaches its source's own catch (its signal was
  // aborted, so the source stays silent): the pane hears of it here.
  readonly poller = new Poller({ onError: (id, e) => this.failed(id, e) });
  /** The backend's clock, read once a second for everything on screen. */
  readonly ticker: Ticker;
  readonly checklist: ChecklistRunner;
  private readonly rollback: RollbackRunner;
  private unsubscribe?: () => void;
  private othersTimer?: NodeJS.Timeout;

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
    this.rollback = new RollbackRunner(
      store,
      backend,
      (e) => this.record(e),
      () => this.poller.refresh('service'),
    );
  }

  start(): void {
    this.ticker.start();
    // The service read draws the first frame. On a cold start every other source's first call (client
    // set-up, signing, parsing) would compete with it for the one JavaScript thread, so they wait.
    const signatures = new SignatureWatcher(this.backend, this.store, this.hooks.signatures);
    const [service, ...others] = createSources(this.backend, this.store, this.intervals, (events) =>
      signatures.onLogs(events),
    );
    others.push(signatures.source());
    this.poller.add(service!);
    let othersStarted = false;
    const startOthers = () => {
      if (othersStarted) return;
      othersStarted = true;
      clearTimeout(this.othersTimer);
      for (const source of others) this.poller.add(source);
    };
    this.othersTimer = setTimeout(startOthers, OTHERS_START_AFTER_MS);
    let lastStart: number | undefined;
    let lastService = this.store.getState().service.data;
    let lastAlarms = this.store.getState().alarms.data;
    let lastOp = this.store.getState().rollback;
    let lastRelease = this.store.getState().release;
    this.unsubscribe = this.store.subscribe(() => {
      const s = this.store.getState();
      // On the next turn, not now: the poller hears of a refused first read (onFatal) before anything else can load.
      if (!othersStarted && s.service.status !== 'loading') {
        clearTimeout(this.othersTimer);
        this.othersTimer = setTimeout(startOthers, 0);
      }
      if (s.release !== lastRelease) {
        if (s.release && lastRelease && s.release.deploymentId !== lastRelease.deploymentId)
          this.recordRelease(s.release, lastRelease);
        else if (s.release && !lastRelease) this.recordRelease(s.release);
        lastRelease = s.release;
        if (s.release) this.hooks.onRelease?.(s.release);
      }
      if (s.rollback !== lastOp) {
        this.rollback.observe(lastOp, s.rollback);
        if (s.rollback.phase === 'failed' && lastOp.phase !== 'failed')
          this.hooks.onAttention?.([`rollback failed: ${s.rollback.error ?? ''}`]);
        lastOp = s.rollback;
      }
      const start = releaseStart(s);
      // Metrics need the release start; ask again as soon as it is known or moves.
      if (start !== lastStart) {
        lastStart = start;
        // A read for the old window in flight is dropped: its answer is for another T+0.
        this.poller.invalidate('metrics');
      }
      if (s.service.data !== lastService) {
        // The logs source waits for the first service read (it names the log group): start it now.
        if (!lastService) this.poller.refresh('logs');
        const trips = s.service.data ? breakerTrips(lastService, s.service.data) : [];
        lastService = s.service.data;
        if (trips.length) this.hooks.onAttention?.(trips);
      }
      if (s.alarms.data !== lastAlarms) {
        const changes = s.alarms.data ? alarmChanges(lastAlarms, s.alarms.data) : [];
        const entered = s.alarms.data ? enteredAlarm(lastAlarms, s.alarms.data) : [];
        lastAlarms = s.alarms.data;
        for (const c of changes)
          this.record({ kind: 'alarm', alarm: c.name, from: c.from, to: c.to, reason: c.reason });
        if (entered.length) this.hooks.onAttention?.(entered.map((n) => `${n} in ALARM`));
      }
    });
  }

  private failed(id: string, e: unknown): void {
    if (e instanceof CredentialsError && !anythingLoaded(this.store.getState())) this.hooks.onFatal?.(e);
    // A run the poller abandoned at its deadline never reached its source's own catch: say it here.
    if (!(e instanceof RunDeadlineError)) return;
    const source = id as SourceId | 'logs';
    this.store.dispatch({ type: 'source/failed', source, error: errorMessage(e), at: Date.now() });
  }

  stop(): void {
    clearTimeout(this.othersTimer);
    this.checklist.stop();
    this.ticker.stop();
    this.unsubscribe?.();
    this.poller.stop();
    this.backend.close();
  }

  /** A release first seen, or a new one on top of the watched one: both stay in the record. */
  private recordRelease(release: Release, was?: Release): void {
    this.record({
      kind: 'release',
      released: release.released.ref,
      previous: release.previous?.ref,
      t0: new Date(release.t0).toISOString(),
      deploymentId: release.deploymentId,
      replaced: was?.released.ref,
    });
  }

  /** Records an event; a failure to write is shown, never thrown into the UI. */
  private record(event: AuditEvent): boolean {
    if (!this.hooks.audit) return true;
    try {
      const entry = this.hooks.audit.append(event);
      // For the timeline; after the current dispatch (this may run inside a store listener).
      queueMicrotask(() => this.store.dispatch({ type: 'audit/recorded', entry }));
      return true;
    } catch (e) {
      this.store.dispatch({ type: 'ui/notice', notice: `audit log ${this.hooks.audit.path}: ${errorMessage(e)}` });
      return false;
    }
  }

  /** Only ever called from the confirmation dialog's `y`. */
  confirmRollback(): Promise<void> {
    return this.rollback.confirm();
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

  pinAndRollback(): Promise<void> {
    return this.rollback.pinAndConfirm();
  }

  refreshService(): void {
    this.poller.refresh('service');
  }

  alarmHistory(name: string, signal: AbortSignal): Promise<AlarmTransition[]> {
    const since = releaseStart(this.store.getState()) ?? this.backend.now() - this.backend.watchWindowMs;
    return this.backend.getAlarmHistory(name, since, signal);
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

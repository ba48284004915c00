// The action side of the app: keys call these; results land in the store. No React here.
import { enteredAlarm } from './alarmWatch.js';
import type { Backend, PollIntervals } from './backend.js';
import { isAutomatic, runBuiltIn } from './checklist.js';
import { errorMessage } from './errors.js';
import { Poller } from './poller.js';
import { rollbackProgress } from './rollback.js';
import { releaseStart, selectPlan } from './selectors.js';
import { createSources } from './sources.js';
import { Ticker } from './ticker.js';
import type { Store } from './store.js';

export interface ControllerHooks {
  /** Alarms that entered ALARM while we watched (the terminal bell, later the audit log). */
  onAlarmEntered?: (names: string[]) => void;
}

export class Controller {
  readonly poller = new Poller();
  /** The backend's clock, read once a second for everything on screen. */
  readonly ticker: Ticker;
  private unsubscribe?: () => void;

  constructor(
    readonly backend: Backend,
    readonly store: Store,
    readonly intervals: PollIntervals,
    private readonly hooks: ControllerHooks = {},
  ) {
    this.ticker = new Ticker(() => backend.now());
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
        lastService = s.service.data;
        this.followRollback();
      }
      if (s.alarms.data !== lastAlarms) {
        const entered = s.alarms.data ? enteredAlarm(lastAlarms, s.alarms.data) : [];
        lastAlarms = s.alarms.data;
        if (entered.length) this.hooks.onAlarmEntered?.(entered);
      }
    });
  }

  stop(): void {
    this.ticker.stop();
    this.unsubscribe?.();
    this.poller.stop();
    this.backend.close();
  }

  /** For the help overlay: what this backend costs in requests at the current intervals. */
  budgetText(): string {
    return this.backend.kind === 'demo' ? 'demo world: makes no AWS requests' : 'AWS request budget: see README';
  }

  /** Only ever called from the confirmation dialog's `y`. */
  async confirmRollback(): Promise<void> {
    const plan = selectPlan(this.store.getState());
    if (plan.refusal || !plan.request) {
      this.store.dispatch({ type: 'ui/notice', notice: `rollback refused: ${plan.refusal ?? 'no target'}` });
      return;
    }
    this.store.dispatch({ type: 'rollback/requested', request: plan.request, at: this.backend.now() });
    try {
      await this.backend.rollback(plan.request).catch((e: unknown) => {
        // The deployment may have finished between the last poll and `y` (StopServiceDeployment then
        // refuses), or the API may be missing; UpdateService to the same target is what was confirmed.
        if (plan.request?.method !== 'stop-service-deployment') throw e;
        return this.backend.rollback({ ...plan.request, method: 'update-service', serviceDeploymentArn: undefined });
      });
      this.store.dispatch({ type: 'rollback/accepted', at: this.backend.now() });
      this.poller.refresh('service');
    } catch (e) {
      this.store.dispatch({ type: 'rollback/failed', error: errorMessage(e), at: this.backend.now() });
    }
  }

  private followRollback(): void {
    const s = this.store.getState();
    const to = s.rollback.request?.to;
    if (s.rollback.phase !== 'in-flight' || !to || !s.service.data) return;
    const progress = rollbackProgress(s.service.data, to);
    if (progress.state === 'rolled-back') this.store.dispatch({ type: 'rollback/finished', at: this.backend.now() });
    if (progress.state === 'failed') this.store.dispatch({ type: 'rollback/failed', error: progress.reason, at: this.backend.now() });
  }

  /** Runs one step; manual steps are ticked. Returns whether it passed. */
  runStep(id: string): boolean {
    const s = this.store.getState();
    const step = s.checklist.steps.find((x) => x.id === id);
    if (!step) return false;
    const startedAt = this.backend.now();
    const outcome = runBuiltIn(step, s, startedAt);
    this.store.dispatch({
      type: 'checklist/result',
      id,
      result: { status: outcome.passed ? 'passed' : 'failed', startedAt, finishedAt: this.backend.now(), output: outcome.output },
    });
    return outcome.passed;
  }

  /** Runs the automatic steps in order, stopping at the first failure. */
  runAutomatic(): void {
    for (const step of this.store.getState().checklist.steps.filter(isAutomatic)) {
      if (!this.runStep(step.id)) return;
    }
  }

  runSelected(): void {
    const s = this.store.getState();
    const step = s.checklist.steps[s.ui.checklistSelected];
    if (step) this.runStep(step.id);
  }
}

// Carrying out a confirmed rollback: the audit entry before AWS is asked, the call sent once, the
// Stop -> Update fallback (only after a Stop that certainly did nothing), and the record of how it
// ended: applied, not applied, or unknown (its answer was lost and the read-back failed too). What
// to roll back to is the domain planner's (domain/rollback.ts); how it is going is derived by the
// release reducer.
import type { AuditEvent } from '../domain/audit.js';
import type { Backend } from '../domain/backend.js';
import { certainlyNotApplied, errorMessage, failedOutcome } from '../domain/errors.js';
import { refKey, type RollbackRequest } from '../domain/model.js';
import { pinnable, type RollbackOp } from '../domain/rollback.js';
import { selectConfirmRefusal, selectPlan } from './selectors.js';
import type { Store } from './store.js';

export class RollbackRunner {
  constructor(
    private readonly store: Store,
    private readonly backend: Pick<Backend, 'rollback' | 'now' | 'pinImages'>,
    /** Appends to the audit log; false when it could not. */
    private readonly record: (event: AuditEvent) => boolean,
    /** After AWS accepted: look at the service again now. */
    private readonly refreshService: () => void,
  ) {}

  /** Only ever called from the rollback dialog's `y`, and acts on exactly the plan on screen. */
  async confirm(): Promise<void> {
    const s = this.store.getState();
    const plan = selectPlan(s);
    const refusal = selectConfirmRefusal(s);
    if (refusal || !plan.request) {
      this.notice(`rollback refused: ${refusal ?? 'no target'}`);
      return;
    }
    await this.execute(plan.request, plan.target?.source);
  }

  /**
   * The dialog's `p`, the safe path for a mutable tag: a new revision copied from the target with its
   * images pinned by the digests that last served it, then UpdateService to that copy. Each call once.
   */
  async pinAndConfirm(): Promise<void> {
    const s = this.store.getState();
    const plan = selectPlan(s);
    const refusal = selectConfirmRefusal(s);
    const { images, why } = pinnable(plan);
    if (refusal || !plan.request || !images) {
      this.notice(`not pinned: ${refusal ?? why ?? 'no target'}`);
      return;
    }
    const target = plan.request.to;
    const names = images.map((i) => `${i.container}@${i.digest}`);
    if (!this.record({ kind: 'pin', phase: 'requested', from: target, images: names })) {
      this.notice('not pinned: the audit log cannot be written (see above)');
      return;
    }
    let pinned;
    try {
      pinned = await this.backend.pinImages(target, images);
    } catch (e) {
      const error = failureText(e, 'press r, then p, to try again');
      this.record({ kind: 'pin', phase: 'failed', from: target, images: names, error, ...failedOutcome(e) });
      this.store.dispatch({
        type: 'rollback/failed',
        error: `pinning ${refKey(target)}: ${error}`,
        at: this.backend.now(),
      });
      return;
    }
    const to = { family: pinned.family, revision: pinned.revision };
    this.record({ kind: 'pin', phase: 'registered', from: target, to, images: names, ...applied(pinned) });
    const request = {
      ...plan.request,
      to,
      method: 'update-service' as const,
      serviceDeploymentArn: undefined,
      pinnedFrom: target,
    };
    await this.execute(request, `${plan.target?.source ?? ''}; pinned by digest as ${refKey(pinned)}`);
  }

  private async execute(request: RollbackRequest, source: string | undefined): Promise<void> {
    const base = { kind: 'rollback' as const, from: request.from, to: request.to, source };
    // Recorded (and fsynced) before AWS is asked: a crash in between still leaves the intent on disk.
    if (!this.record({ ...base, phase: 'requested', method: request.method })) {
      this.notice('rollback not started: the audit log cannot be written (see above)');
      return;
    }
    this.store.dispatch({ type: 'rollback/requested', request, at: this.backend.now() });
    let method = request.method;
    try {
      const result = await this.backend.rollback(request).catch((e: unknown) => {
        // The deployment may have finished between the last poll and `y` (StopServiceDeployment then
        // refuses), or the API may be missing; UpdateService to the same target is what was confirmed.
        // Never after a Stop whose answer was lost: it may have taken effect, and an UpdateService on
        // top would start a second deployment.
        if (request.method !== 'stop-service-deployment' || !certainlyNotApplied(e)) throw e;
        const error = `${errorMessage(e)}; falling back to update-service`;
        this.record({ ...base, phase: 'failed', method: request.method, error, outcome: 'not-applied' });
        method = 'update-service';
        return this.backend.rollback({ ...request, method, serviceDeploymentArn: undefined });
      });
      this.record({ ...base, phase: 'accepted', method: result.method, ...applied(result) });
      this.store.dispatch({ type: 'rollback/accepted', at: this.backend.now() });
      this.refreshService();
    } catch (e) {
      const error = failureText(e, 'press r to try again');
      const outcome = failedOutcome(e);
      this.record({ ...base, phase: 'failed', method, error, ...outcome });
      const mayHaveApplied = outcome.outcome === 'unknown';
      this.store.dispatch({ type: 'rollback/failed', error, at: this.backend.now(), mayHaveApplied });
    }
  }

  /** Records how a rollback in flight ended, when the reducer saw it end; true when it failed. */
  observe(before: RollbackOp, after: RollbackOp): boolean {
    if (before.phase !== 'in-flight' || after.phase === 'in-flight' || !after.request) return false;
    const { from, to, method } = after.request;
    const base = { kind: 'rollback' as const, from, to, method };
    if (after.phase === 'done') this.record({ ...base, phase: 'rolled-back' });
    if (after.phase === 'failed') this.record({ ...base, phase: 'failed', error: after.error });
    return after.phase === 'failed';
  }

  private notice(notice: string): void {
    this.store.dispatch({ type: 'ui/notice', notice });
  }
}

/** A change AWS took: and when its answer was lost, that reading back is how this is known. */
function applied(result: object): { outcome: 'applied'; answer?: 'lost' } {
  return 'answer' in result && result.answer === 'lost'
    ? { outcome: 'applied', answer: 'lost' }
    : { outcome: 'applied' };
}

/** Why it failed, and whether trying again is safe: only the user decides, and only they can check. */
function failureText(e: unknown, retry: string): string {
  const advice =
    failedOutcome(e).outcome === 'unknown'
      ? 'it may have been applied: check the service before retrying'
      : `not applied: ${retry}`;
  return `${errorMessage(e)} — ${advice}`;
}

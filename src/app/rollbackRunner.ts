// Carrying out a confirmed rollback: the audit entry before AWS is asked, the call sent once, the
// Stop -> Update fallback, and the record of how it ended. What to roll back to is the domain
// planner's (domain/rollback.ts); how it is going is derived by the release reducer.
import type { AuditEvent } from '../domain/audit.js';
import type { Backend } from '../domain/backend.js';
import { errorMessage } from '../domain/errors.js';
import type { RollbackOp } from '../domain/rollback.js';
import { selectConfirmRefusal, selectPlan } from './selectors.js';
import type { Store } from './store.js';

export class RollbackRunner {
  constructor(
    private readonly store: Store,
    private readonly backend: Pick<Backend, 'rollback' | 'now'>,
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
    const request = plan.request;
    const base = { kind: 'rollback' as const, from: request.from, to: request.to, source: plan.target?.source };
    // Recorded (and fsynced) before AWS is asked: a crash in between still leaves the intent on disk.
    if (!this.record({ ...base, phase: 'requested', method: request.method })) {
      this.notice('rollback not started: the audit log cannot be written (see above)');
      return;
    }
    this.store.dispatch({ type: 'rollback/requested', request, at: this.backend.now() });
    try {
      const result = await this.backend.rollback(request).catch((e: unknown) => {
        // The deployment may have finished between the last poll and `y` (StopServiceDeployment then
        // refuses), or the API may be missing; UpdateService to the same target is what was confirmed.
        if (request.method !== 'stop-service-deployment') throw e;
        const error = `${errorMessage(e)}; falling back to update-service`;
        this.record({ ...base, phase: 'failed', method: request.method, error });
        return this.backend.rollback({ ...request, method: 'update-service', serviceDeploymentArn: undefined });
      });
      this.record({ ...base, phase: 'accepted', method: result.method });
      this.store.dispatch({ type: 'rollback/accepted', at: this.backend.now() });
      this.refreshService();
    } catch (e) {
      this.record({ ...base, phase: 'failed', method: request.method, error: errorMessage(e) });
      this.store.dispatch({ type: 'rollback/failed', error: errorMessage(e), at: this.backend.now() });
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

// The release and the rollback inside it, derived from each service read: which release is watched
// (and whether a new one replaced it), and how a rollback started here is going.
import { identifyRelease, isNewRelease, sameRef, type Release } from '../../domain/release.js';
import { rollbackProgress, type RollbackOp } from '../../domain/rollback.js';
import { refKey, type ServiceSnapshot } from '../../domain/model.js';
import type { Action } from '../actions.js';
import type { AppState } from '../state.js';

type ReleaseSlice = Pick<AppState, 'release' | 'releaseChange' | 'knownRollbacks' | 'rollback'>;

/** Equal releases keep their identity, so selectors and the persisting listener see no change. */
function same(a: Release | undefined, b: Release | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.deploymentId === b.deploymentId &&
      a.t0 === b.t0 &&
      sameRef(a.previous?.ref, b.previous?.ref) &&
      a.released.imageTags.join() === b.released.imageTags.join())
  );
}

function onService(state: AppState, service: ServiceSnapshot, at: number): ReleaseSlice {
  const next = identifyRelease(service, {
    prior: state.release,
    rollbacks: state.knownRollbacks,
    pick: state.releasePick,
  });
  const release = same(state.release, next) ? state.release : next;
  const releaseChange =
    isNewRelease(state.release, release) && state.release && release
      ? { was: state.release.released.ref, now: release.released.ref, at }
      : state.releaseChange;
  return {
    release,
    releaseChange,
    knownRollbacks: state.knownRollbacks,
    rollback: follow(state.rollback, service, at),
  };
}

/** A rollback started here is done when ECS is steady on the target, failed when its rollout failed. */
function follow(op: RollbackOp, service: ServiceSnapshot, at: number): RollbackOp {
  if (op.phase !== 'in-flight' || !op.request) return op;
  const progress = rollbackProgress(service, op.request.to);
  if (progress.state === 'rolled-back') return { ...op, phase: 'done', finishedAt: at };
  if (progress.state === 'failed') return { ...op, phase: 'failed', error: progress.reason, finishedAt: at };
  return op;
}

function rollbackReducer(op: RollbackOp, action: Action): RollbackOp {
  switch (action.type) {
    case 'rollback/requested':
      return { phase: 'requesting', request: action.request, startedAt: action.at };
    case 'rollback/accepted':
      return { ...op, phase: 'in-flight' };
    case 'rollback/failed':
      return { ...op, phase: 'failed', error: action.error, finishedAt: action.at };
    default:
      return op;
  }
}

export function releaseReducer(state: AppState, action: Action): ReleaseSlice {
  if (action.type === 'source/loaded' && action.source === 'service') return onService(state, action.data, action.at);
  const rollback = rollbackReducer(state.rollback, action);
  // A change that may have taken effect is remembered like one that did: were its deployment taken
  // for a new release, r would offer to roll back to the very release being rolled back.
  const tookEffect =
    action.type === 'rollback/accepted' || (action.type === 'rollback/failed' && action.mayHaveApplied === true);
  if (!tookEffect || !state.rollback.request)
    return {
      release: state.release,
      releaseChange: state.releaseChange,
      knownRollbacks: state.knownRollbacks,
      rollback,
    };
  const { from, to } = state.rollback.request;
  // Remembered, so the deployment it makes is never taken for a new release; and when nothing else
  // said what served before the release, the revision rolled back to is that.
  const knownRollbacks = [...state.knownRollbacks, { from, to, at: action.at }];
  const { pinnedFrom } = state.rollback.request;
  const release = !state.release
    ? state.release
    : !state.release.previous
      ? { ...state.release, previous: { ref: to, imageTags: [] }, previousBasis: 'the revision rolled back to' }
      : pinnedFrom && sameRef(pinnedFrom, state.release.previous.ref)
        ? // The pinned copy now stands for what served before: r refuses once the service is on it.
          {
            ...state.release,
            previous: { ref: to, imageTags: [] },
            previousBasis: `${refKey(pinnedFrom)} pinned by digest`,
          }
        : state.release;
  return { release, releaseChange: state.releaseChange, knownRollbacks, rollback };
}

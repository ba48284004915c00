// Which builder a list view's row (or the rollback dialog's diff) goes to; one that has left the
// data since it was opened says so.
import type { RowRef } from '../../app/state.js';
import type { RollbackPlan } from '../../domain/rollback.js';
import { signatureKey } from '../views/signatureRows.js';
import type { ViewSources } from '../views/views.js';
import type { DetailContent } from './content.js';
import { GONE } from './detailFor.js';
import { diffDetail } from './diffDetail.js';
import { signatureDetail, type SignatureDetailContext } from './signatureDetail.js';
import { tasksViewDetail } from './taskDetail.js';
import { verdictDetail } from './verdictDetail.js';

export function viewDetail(
  ref: RowRef,
  src: ViewSources,
  plan: RollbackPlan,
  ctx: SignatureDetailContext,
): DetailContent {
  switch (ref.pane) {
    case 'rollback':
      return diffDetail(plan);
    case 'verdict':
      return verdictDetail(ref.key, src) ?? GONE;
    case 'signatures': {
      const row = src.signatures.rows.find((r) => signatureKey(r) === ref.key);
      return row ? signatureDetail(row, ctx) : GONE;
    }
    case 'tasks':
      return tasksViewDetail(ref.key, src, ctx) ?? GONE;
    default:
      return GONE;
  }
}

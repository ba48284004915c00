// The config's `verdict:` block: how the release is judged against its baseline (README "Release
// verdict"). Each metric's rule is merged onto the default rule of the same id, so one field can be
// changed alone; a series without a default rule (a config extra, x0…) needs its direction.
import { z } from 'zod';
import { UsageError } from '../domain/errors.js';
import { DEFAULT_VERDICT_SETTINGS, type VerdictSettings } from '../domain/health/metricVerdict.js';
import { DEFAULT_RULES } from '../domain/health/releaseVerdict.js';
import type { VerdictPlan } from '../domain/health/verdictPlan.js';

const ruleSchema = z.strictObject({
  direction: z.enum(['increase', 'decrease', 'either']).optional(),
  critical: z.boolean().optional(),
  tolerance: z.number().min(0).optional(),
  minEffect: z.number().min(0).optional(),
  minPoints: z.number().int().min(2).optional(),
  /** Leave the series out of the verdict. */
  ignore: z.boolean().optional(),
});

export const verdictSchema = z.strictObject({
  confidence: z.number().gt(0.5).lt(1).optional(),
  outlierIqr: z.number().min(0).optional(),
  passScore: z.number().min(0).max(100).optional(),
  marginalScore: z.number().min(0).max(100).optional(),
  // The judge also takes the same hours a day and a week earlier (metricVerdict.ts), but no backend
  // reads those windows yet: offered here, they would silently judge nothing.
  /** By series id (p99, 5xxRate, x0…). */
  metrics: z.record(z.string().min(1), ruleSchema).optional(),
});

export type VerdictConfig = z.infer<typeof verdictSchema>;

/** The defaults with the config's changes; a UsageError names the key that is wrong and in which file. */
export function resolveVerdict(c: VerdictConfig | undefined, file = 'the config'): VerdictPlan {
  const { metrics = {}, ...rest } = c ?? {};
  const settings: VerdictSettings = { ...DEFAULT_VERDICT_SETTINGS, ...rest };
  if (settings.marginalScore > settings.passScore)
    throw new UsageError(
      `${file}: verdict.marginalScore (${settings.marginalScore}) must not be above passScore (${settings.passScore})`,
    );
  const byId = new Map(DEFAULT_RULES.map((r) => [r.id, r]));
  for (const [id, change] of Object.entries(metrics)) {
    if (change.ignore) {
      byId.delete(id);
      continue;
    }
    const base = byId.get(id);
    const direction = change.direction ?? base?.direction;
    if (!direction)
      throw new UsageError(
        `${file}: verdict.metrics.${id} needs a direction (increase, decrease or either: which change is bad)`,
      );
    byId.set(id, {
      id,
      direction,
      critical: change.critical ?? base?.critical ?? false,
      tolerance: change.tolerance ?? base?.tolerance ?? 0.25,
      minEffect: change.minEffect ?? base?.minEffect,
      minPoints: change.minPoints ?? base?.minPoints,
    });
  }
  return { rules: [...byId.values()], settings };
}

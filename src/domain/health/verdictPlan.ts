// How this watch judges the release: the rules per metric and the settings, from the defaults and
// the config file's `verdict:` block (config/verdictSchema.ts).
import { DEFAULT_VERDICT_SETTINGS, type MetricRule, type VerdictSettings } from './metricVerdict.js';
import { DEFAULT_RULES } from './releaseVerdict.js';

export interface VerdictPlan {
  rules: MetricRule[];
  settings: VerdictSettings;
}

export const DEFAULT_VERDICT_PLAN: VerdictPlan = { rules: DEFAULT_RULES, settings: DEFAULT_VERDICT_SETTINGS };

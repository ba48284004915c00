// "Is this release healthy?": the metric judgement against the baseline (releaseVerdict.ts), the
// error signatures the release brought, and ECS's own verdict (the circuit breaker, deployment
// alarms, a FAILED rollout) — one outcome with its top reasons, CloudWatch alarms said beside it.
import type { Alarm, MetricSeries, ServiceSnapshot } from '../model.js';
import { firingNames } from './alarms.js';
import type { MetricJudgement } from './metricVerdict.js';
import { judgeRelease, type ReleaseOutcome } from './releaseVerdict.js';
import type { SignatureSummary } from './signatures/signatureBook.js';
import { primaryDeployment } from './steady.js';
import type { VerdictPlan } from './verdictPlan.js';

/** Lines of signatures new since T+0 that keep a release from a clean PASS (it is MARGINAL then). */
export const NEW_SIGNATURE_LINES = 10;
const TOP_REASONS = 4;

export interface ReleaseEvidence {
  outcome: ReleaseOutcome;
  /** Percent of judged metrics that passed. */
  score?: number;
  /** Most telling first: ECS's own failure, failed metrics, new error signatures, the rest. */
  reasons: string[];
  metrics: MetricJudgement[];
  /** Said beside the outcome, not part of it: CloudWatch alarms firing (they may watch something else). */
  beside: string[];
}

export interface EvidenceInput {
  plan: VerdictPlan;
  releaseStart: number;
  series?: readonly MetricSeries[];
  signatures?: SignatureSummary;
  service?: ServiceSnapshot;
  alarms?: readonly Alarm[];
}

/** Newest sample time: the judgement's "now", so the baseline is as long as the data since T+0. */
const newestPoint = (series: readonly MetricSeries[], fallback: number): number =>
  series.reduce((t, s) => Math.max(t, s.points.at(-1)?.t ?? t), fallback);

/** What ECS itself says went wrong with the release's deployment, if anything. */
export function ecsFailure(s: ServiceSnapshot | undefined): string | undefined {
  if (!s) return undefined;
  const sd = s.serviceDeployments[0];
  const cb = sd?.circuitBreaker;
  if (cb && cb.status === 'TRIGGERED')
    return `ECS circuit breaker tripped (${cb.failureCount}/${cb.threshold} failures)`;
  const triggered = sd?.alarms?.triggeredAlarmNames ?? [];
  if (triggered.length) return `ECS deployment alarms triggered: ${triggered.join(', ')}`;
  const primary = primaryDeployment(s);
  if (primary?.rolloutState === 'FAILED')
    return `ECS rollout FAILED: ${primary.rolloutStateReason ?? 'no reason given'}`;
  return undefined;
}

export function releaseEvidence(i: EvidenceInput): ReleaseEvidence {
  const series = i.series ?? [];
  const j = judgeRelease(series, i.plan.rules, i.plan.settings, i.releaseStart, newestPoint(series, i.releaseStart));
  const ecs = ecsFailure(i.service);
  const sig = i.signatures;
  const newLines = sig?.top.filter((r) => r.isNew).reduce((n, r) => n + r.after, 0) ?? 0;
  let outcome: ReleaseOutcome = j.outcome;
  if (ecs) outcome = 'FAIL';
  else if (outcome === 'PASS' && newLines >= NEW_SIGNATURE_LINES) outcome = 'MARGINAL';
  const failed = j.metrics.filter((m) => m.outcome === 'FAIL').length;
  const reasons = [
    ...(ecs ? [ecs] : []),
    ...j.reasons.slice(0, failed),
    ...(sig && sig.newCount > 0 ? [sig.text] : []),
    ...j.reasons.slice(failed),
  ].slice(0, TOP_REASONS);
  const firing = firingNames(i.alarms ?? []);
  const beside = firing.length ? [`${firing.length} CloudWatch alarm(s) in ALARM: ${firing.join(', ')}`] : [];
  return { outcome, score: j.score, reasons, metrics: j.metrics, beside };
}

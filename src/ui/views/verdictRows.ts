// The Verdict view's rows: the outcome and score, every reason, one row per metric judged against
// its baseline, what ECS and CloudWatch say beside it, and the error signatures' summary.
import { ecsFailure, type ReleaseEvidence } from '../../domain/health/releaseEvidence.js';
import { formatP, type MetricJudgement } from '../../domain/health/metricVerdict.js';
import type { MetricSeries, ServiceSnapshot } from '../../domain/model.js';
import { valueWithUnit } from '../../domain/units.js';
import type { SignaturesState } from '../../app/state.js';
import { fit } from '../format.js';
import { seriesLabel } from '../metricLabels.js';
import { heading, note, type ViewRow } from './viewRow.js';
import { OUTCOME_TONE } from './verdictText.js';

export interface VerdictSources {
  evidence?: ReleaseEvidence;
  series?: readonly MetricSeries[];
  service?: ServiceSnapshot;
  signatures: SignaturesState;
}

const METRIC_TONE = { PASS: 'ok', FAIL: 'bad', INCONCLUSIVE: undefined } as const;

/** `p99 1197 ms`: the unit is the series'. */
export const judgedValue = (v: number | undefined, unit: string | undefined): string =>
  v === undefined ? '-' : valueWithUnit(v, unit ?? '');

/** `7 of 9 judged passed`, for the outcome row and its detail. */
export function scoreText(e: ReleaseEvidence): string {
  const judged = e.metrics.filter((m) => m.outcome !== 'INCONCLUSIVE');
  const passed = judged.filter((m) => m.outcome === 'PASS').length;
  const score = e.score === undefined ? 'no score' : `score ${Math.round(e.score)}`;
  return `${score} · ${passed} of ${judged.length} judged metrics passed`;
}

/** `p99 api-tg     FAIL          1197 ms vs  173 ms   6.9x  p<0.001`, or the reason when nothing was compared. */
export function metricRow(m: MetricJudgement, series: readonly MetricSeries[] | undefined): ViewRow {
  const unit = series?.find((x) => x.id === m.id)?.unit;
  const label = fit(seriesLabel(m.id, series, m.label), 14);
  const outcome = fit(`${m.outcome}${m.critical ? '*' : ''}`, 13);
  const numbers =
    m.releaseMedian === undefined
      ? m.reason
      : [
          judgedValue(m.releaseMedian, unit).padStart(9),
          'vs',
          judgedValue(m.baselineMedian, unit).padStart(9),
          (m.ratio === undefined ? '' : `${m.ratio.toFixed(1)}x`).padStart(6),
          m.p === undefined ? '' : formatP(m.p),
        ].join(' ');
  return { key: `m:${m.id}`, text: `${label} ${outcome} ${numbers}`, tone: METRIC_TONE[m.outcome] };
}

export function signatureLine(sig: SignaturesState): string {
  if (sig.summary && sig.summary.newCount > 0) return sig.summary.text;
  if (sig.rows.length > 0) return `no new error signatures since T+0 (${sig.rows.length} seen before it)`;
  return 'no error signatures since T+0';
}

export function verdictRows(src: VerdictSources): ViewRow[] {
  const e = src.evidence;
  if (!e) return [note('no verdict yet: the release and its T+0 are not known')];
  return [
    { key: 'outcome', text: `${e.outcome} · ${scoreText(e)}`, tone: OUTCOME_TONE[e.outcome], bold: true },
    heading('Reasons'),
    ...(e.reasons.length ? e.reasons.map((r, i): ViewRow => ({ key: `r:${i}`, text: r })) : [note('none given')]),
    heading('Metrics against the baseline (* critical: fails the release alone)'),
    ...(e.metrics.length ? e.metrics.map((m) => metricRow(m, src.series)) : [note('no metrics to judge')]),
    heading('Beside the metrics'),
    {
      key: 'ecs',
      text: `ECS: ${ecsFailure(src.service) ?? 'no failure reported (breaker, deployment alarms, rollout)'}`,
    },
    ...e.beside.map((b, i): ViewRow => ({ key: `b:${i}`, text: b, tone: 'warn' })),
    { key: 'sig', text: `Logs: ${signatureLine(src.signatures)}` },
  ];
}

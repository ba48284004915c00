// A row of the Verdict view in full: the outcome with every reason, one metric's judgement with its
// numbers (how many points each side), or a reason, an ECS or alarm line, whole.
import { formatP, type MetricJudgement } from '../../domain/health/metricVerdict.js';
import type { ReleaseEvidence } from '../../domain/health/releaseEvidence.js';
import { actionById, displayKey } from '../keymap.js';
import { seriesLabel } from '../metricLabels.js';
import { judgedValue, scoreText, signatureLine, verdictRows, type VerdictSources } from '../views/verdictRows.js';
import { baselineLine } from '../views/signatureRows.js';
import { OUTCOME_TONE } from '../views/verdictText.js';
import type { DetailBlock, DetailContent } from './content.js';

const AGAINST = { before: 'the same length of time before T+0', day: 'a day earlier', week: 'a week earlier' };

function metricDetail(m: MetricJudgement, src: VerdictSources): DetailContent {
  const series = src.series?.find((x) => x.id === m.id);
  const label = seriesLabel(m.id, src.series, m.label);
  const blocks: DetailBlock[] = [
    { kind: 'field', label: 'outcome', value: m.outcome, tone: m.outcome === 'FAIL' ? 'bad' : undefined },
    { kind: 'field', label: 'reason', value: m.reason },
    { kind: 'field', label: 'critical', value: m.critical ? 'yes: failing it fails the release' : 'no' },
    { kind: 'field', label: 'against', value: AGAINST[m.against] },
    {
      kind: 'field',
      label: 'release',
      value: `median ${judgedValue(m.releaseMedian, series?.unit)} of ${m.n.release} points since T+0`,
    },
    {
      kind: 'field',
      label: 'baseline',
      value: `median ${judgedValue(m.baselineMedian, series?.unit)} of ${m.n.baseline} points`,
    },
  ];
  if (m.ratio !== undefined) blocks.push({ kind: 'field', label: 'ratio', value: `${m.ratio.toFixed(2)}x` });
  if (m.p !== undefined)
    blocks.push({
      kind: 'field',
      label: 'p',
      value: `${formatP(m.p)} (${m.p.toPrecision(3)}, one-sided Mann-Whitney U)`,
    });
  blocks.push({
    kind: 'field',
    label: 'series',
    value: `${m.id}${series?.targetGroup ? ` (target group ${series.targetGroup})` : ''}`,
    tone: 'dim',
  });
  return { title: `Metric ${label} · ${m.outcome}`, blocks };
}

function outcomeDetail(e: ReleaseEvidence): DetailContent {
  const tone = OUTCOME_TONE[e.outcome];
  return {
    title: `Release verdict · ${e.outcome}`,
    blocks: [
      { kind: 'field', label: 'outcome', value: e.outcome, tone },
      { kind: 'field', label: 'score', value: scoreText(e) },
      { kind: 'heading', text: 'Reasons' },
      ...e.reasons.map((text): DetailBlock => ({ kind: 'text', text })),
      ...(e.beside.length
        ? [
            { kind: 'heading', text: 'Beside it' } as const,
            ...e.beside.map((text): DetailBlock => ({ kind: 'text', text })),
          ]
        : []),
    ],
  };
}

const whole = (title: string, text: string): DetailContent => ({ title, blocks: [{ kind: 'text', text }] });

/** The Verdict view's row `key` in full; undefined when it is no longer listed. */
export function verdictDetail(key: string, src: VerdictSources): DetailContent | undefined {
  const e = src.evidence;
  if (!e) return undefined;
  if (key === 'outcome') return outcomeDetail(e);
  if (key.startsWith('m:')) {
    const m = e.metrics.find((x) => x.id === key.slice(2));
    return m && metricDetail(m, src);
  }
  if (key === 'sig')
    return {
      title: 'Error signatures',
      blocks: [
        { kind: 'text', text: signatureLine(src.signatures) },
        { kind: 'text', text: baselineLine(src.signatures.baseline).text, tone: 'dim' },
        {
          kind: 'text',
          text: `${displayKey(actionById('release.signatures')?.keys[0] ?? '')} lists every one`,
          tone: 'dim',
        },
      ],
    };
  const row = verdictRows(src).find((r) => r.key === key);
  return (
    row &&
    whole(key === 'ecs' ? 'What ECS says' : key.startsWith('b:') ? 'Beside the verdict' : 'Verdict reason', row.text)
  );
}

// The release verdict in words, for the header and the Verdict view: the outcome always as a word
// (NO_COLOR terminals see it), its tone for colour where there is colour.
import type { ReleaseEvidence } from '../../domain/health/releaseEvidence.js';
import type { ReleaseOutcome } from '../../domain/health/releaseVerdict.js';
import { columns, truncate } from '../format.js';
import type { Tone } from '../theme.js';

export const OUTCOME_TONE: Record<ReleaseOutcome, Tone | undefined> = {
  PASS: 'ok',
  MARGINAL: 'warn',
  FAIL: 'bad',
  INCONCLUSIVE: undefined,
};

/** Under this many columns a reason says nothing (`p…`): the header then shows the outcome alone. */
const MIN_REASON = 8;

export interface HeaderVerdict {
  /** `verdict `, or '' when even the label does not fit. */
  label: string;
  outcome: ReleaseOutcome;
  /** `: p99 1197 ms vs 173 ms …`, cut to the room left; '' when there is none. */
  reason: string;
}

const LABEL = 'verdict ';

/**
 * `verdict FAIL: <first reason>` in at most `room` columns: the reason is cut first, then the label
 * goes; the outcome word is kept whole (it is the answer), even past `room`.
 */
export function headerVerdict(e: ReleaseEvidence | undefined, room: number): HeaderVerdict | undefined {
  if (!e) return undefined;
  const label = columns(LABEL + e.outcome) <= room ? LABEL : '';
  const left = room - columns(label + e.outcome) - 2;
  const first = e.reasons[0];
  return { label, outcome: e.outcome, reason: first && left >= MIN_REASON ? `: ${truncate(first, left)}` : '' };
}

import { Box, Text } from 'ink';
import type { Target } from '../domain/backend.js';
import { refKey, type Identity, type TaskDefRef } from '../domain/model.js';
import type { Verdict } from '../domain/verdict.js';
import type { ReleaseEvidence } from '../domain/health/releaseEvidence.js';
import { columns, duration, utcTime } from './format.js';
import { theme } from './theme.js';
import { clock } from '../domain/releaseClock.js';
import { headerVerdict, OUTCOME_TONE } from './views/verdictText.js';

export interface HeaderProps {
  target: Target;
  identity?: Identity;
  demo: boolean;
  now: number;
  releaseStart?: number;
  watchWindowMs: number;
  verdict: Verdict;
  /** The release judged against its baseline; undefined before T+0 is known. */
  evidence?: ReleaseEvidence;
  /** e.g. `r → web:41 (v1.3.6)` or `r: no earlier revision`. */
  rollbackHint: string;
  /** Sources whose data is stale, e.g. ['metrics 45s']. */
  stale: string[];
  /** A new release replaced the one watched: announced for a while. */
  releaseChange?: { was: TaskDefRef; now: TaskDefRef; at: number };
  width: number;
}

const VERDICT_COLOR: Record<Verdict, string> = {
  LOADING: theme.dim,
  ROLLING: theme.accent,
  HEALTHY: theme.ok,
  DEGRADED: theme.warn,
  ALARM: theme.bad,
  'ROLLING BACK': theme.warn,
  'ROLLED BACK': theme.accent,
  FAILED: theme.bad,
};

/** `arn:aws:sts::1:assumed-role/oncall/jane` → ` (oncall/jane)`: who is about to press r. */
function callerName(arn: string): string {
  const path = arn.split(':').slice(5).join(':');
  const parts = path.split('/').slice(1);
  return parts.length ? ` (${parts.join('/')})` : path ? ` (${path})` : '';
}

/** How long a new release is announced on the header. */
const ANNOUNCE_MS = 10 * 60_000;

function releaseClock(now: number, start: number | undefined, windowMs: number): string {
  if (start === undefined) return 'T+--:--';
  const elapsed = now - start;
  const left = windowMs - elapsed;
  return `${clock(elapsed)} (${utcTime(start)}) · ${left > 0 ? `${duration(left)} left` : 'watch window over'}`;
}

/**
 * Two rows that never scroll away: where we are looking, and what the answer is. The release
 * verdict's reason takes only the room the rest of the second row leaves: the rollback target and
 * stale sources are never pushed off by it.
 */
export function Header(p: HeaderProps) {
  const who = p.identity ? `acct ${p.identity.account}${callerName(p.identity.arn)}` : 'acct …';
  const line1 = `shipwatch · ${p.target.service} @ ${p.target.cluster} · ${p.target.region} · ${who}${p.demo ? ' · DEMO' : ''}`;
  const clockText = `${releaseClock(p.now, p.releaseStart, p.watchWindowMs)} `;
  const announce =
    p.releaseChange && p.now - p.releaseChange.at < ANNOUNCE_MS
      ? ` · new release ${refKey(p.releaseChange.now)} at ${utcTime(p.releaseChange.at)} (was ${refKey(p.releaseChange.was)})`
      : '';
  const stale = p.stale.length > 0 ? ` · stale: ${p.stale.join(', ')}` : '';
  const hint = p.evidence ? ` · ${p.rollbackHint}` : ` ${p.rollbackHint}`;
  const used = columns(clockText + ` ${p.verdict} ` + hint + announce + stale) + 1;
  const release = headerVerdict(p.evidence, p.width - used);
  const tone = release && OUTCOME_TONE[release.outcome];
  return (
    <Box flexDirection="column" width={p.width} height={2}>
      <Text wrap="truncate-end" bold>
        {line1}
      </Text>
      <Text wrap="truncate-end">
        <Text>{clockText}</Text>
        <Text inverse bold color={VERDICT_COLOR[p.verdict]}>
          {` ${p.verdict} `}
        </Text>
        {release && (
          <Text>
            {` ${release.label}`}
            <Text bold color={tone && theme[tone]}>
              {release.outcome}
            </Text>
            {release.reason}
          </Text>
        )}
        <Text>{hint}</Text>
        {announce && <Text color={theme.accent}>{announce}</Text>}
        {stale && <Text color={theme.warn}>{stale}</Text>}
      </Text>
    </Box>
  );
}

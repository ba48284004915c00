// The release's story from T+0, one line per event at its T+ time: what ECS did (deployments, the
// breaker, notable service events) and what was recorded here (the release, rollbacks and who asked,
// alarm transitions, checklist results). The dashboard's overlay and the report print the same lines.
import type { AuditEntry } from './audit.js';
import { refKey, type ServiceSnapshot } from './model.js';
import type { Release } from './release.js';
import { sanitizeLine } from './sanitize.js';

export interface TimelineEntry {
  at: number;
  text: string;
  tone?: 'bad' | 'warn';
}

/** Events this long before T+0 are kept: the pre-deployment checks and what led to the release. */
export const TIMELINE_LEAD_MS = 30 * 60_000;

// ECS says much; these are the events an on-call reads for: steady, failing, breaker, rollback.
const NOTABLE = /steady state|unable|fail|error|circuit breaker|roll(ed|ing)? ?back|deregistered|unhealthy/i;

const who = (e: AuditEntry): string => e.who.caller?.split('/').slice(1).join('/') || `${e.who.user}@${e.who.host}`;

function fromEcs(s: ServiceSnapshot): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const sd of s.serviceDeployments) {
    const src = sd.sourceRevisions.map(refKey).join(', ');
    out.push({
      at: sd.createdAt,
      text: `ECS deployment to ${refKey(sd.targetRevision)} started${src ? ` (from ${src})` : ''}`,
    });
    if (sd.finishedAt !== undefined)
      out.push({
        at: sd.finishedAt,
        text: `ECS deployment to ${refKey(sd.targetRevision)} ${sd.status}${sd.statusReason ? `: ${sd.statusReason}` : ''}`,
        tone: /ROLLBACK|STOPPED/.test(sd.status) ? 'warn' : undefined,
      });
  }
  if (!s.serviceDeployments.length)
    for (const d of s.deployments)
      out.push({ at: d.createdAt, text: `deployment ${refKey(d.taskDefinition)} created (${d.status})` });
  for (const d of s.deployments)
    if (d.rolloutState === 'FAILED')
      out.push({
        at: d.updatedAt,
        text: `rollout of ${refKey(d.taskDefinition)} FAILED: ${d.rolloutStateReason ?? ''}`,
        tone: 'bad',
      });
  for (const e of s.events) if (NOTABLE.test(e.message)) out.push({ at: e.createdAt, text: `ECS: ${e.message}` });
  return out;
}

function fromAudit(e: AuditEntry): TimelineEntry | undefined {
  const at = Date.parse(e.at);
  switch (e.kind) {
    case 'release':
      return {
        at,
        text: `${e.replaced ? 'new release' : 'release'} ${refKey(e.released)} watched${e.replaced ? ` (replaced ${refKey(e.replaced)})` : ''}`,
      };
    case 'rollback':
      return {
        at,
        text: `rollback ${refKey(e.from)} → ${refKey(e.to)} ${e.phase} (${who(e)})${e.error ? `: ${e.error}` : ''}`,
        tone: e.phase === 'failed' ? 'bad' : 'warn',
      };
    case 'alarm':
      return { at, text: `alarm ${e.alarm} ${e.from ?? '?'} → ${e.to}`, tone: e.to === 'ALARM' ? 'bad' : undefined };
    case 'pin':
      return {
        at,
        text: `pin ${refKey(e.from)} by digest ${e.phase}${e.to ? ` as ${refKey(e.to)}` : ''}${e.error ? `: ${e.error}` : ''}`,
        tone: e.phase === 'failed' ? 'bad' : 'warn',
      };
    case 'checklist':
      if (e.status === 'started') return undefined;
      return {
        at,
        text: `check ${e.status}: ${e.title}${e.summary ? ` — ${e.summary}` : ''}`,
        tone: e.status === 'failed' ? 'bad' : undefined,
      };
  }
}

/** Oldest first, from shortly before T+0; every text is data, never a control sequence. */
export function buildTimeline(
  release: Release | undefined,
  service: ServiceSnapshot | undefined,
  entries: readonly AuditEntry[],
): TimelineEntry[] {
  const since = release ? release.t0 - TIMELINE_LEAD_MS : -Infinity;
  const mine = entries.filter((e) => !release || (e.cluster === release.cluster && e.service === release.service));
  const all = [
    ...(release
      ? [
          {
            at: release.t0,
            text: `T+0: release ${refKey(release.released.ref)} deployed${release.previous ? ` (before it ${refKey(release.previous.ref)})` : ''}`,
          },
        ]
      : []),
    ...(service ? fromEcs(service) : []),
    ...mine.flatMap((e) => fromAudit(e) ?? []),
  ];
  return all
    .filter((e) => e.at >= since && Number.isFinite(e.at))
    .sort((a, b) => a.at - b.at)
    .map((e) => ({ ...e, text: sanitizeLine(e.text) }));
}

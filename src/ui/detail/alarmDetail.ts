// An alarm in full: what it watches, when it fires, why it is in its state, what it did since T+0.
import type { Target } from '../../domain/backend.js';
import type { Alarm, AlarmState, AlarmTransition } from '../../domain/model.js';
import { clock } from '../../domain/releaseClock.js';
import { hms } from '../format.js';
import type { Tone } from '../theme.js';
import { alarmHistoryCommand, alarmUrl, describeAlarmsCommand } from './awsLinks.js';
import type { DetailBlock, DetailContent } from './content.js';
import { when } from './when.js';

/** The alarm's transitions as read when the view opened: on demand, so it may be on its way or have failed. */
export type AlarmHistory =
  { status: 'loading' } | { status: 'ok'; transitions: AlarmTransition[] } | { status: 'error'; error: string };

const TONE: Record<AlarmState, Tone> = { ALARM: 'bad', INSUFFICIENT_DATA: 'warn', OK: 'ok' };

const COMPARISON: Record<string, string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

/** `> 5 (GreaterThanThreshold)`: the rule as read, and as CloudWatch names it; the number exactly. */
export function thresholdText(a: Pick<Alarm, 'threshold' | 'comparison'>): string | undefined {
  if (a.threshold === undefined) return a.comparison;
  const n = String(a.threshold);
  if (!a.comparison) return n;
  const op = COMPARISON[a.comparison];
  return op ? `${op} ${n} (${a.comparison})` : `${a.comparison} ${n}`;
}

function metricBlocks(m: NonNullable<Alarm['metric']>): DetailBlock[] {
  const blocks: DetailBlock[] = [
    { kind: 'field', label: 'metric', value: `${m.namespace} ${m.name}${m.stat ? ` (${m.stat})` : ''}` },
  ];
  const dims = Object.entries(m.dimensions).map(([k, v]) => `${k}=${v}`);
  if (dims.length) blocks.push({ kind: 'field', label: 'dimensions', value: dims.join('\n') });
  return blocks;
}

function historyBlocks(h: AlarmHistory, t0: number | undefined): DetailBlock[] {
  const since = t0 === undefined ? 'in the watch window' : 'since T+0';
  const head: DetailBlock = { kind: 'heading', text: `State changes ${since}` };
  if (h.status === 'loading') return [head, { kind: 'text', text: 'loading…', tone: 'dim' }];
  if (h.status === 'error')
    return [head, { kind: 'text', text: `could not read the alarm's history: ${h.error}`, tone: 'warn' }];
  if (h.transitions.length === 0) return [head, { kind: 'text', text: `none ${since}`, tone: 'dim' }];
  return [
    head,
    ...h.transitions.map((t): DetailBlock => ({
      kind: 'field',
      label: t0 === undefined ? hms(t.at) : clock(t.at - t0),
      value: `${t.from ?? '?'} → ${t.to} at ${hms(t.at)} UTC\n${t.reason}`,
      tone: TONE[t.to],
    })),
  ];
}

export interface AlarmDetailContext {
  target: Target;
  /** T+0; undefined until the release is known. */
  t0?: number;
}

/** The alarm whole; its state changes as `history` has them (newest first); where to see it at the source. */
export function alarmDetail(a: Alarm, history: AlarmHistory, ctx: AlarmDetailContext): DetailContent {
  const blocks: DetailBlock[] = [
    { kind: 'field', label: 'state', value: `${a.state} since ${when(a.stateUpdatedAt, ctx.t0)}`, tone: TONE[a.state] },
    { kind: 'field', label: 'name', value: a.name },
    { kind: 'field', label: 'kind', value: a.kind === 'composite' ? 'composite alarm' : 'metric alarm' },
  ];
  if (a.description) blocks.push({ kind: 'field', label: 'about', value: a.description });
  if (a.metric) blocks.push(...metricBlocks(a.metric));
  const rule = thresholdText(a);
  if (rule) blocks.push({ kind: 'field', label: 'fires when', value: rule });
  if (a.evaluation) blocks.push({ kind: 'field', label: 'evaluation', value: a.evaluation });
  blocks.push({ kind: 'field', label: 'reason', value: a.reason });
  blocks.push(...historyBlocks(history, ctx.t0));
  blocks.push(
    { kind: 'heading', text: 'At the source' },
    { kind: 'command', what: 'the alarm', argv: describeAlarmsCommand(a.name, ctx.target) },
  );
  if (ctx.t0 !== undefined)
    blocks.push({
      kind: 'command',
      what: 'its state changes since T+0',
      argv: alarmHistoryCommand(a.name, ctx.t0, ctx.target),
    });
  blocks.push({ kind: 'url', what: 'the alarm in the console', url: alarmUrl(a.name, ctx.target) });
  return { title: `Alarm ${a.name} · ${a.state}`, blocks };
}

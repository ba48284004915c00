import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { Alarm, AlarmState } from '../../domain/model.js';
import type { Slice } from '../../app/state.js';
import { ago, firstLine, fit } from '../format.js';
import { Rows, clampScroll, placeholder } from '../Rows.js';
import { theme } from '../theme.js';

export interface AlarmsPaneProps {
  alarms: Slice<Alarm[]>;
  /** Alarm names whose state changed since the release started. */
  transitions: Record<string, number>;
  now: number;
  width: number;
  height: number;
  scroll: number;
}

const ORDER: AlarmState[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];
const LABEL: Record<AlarmState, string> = { ALARM: 'ALARM', INSUFFICIENT_DATA: 'INSUF', OK: 'OK' };
const COLOR: Record<AlarmState, string> = { ALARM: theme.bad, INSUFFICIENT_DATA: theme.warn, OK: theme.ok };

/** The instants whose ages the pane shows (see useAgesClock). */
export const alarmsTimes = (alarms: readonly Alarm[] | undefined): number[] =>
  (alarms ?? []).map((a) => a.stateUpdatedAt);

/** ALARM first, then INSUFFICIENT_DATA, then OK; the most recent transition first within each. */
export const sortAlarms = (alarms: readonly Alarm[]): Alarm[] =>
  [...alarms].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || b.stateUpdatedAt - a.stateUpdatedAt);

/** `1 ALARM · 3 OK`: only the states present, in severity order. */
export function countLine(alarms: readonly Alarm[]): string {
  const parts = ORDER.map((st) => [alarms.filter((a) => a.state === st).length, st] as const)
    .filter(([n]) => n > 0)
    .map(([n, st]) => `${n} ${st}`);
  return parts.join(' · ') || 'no alarms';
}

/** CloudWatch alarms of the release; the count line stays put while the list scrolls under it. */
export function AlarmsPane({ alarms, transitions, now, width, height, scroll }: AlarmsPaneProps) {
  const empty = placeholder(alarms);
  if (empty !== undefined || !alarms.data) return <Rows rows={[empty]} width={width} height={height} />;
  const sorted = sortAlarms(alarms.data);
  // Cap the name column so the reason, which says why, keeps some room.
  const nameW = Math.min(Math.max(4, ...sorted.map((a) => a.name.length)) + 1, Math.max(8, Math.floor(width * 0.4)));
  const list: ReactNode[] = sorted.map((a) => {
    const changed = transitions[a.name] !== undefined;
    return (
      <>
        <Text color={COLOR[a.state]}>{fit(LABEL[a.state], 5)}</Text>{' '}
        <Text bold={changed}>{fit(`${changed ? '*' : ' '}${a.name}`, nameW)}</Text>{' '}
        <Text color={theme.dim}>{fit(ago(a.stateUpdatedAt, now), 10)}</Text> {firstLine(a.reason)}
      </>
    );
  });
  const head = <Text bold={sorted.some((a) => a.state === 'ALARM')}>{countLine(sorted)}</Text>;
  const from = clampScroll(scroll, list.length, height - 1);
  return <Rows rows={[head, ...list.slice(from)]} width={width} height={height} />;
}

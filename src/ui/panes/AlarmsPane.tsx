import { isFiring } from '../../domain/health/alarms.js';
import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { Alarm, AlarmState } from '../../domain/model.js';
import type { Slice } from '../../app/state.js';
import { alarmLabels, widestLabel } from '../alarmNames.js';
import { ago, firstLine, fit } from '../format.js';
import { useKeptInView } from '../keepInView.js';
import { Rows, placeholder } from '../Rows.js';
import { ALARM_ORDER, sortAlarms } from '../rowItems.js';
import { CursorRow, type CursorMark } from '../CursorRow.js';
import { theme } from '../theme.js';

export interface AlarmsPaneProps {
  alarms: Slice<Alarm[]>;
  /** Alarm names whose state changed since the release started. */
  transitions: Record<string, number>;
  now: number;
  width: number;
  height: number;
  /** Index of the selected alarm, in the pane's order (sortAlarms); the list scrolls to keep it in view. */
  cursor: number;
  /** How the cursor is drawn; without it, no cursor column (a pane in a snapshot). */
  mark?: CursorMark;
}

const LABEL: Record<AlarmState, string> = { ALARM: 'ALARM', INSUFFICIENT_DATA: 'INSUF', OK: 'OK' };
const COLOR: Record<AlarmState, string> = { ALARM: theme.bad, INSUFFICIENT_DATA: theme.warn, OK: theme.ok };

export { sortAlarms };

/** The instants whose ages the pane shows (see useAgesClock). */
export const alarmsTimes = (alarms: readonly Alarm[] | undefined): number[] =>
  (alarms ?? []).map((a) => a.stateUpdatedAt);

/** `1 ALARM · 3 OK`: only the states present, in severity order. */
export function countLine(alarms: readonly Alarm[]): string {
  const parts = ALARM_ORDER.map((st) => [alarms.filter((a) => a.state === st).length, st] as const)
    .filter(([n]) => n > 0)
    .map(([n, st]) => `${n} ${st}`);
  return parts.join(' · ') || 'no alarms';
}

/** CloudWatch alarms of the release; the count line stays put while the list scrolls under it. */
export function AlarmsPane({ alarms, transitions, now, width, height, cursor, mark }: AlarmsPaneProps) {
  const sorted = sortAlarms(alarms.data ?? []);
  const rowsShown = Math.max(1, height - 1);
  const at = Math.max(0, Math.min(cursor, sorted.length - 1));
  const from = useKeptInView(at, sorted.length, rowsShown, 0);
  const empty = placeholder(alarms);
  if (empty !== undefined || !alarms.data) return <Rows rows={[empty]} width={width} height={height} />;
  const inner = mark ? width - 1 : width;
  const names = sorted.map((a) => a.name);
  // Cap the name column so the reason, which says why, keeps some room.
  const nameW = Math.min(Math.max(4, widestLabel(names)) + 1, Math.max(8, Math.floor(inner * 0.4)));
  // The part every name shares is said once, above; each row keeps what tells it apart.
  const { prefix, labels } = alarmLabels(names, nameW - 1);
  const list: ReactNode[] = sorted.map((a, i) => {
    const changed = transitions[a.name] !== undefined;
    const row = (
      <>
        <Text color={COLOR[a.state]}>{fit(LABEL[a.state], 5)}</Text>{' '}
        <Text bold={changed}>{fit(`${changed ? '*' : ' '}${labels[i]}`, nameW)}</Text>{' '}
        <Text color={theme.dim}>{fit(ago(a.stateUpdatedAt, now), 10)}</Text> {firstLine(a.reason)}
      </>
    );
    return mark ? <CursorRow mark={mark} selected={i === at} row={row} /> : row;
  });
  const head = (
    <Text bold={sorted.some(isFiring)}>
      {mark ? ' ' : ''}
      {countLine(sorted)}
      {prefix && <Text color={theme.dim}>{` · ${prefix}…`}</Text>}
    </Text>
  );
  return <Rows rows={[head, ...list.slice(from)]} width={width} height={height} />;
}

import type { Alarm } from './model.js';

export interface AlarmChange {
  name: string;
  from: Alarm['state'];
  to: Alarm['state'];
  reason: string;
}

/** State changes between two polls; none on the first poll (nothing was watched changing). */
export function alarmChanges(prev: Alarm[] | undefined, next: Alarm[]): AlarmChange[] {
  if (!prev) return [];
  const before = new Map(prev.map((a) => [a.name, a.state]));
  return next.flatMap((a) => {
    const from = before.get(a.name);
    return from !== undefined && from !== a.state ? [{ name: a.name, from, to: a.state, reason: a.reason }] : [];
  });
}

/** Names of alarms that went into ALARM between two polls. */
export const enteredAlarm = (prev: Alarm[] | undefined, next: Alarm[]): string[] =>
  alarmChanges(prev, next)
    .filter((c) => c.to === 'ALARM')
    .map((c) => c.name);

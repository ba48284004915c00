// What "firing" and "changed" mean for alarms, once.
import type { Alarm } from '../model.js';

export const isFiring = (a: Alarm): boolean => a.state === 'ALARM';

/** Names of the alarms in ALARM, in the order given. */
export const firingNames = (alarms: readonly Alarm[]): string[] => alarms.filter(isFiring).map((a) => a.name);

/**
 * Changed state since T+0, by CloudWatch's own stateUpdatedAt: a change before shipwatch opened
 * counts as much as one seen while watching.
 */
export const changedSince = (a: Alarm, t0: number | undefined): boolean => t0 !== undefined && a.stateUpdatedAt >= t0;

export interface AlarmChange {
  name: string;
  from: Alarm['state'];
  to: Alarm['state'];
  reason: string;
  at: number;
}

/** State changes between two polls; none on the first poll (nothing was watched changing). */
export function alarmChanges(prev: readonly Alarm[] | undefined, next: readonly Alarm[]): AlarmChange[] {
  if (!prev) return [];
  const before = new Map(prev.map((a) => [a.name, a.state]));
  return next.flatMap((a) => {
    const from = before.get(a.name);
    return from !== undefined && from !== a.state
      ? [{ name: a.name, from, to: a.state, reason: a.reason, at: a.stateUpdatedAt }]
      : [];
  });
}

/** Names of alarms that went into ALARM between two polls. */
export const enteredAlarm = (prev: readonly Alarm[] | undefined, next: readonly Alarm[]): string[] =>
  alarmChanges(prev, next)
    .filter((c) => c.to === 'ALARM')
    .map((c) => c.name);

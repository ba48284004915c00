import type { Alarm } from './model.js';

/** Names of alarms that went into ALARM between two polls; none on the first poll (nothing was watched entering). */
export function enteredAlarm(prev: Alarm[] | undefined, next: Alarm[]): string[] {
  if (!prev) return [];
  const before = new Map(prev.map((a) => [a.name, a.state]));
  return next.filter((a) => a.state === 'ALARM' && before.has(a.name) && before.get(a.name) !== 'ALARM').map((a) => a.name);
}

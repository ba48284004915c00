import { describe, expect, it } from 'vitest';
import { enteredAlarm } from '../../src/domain/health/alarms.js';
import type { Alarm } from '../../src/domain/model.js';

const a = (name: string, state: Alarm['state']): Alarm => ({
  name,
  kind: 'metric',
  state,
  reason: '',
  stateUpdatedAt: 0,
});

describe('enteredAlarm', () => {
  it('names alarms that went into ALARM between two polls, once', () => {
    expect(enteredAlarm(undefined, [a('x', 'ALARM')])).toEqual([]);
    expect(enteredAlarm([a('x', 'OK'), a('y', 'INSUFFICIENT_DATA')], [a('x', 'ALARM'), a('y', 'ALARM')])).toEqual([
      'x',
      'y',
    ]);
    expect(enteredAlarm([a('x', 'ALARM')], [a('x', 'ALARM')])).toEqual([]);
    expect(enteredAlarm([a('x', 'OK')], [a('x', 'OK'), a('new', 'ALARM')])).toEqual([]);
  });
});

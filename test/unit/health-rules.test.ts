// The health rules (src/domain/health): each is defined once and every caller asks it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alarmChanges, changedSince, enteredAlarm, firingNames } from '../../src/domain/health/alarms.js';
import { isErrorLine, lineTone } from '../../src/domain/health/errorLines.js';
import { isRolling, isShort, isSteady, isSteadyOn, steadyDetail } from '../../src/domain/health/steady.js';
import { currentOf, overThreshold } from '../../src/domain/health/thresholds.js';
import { trackTransitions } from '../../src/app/reducers/rootReducer.js';
import type { Alarm, LogEvent, MetricSeries } from '../../src/domain/model.js';
import { service } from '../helpers/service.js';

const alarm = (name: string, state: Alarm['state'], at = 0): Alarm => ({
  name,
  kind: 'metric',
  state,
  reason: `${name} is ${state}`,
  stateUpdatedAt: at,
});
const line = (message: string, level: LogEvent['level'] = 'INFO'): LogEvent => ({
  id: message,
  timestamp: 0,
  stream: 's',
  message,
  level,
});

describe('steady', () => {
  const steady = service(42, [41, 42]);
  it('is one COMPLETED deployment with running = desired', () => {
    expect(isSteady(steady)).toBe(true);
    expect(isSteadyOn(steady, { family: steady.deployments[0]!.taskDefinition.family, revision: 42 })).toBe(true);
    expect(isSteadyOn(steady, { family: steady.deployments[0]!.taskDefinition.family, revision: 41 })).toBe(false);
    expect(steadyDetail(steady)).toMatch(/^1 deployment\(s\), PRIMARY COMPLETED, running (\d+)\/\1$/);
  });
  it('is not while rolling, short of tasks or failed', () => {
    const d = steady.deployments[0]!;
    const rolling = { ...steady, deployments: [{ ...d, rolloutState: 'IN_PROGRESS' as const }] };
    expect(isSteady(rolling)).toBe(false);
    expect(isRolling(rolling)).toBe(true);
    const two = { ...steady, deployments: [d, { ...d, id: 'old', status: 'ACTIVE' as const }] };
    expect(isSteady(two)).toBe(false);
    expect(isRolling(two)).toBe(true);
    const short = { ...steady, running: d.desired - 1, deployments: [{ ...d, running: d.desired - 1 }] };
    expect(isSteady(short)).toBe(false);
    expect(isShort(short)).toBe(true);
    expect(isShort(steady)).toBe(false);
  });
});

describe('alarms', () => {
  it('fires in ALARM only, and changed since T+0 by stateUpdatedAt', () => {
    expect(firingNames([alarm('a', 'ALARM'), alarm('b', 'OK'), alarm('c', 'INSUFFICIENT_DATA')])).toEqual(['a']);
    expect(changedSince(alarm('a', 'OK', 100), 100)).toBe(true);
    expect(changedSince(alarm('a', 'OK', 99), 100)).toBe(false);
    expect(changedSince(alarm('a', 'OK', 99), undefined)).toBe(false);
  });
  it('sees changes between polls, none on the first', () => {
    expect(alarmChanges(undefined, [alarm('a', 'ALARM')])).toEqual([]);
    expect(alarmChanges([alarm('a', 'OK')], [alarm('a', 'ALARM', 7)])).toEqual([
      { name: 'a', from: 'OK', to: 'ALARM', reason: 'a is ALARM', at: 7 },
    ]);
    expect(enteredAlarm([alarm('a', 'ALARM'), alarm('b', 'ALARM')], [alarm('a', 'OK'), alarm('b', 'ALARM')])).toEqual(
      [],
    );
  });
  it('marks alarms changed since T+0 on the first poll, and a new T+0 forgets older marks', () => {
    const first = trackTransitions(undefined, [alarm('late', 'ALARM', 150), alarm('early', 'OK', 50)], {}, 100);
    expect(first).toEqual({ late: 150 });
    const watched = trackTransitions([alarm('early', 'OK', 50)], [alarm('early', 'ALARM', 160)], first, 100);
    expect(watched).toEqual({ late: 150, early: 160 });
    expect(trackTransitions(undefined, [alarm('x', 'OK', 10)], watched, 155)).toEqual({ early: 160 });
  });
});

describe('error lines', () => {
  it('are ERROR-level lines or lines carrying ERROR, PANIC or FATAL as a word', () => {
    expect(isErrorLine(line('all fine', 'ERROR'))).toBe(true);
    expect(isErrorLine(line('panic: PANIC in handler'))).toBe(true);
    expect(isErrorLine(line('FATAL: out of memory'))).toBe(true);
    expect(isErrorLine(line('no ERRORS here'))).toBe(false);
    expect(isErrorLine(line('warn', 'WARN'))).toBe(false);
  });
  it('tone errors bad and warnings warn', () => {
    expect(lineTone(line('x PANIC y'))).toBe('bad');
    expect(lineTone(line('slow', 'WARN'))).toBe('warn');
    expect(lineTone(line('ok'))).toBeUndefined();
  });
});

describe('thresholds', () => {
  const m = (v: number, threshold?: number, current?: number): MetricSeries => ({
    id: 'p99',
    label: 'p99',
    unit: 'Milliseconds',
    points: [{ t: 0, v }],
    threshold,
    current,
  });
  it('judge the current value, else the newest point, against an upper bound', () => {
    expect(currentOf(m(3))).toBe(3);
    expect(currentOf(m(3, 5, 9))).toBe(9);
    expect(overThreshold(m(5, 5))).toBe(true);
    expect(overThreshold(m(4.9, 5))).toBe(false);
    expect(overThreshold(m(3, 5, 9))).toBe(true);
    expect(overThreshold(m(900))).toBe(false);
  });
});

// Each rule once: no file outside the health module writes its own version of these judgements.
describe('no second definition', () => {
  const RULES: [string, RegExp][] = [
    ['alarm firing', /\.state === 'ALARM'/],
    ['steady', /rolloutState === 'COMPLETED'/],
    ['error line', /ERROR\|PANIC|PANIC\|ERROR|includes\('PANIC'\)/],
  ];
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
  const src = files('src').filter(
    (f) => !f.startsWith(join('src', 'domain', 'health')) && !f.startsWith(join('src', 'adapters')),
  );
  it.each(RULES)('%s is defined only in src/domain/health', (_name, re) => {
    expect(src.filter((f) => re.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});

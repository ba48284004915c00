import { describe, expect, test } from 'vitest';
import { initialState, rootReducer } from '../../src/app/reducers/rootReducer.js';
import type { AppState } from '../../src/app/state.js';
import type { Action } from '../../src/app/actions.js';
import { keepInView } from '../../src/ui/keepInView.js';
import {
  cursorIndex,
  deploymentItems,
  findDetailRow,
  logRowId,
  openableRow,
  paneItems,
} from '../../src/ui/rowItems.js';
import type { Alarm, LogEvent } from '../../src/domain/model.js';
import { service } from '../helpers/service.js';

const alarm = (name: string, state: Alarm['state'], at: number): Alarm => ({
  name,
  kind: 'metric',
  state,
  reason: 'r',
  stateUpdatedAt: at,
});
const line = (i: number, level: LogEvent['level'] = 'INFO'): LogEvent => ({
  id: `l${i}`,
  timestamp: i,
  stream: 's',
  message: `m${i}`,
  level,
});

const apply = (s: AppState, ...actions: Action[]) => actions.reduce(rootReducer, s);

function loaded(): AppState {
  const snap = service(42, [41, 42]);
  snap.events = [
    { id: 'e2', createdAt: 2, message: 'b' },
    { id: 'e1', createdAt: 1, message: 'a' },
  ];
  return apply(
    initialState(),
    { type: 'source/loaded', source: 'service', data: snap, at: 1 },
    {
      type: 'source/loaded',
      source: 'alarms',
      data: [alarm('web-ok', 'OK', 5), alarm('web-bad', 'ALARM', 1), alarm('web-new-ok', 'OK', 9)],
      at: 1,
    },
    { type: 'logs/batch', events: [line(1), line(2, 'ERROR'), line(3)], at: 1 },
  );
}

describe('keepInView', () => {
  test('stays while the cursor is inside; moves just enough when it leaves; clamped to the list', () => {
    expect(keepInView(0, 3, 10, 4)).toBe(0);
    expect(keepInView(0, 4, 10, 4)).toBe(1);
    expect(keepInView(5, 4, 10, 4)).toBe(4);
    expect(keepInView(5, 7, 10, 4)).toBe(5);
    expect(keepInView(9, 9, 10, 4)).toBe(6);
    expect(keepInView(3, 0, 2, 4)).toBe(0);
  });
});

describe('row cursors', () => {
  test('pane items follow the panes: alarms ALARM first, deployments then events then stopped tasks', () => {
    const s = loaded();
    expect(paneItems(s, 'alarms')).toEqual(['web-bad', 'web-new-ok', 'web-ok']);
    expect(deploymentItems(s.service.data)).toEqual(['d:ecs-svc/42', 'e:e2', 'e:e1']);
    expect(paneItems(s, 'metrics')).toEqual([]);
  });

  test('the cursor keeps to its row by key as the list reorders, and falls back to its place when it goes', () => {
    const items = ['a', 'b', 'c'];
    expect(cursorIndex(undefined, items)).toBe(0);
    expect(cursorIndex({ key: 'c', index: 0 }, items)).toBe(2);
    expect(cursorIndex({ key: 'gone', index: 1 }, items)).toBe(1);
    expect(cursorIndex({ key: 'gone', index: 9 }, items)).toBe(2);
    expect(cursorIndex({ key: 'gone', index: 9 }, [])).toBe(0);
  });

  test('Enter opens the cursor row; Rollout its primary deployment; Logs the line scrollBack above the newest', () => {
    let s = loaded();
    expect(openableRow(s, 'alarms')).toEqual({ pane: 'alarms', key: 'web-bad' });
    s = apply(s, { type: 'ui/cursor', pane: 'alarms', key: 'web-ok', index: 2 });
    expect(openableRow(s, 'alarms')).toEqual({ pane: 'alarms', key: 'web-ok' });
    expect(openableRow(s, 'rollout')).toEqual({ pane: 'rollout', key: 'd:ecs-svc/42' });
    expect(logRowId(s)).toBe('l3');
    s = apply(s, { type: 'logs/scroll', delta: -1 });
    expect(openableRow(s, 'logs')).toEqual({ pane: 'logs', key: 'l2' });
    s = apply(s, { type: 'logs/toggleErrorsOnly' });
    expect(logRowId(s)).toBe('l2');
    expect(openableRow(s, 'cost')).toBeUndefined();
  });

  test('findDetailRow finds each kind again, and nothing for a row that went', () => {
    const s = loaded();
    const src = { alarms: s.alarms.data, service: s.service.data, lines: s.logs.lines };
    expect(findDetailRow(src, { pane: 'alarms', key: 'web-ok' })?.kind).toBe('alarm');
    expect(findDetailRow(src, { pane: 'deployments', key: 'd:ecs-svc/42' })?.kind).toBe('deployment');
    expect(findDetailRow(src, { pane: 'deployments', key: 'e:e1' })).toEqual({
      kind: 'event',
      event: { id: 'e1', createdAt: 1, message: 'a' },
    });
    expect(findDetailRow(src, { pane: 'logs', key: 'l2' })).toEqual({ kind: 'log', line: line(2, 'ERROR') });
    expect(findDetailRow(src, { pane: 'deployments', key: 't:arn:gone' })).toBeUndefined();
    expect(findDetailRow({ lines: [] }, { pane: 'alarms', key: 'web-ok' })).toBeUndefined();
  });
});

describe('ui reducer: the detail overlay and its paging', () => {
  test('ui/detail opens it on a row at the top; closing forgets the row', () => {
    let s = apply(initialState(), { type: 'ui/outputScroll', delta: 4 });
    s = apply(s, { type: 'ui/detail', row: { pane: 'alarms', key: 'a' } });
    expect(s.ui).toMatchObject({ overlay: 'detail', detail: { pane: 'alarms', key: 'a' }, outputScroll: 0 });
    s = apply(s, { type: 'ui/overlay', overlay: 'none' });
    expect(s.ui.detail).toBeUndefined();
  });

  test('scrolling is clamped to what the view drew; Home and End are the ends; before the view reports, unclamped', () => {
    let s = apply(initialState(), { type: 'ui/detail', row: { pane: 'alarms', key: 'a' } });
    s = apply(s, { type: 'ui/outputScroll', delta: 50 });
    expect(s.ui.outputScroll).toBe(50);
    s = apply(s, { type: 'ui/outputView', page: 10, max: 12 });
    expect(s.ui).toMatchObject({ outputScroll: 12, outputPage: 10, outputMax: 12 });
    s = apply(s, { type: 'ui/outputScroll', delta: -Infinity });
    expect(s.ui.outputScroll).toBe(0);
    s = apply(s, { type: 'ui/outputScroll', delta: Infinity });
    expect(s.ui.outputScroll).toBe(12);
    s = apply(s, { type: 'ui/outputScroll', delta: -1 });
    expect(s.ui.outputScroll).toBe(11);
    // The same report again changes nothing, so nothing redraws.
    expect(apply(s, { type: 'ui/outputView', page: 10, max: 12 })).toBe(s);
    // A new view starts unclamped until it reports what it drew.
    s = apply(s, { type: 'ui/overlay', overlay: 'timeline' });
    expect(s.ui.outputMax).toBeUndefined();
  });
});

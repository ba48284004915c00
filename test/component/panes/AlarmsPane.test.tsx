import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { AlarmsPane, countLine } from '../../../src/ui/panes/AlarmsPane.js';
import type { Alarm } from '../../../src/domain/model.js';
import type { Slice } from '../../../src/app/state.js';
import { MIN, NOW, alarm, expectFits, failed, loading, ok, rowsOf } from './fixtures.js';

const frame = (alarms: Slice<Alarm[]>, transitions: Record<string, number> = {}, width = 70, height = 6, cursor = 0) =>
  render(
    <AlarmsPane alarms={alarms} transitions={transitions} now={NOW} width={width} height={height} cursor={cursor} />,
  ).lastFrame();

const set = [
  alarm('web-p99', 'OK', 60 * MIN),
  alarm('web-cpu', 'INSUFFICIENT_DATA', 5 * MIN, 'Insufficient Data: 1 datapoint was unknown.'),
  alarm('web-mem', 'OK', 2 * MIN),
  alarm('web-5xx-rate', 'ALARM', 2 * MIN, 'Threshold Crossed: 1 datapoint [2.3] was greater than the threshold (1.0).'),
];

describe('AlarmsPane', () => {
  test('ALARM first, then INSUFFICIENT_DATA, then OK (newest first); transitions marked *; the shared web- said once', () => {
    const f = frame(ok(set), { 'web-5xx-rate': NOW - 2 * MIN });
    expect(rowsOf(f)).toEqual([
      '1 ALARM · 1 INSUFFICIENT_DATA · 2 OK · web-…',
      'ALARM *5xx-rate 2m ago     Threshold Crossed: 1 datapoint [2.3] was g…',
      'INSUF  cpu      5m ago     Insufficient Data: 1 datapoint was unknown.',
      'OK     mem      2m ago     Threshold Crossed',
      'OK     p99      1h00m ago  Threshold Crossed',
      '',
    ]);
    expectFits(f, 70, 6);
  });

  test('the name column is capped so the reason keeps room', () => {
    const long = alarm('prod-web-TargetResponseTime-p99-over-500ms-for-3-periods', 'ALARM');
    expect(rowsOf(frame(ok([long]), {}, 40, 2))[1]).toBe('ALARM  prod-web-Targe… 5m ago     Thres…');
  });

  test('the list scrolls to keep the cursor in view under a fixed count line, clamped', () => {
    expect(rowsOf(frame(ok(set), {}, 70, 3, 2))).toEqual([
      '1 ALARM · 1 INSUFFICIENT_DATA · 2 OK · web-…',
      'INSUF  cpu      5m ago     Insufficient Data: 1 datapoint was unknown.',
      'OK     mem      2m ago     Threshold Crossed',
    ]);
    expect(rowsOf(frame(ok(set), {}, 70, 3, 50))[2]).toBe('OK     p99      1h00m ago  Threshold Crossed');
  });

  test('with a mark: a gutter, the marker on the cursor row while focused, blank when not', () => {
    const marked = (focused: boolean, cursor: number) =>
      rowsOf(
        render(
          <AlarmsPane
            alarms={ok(set)}
            transitions={{}}
            now={NOW}
            width={40}
            height={5}
            cursor={cursor}
            mark={{ focused, ascii: true }}
          />,
        ).lastFrame(),
      );
    expect(marked(true, 1).slice(0, 3)).toEqual([
      ' 1 ALARM · 1 INSUFFICIENT_DATA · 2 OK ·…',
      ' ALARM  5xx-rate 2m ago     Threshold C…',
      '>INSUF  cpu      5m ago     Insufficien…',
    ]);
    expect(marked(false, 1)[2]).toBe(' INSUF  cpu      5m ago     Insufficien…');
  });

  test('a cursor moved within the window leaves it still; past its edge, the window moves one row', () => {
    const pane = (cursor: number) => (
      <AlarmsPane alarms={ok(set)} transitions={{}} now={NOW} width={70} height={3} cursor={cursor} />
    );
    const r = render(pane(0));
    const first = () => rowsOf(r.lastFrame())[1]!.split(/\s+/)[1];
    expect(first()).toBe('5xx-rate');
    r.rerender(pane(1));
    expect(first()).toBe('5xx-rate');
    r.rerender(pane(2));
    expect(first()).toBe('cpu');
    r.rerender(pane(1));
    expect(first()).toBe('cpu');
    r.rerender(pane(0));
    expect(first()).toBe('5xx-rate');
  });

  test('count line lists only states present', () => {
    expect(countLine([alarm('a', 'ALARM'), alarm('b', 'OK'), alarm('c', 'OK'), alarm('d', 'OK')])).toBe(
      '1 ALARM · 3 OK',
    );
    expect(countLine([])).toBe('no alarms');
  });

  test('empty, loading and error states', () => {
    expect(rowsOf(frame(ok([]), {}, 30, 1))).toEqual(['no alarms']);
    expect(rowsOf(frame(loading(), {}, 30, 1))).toEqual(['loading…']);
    expect(rowsOf(frame(failed('AccessDenied: cloudwatch:DescribeAlarms'), {}, 30, 1))).toEqual([
      'error: AccessDenied: cloudwat…',
    ]);
  });
});

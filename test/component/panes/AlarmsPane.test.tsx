import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { AlarmsPane, countLine } from '../../../src/ui/panes/AlarmsPane.js';
import type { Alarm } from '../../../src/domain/model.js';
import type { Slice } from '../../../src/app/state.js';
import { MIN, NOW, alarm, expectFits, failed, loading, ok, rowsOf } from './fixtures.js';

const frame = (alarms: Slice<Alarm[]>, transitions: Record<string, number> = {}, width = 70, height = 6, scroll = 0) =>
  render(
    <AlarmsPane alarms={alarms} transitions={transitions} now={NOW} width={width} height={height} scroll={scroll} />,
  ).lastFrame();

const set = [
  alarm('web-p99', 'OK', 60 * MIN),
  alarm('web-cpu', 'INSUFFICIENT_DATA', 5 * MIN, 'Insufficient Data: 1 datapoint was unknown.'),
  alarm('web-mem', 'OK', 2 * MIN),
  alarm('web-5xx-rate', 'ALARM', 2 * MIN, 'Threshold Crossed: 1 datapoint [2.3] was greater than the threshold (1.0).'),
];

describe('AlarmsPane', () => {
  test('ALARM first, then INSUFFICIENT_DATA, then OK (newest first); transitions marked *', () => {
    const f = frame(ok(set), { 'web-5xx-rate': NOW - 2 * MIN });
    expect(rowsOf(f)).toEqual([
      '1 ALARM · 1 INSUFFICIENT_DATA · 2 OK',
      'ALARM *web-5xx-rate 2m ago     Threshold Crossed: 1 datapoint [2.3] w…',
      'INSUF  web-cpu      5m ago     Insufficient Data: 1 datapoint was unk…',
      'OK     web-mem      2m ago     Threshold Crossed',
      'OK     web-p99      1h00m ago  Threshold Crossed',
      '',
    ]);
    expectFits(f, 70, 6);
  });

  test('the name column is capped so the reason keeps room', () => {
    const long = alarm('prod-web-TargetResponseTime-p99-over-500ms-for-3-periods', 'ALARM');
    expect(rowsOf(frame(ok([long]), {}, 40, 2))[1]).toBe('ALARM  prod-web-Targe… 5m ago     Thres…');
  });

  test('scroll moves the list under a fixed count line, clamped', () => {
    expect(rowsOf(frame(ok(set), {}, 70, 3, 1))).toEqual([
      '1 ALARM · 1 INSUFFICIENT_DATA · 2 OK',
      'INSUF  web-cpu      5m ago     Insufficient Data: 1 datapoint was unk…',
      'OK     web-mem      2m ago     Threshold Crossed',
    ]);
    expect(rowsOf(frame(ok(set), {}, 70, 3, 50))[2]).toBe('OK     web-p99      1h00m ago  Threshold Crossed');
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

import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { MetricsPane } from '../../../src/ui/panes/MetricsPane.js';
import type { MetricSeries } from '../../../src/domain/model.js';
import type { Slice } from '../../../src/app/state.js';
import { expectFits, failed, loading, ok, rowsOf, series } from './fixtures.js';

const frame = (metrics: Slice<MetricSeries[]>, width = 60, height = 4, ascii = false) =>
  render(<MetricsPane metrics={metrics} width={width} height={height} ascii={ascii} />).lastFrame();

const pts = (...vs: number[]) => vs.map((v, i) => ({ t: i, v }));
const p99 = series({
  id: 'p99',
  label: 'p99',
  unit: 'ms',
  points: pts(400, 410, 600, 640),
  current: 640,
  threshold: 500,
  baseline: 400,
});
const cpu = series({
  id: 'cpu',
  label: 'CPU',
  unit: 'Percent',
  points: pts(20, 22, 21, 23.4),
  threshold: 30,
  baseline: 20,
});
const req = series({ id: 'req', label: 'requests', unit: 'Count', points: pts(1200, 1300, 1250, 1280) });

describe('MetricsPane', () => {
  test('label, sparkline filling the spare width, value, threshold, baseline; over threshold marked !', () => {
    const f = frame(ok([p99, cpu, req]), 50, 4);
    expect(rowsOf(f)).toEqual([
      '! p99                ▁▁▇█ 640 ms  < 500  1.6x base',
      '  CPU                ▁▅▃█  23.4%  < 30   1.2x base',
      '  requests           ▁█▅▇   1280',
      '',
    ]);
    expectFits(f, 50, 4);
  });

  // The pane says `< 5`, and metric-below fails at 5: at the threshold is over, one rule for both.
  test('current falls back to the newest point; at the threshold is over, just under it is not', () => {
    const at = series({ id: 'x', label: 'x', points: pts(1, 5), threshold: 5 });
    expect(rowsOf(frame(ok([at]), 20, 1))).toEqual(['! x        ▁█ 5  < 5']);
    const under = series({ id: 'x', label: 'x', points: pts(1, 4.9), threshold: 5 });
    expect(rowsOf(frame(ok([under]), 20, 1))[0]).toMatch(/^ {2}x/);
  });

  test('too narrow for a sparkline: the numbers keep the row', () => {
    const f = frame(ok([p99]), 30, 1);
    expect(rowsOf(f)).toEqual(['! p99 640 ms  < 500  1.6x base']);
  });

  test('one row per series, clipped to height; ASCII sparkline', () => {
    const f = frame(ok([p99, cpu, req]), 40, 2, true);
    expect(rowsOf(f)).toEqual(['! p99      __*# 640 ms  < 500  1.6x base', '  CPU      _+-#  23.4%  < 30   1.2x base']);
  });

  // A service behind two target groups has a p99 for each: labelled by group, less the start both share.
  test('series of several target groups are told apart by the group, cut where they differ', () => {
    const of = (group: string) =>
      series({ id: `p99@${group}`, label: 'p99', unit: 'ms', points: pts(400, 410), targetGroup: group });
    const f = frame(ok([cpu, of('shop-prod-api-eu'), of('shop-prod-checkout-eu')]), 50, 3);
    expect(rowsOf(f).map((r) => r.slice(0, 18))).toEqual([
      '  CPU             ',
      '  p99 api-eu      ',
      '  p99 checkout-eu ',
    ]);
    // No separator to cut the shared start at: the label loses its middle, not the end that differs.
    const cut = rowsOf(frame(ok([of('checkoutservice1'), of('checkoutservice2')]), 50, 2));
    expect(cut.map((r) => r.slice(2, 18))).toEqual(['p99 c…utservice1', 'p99 c…utservice2']);
  });

  test('empty, loading, error', () => {
    expect(rowsOf(frame(ok([]), 30, 1))).toEqual(['no metrics configured']);
    expect(rowsOf(frame(loading(), 30, 1))).toEqual(['loading…']);
    expect(rowsOf(frame(failed('GetMetricData: Throttling'), 40, 1))).toEqual(['error: GetMetricData: Throttling']);
  });
});

import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { CostPane, topServices } from '../../../src/ui/panes/CostPane.js';
import type { CostSummary } from '../../../src/domain/model.js';
import type { Slice } from '../../../src/app/state.js';
import { costSummary, expectFits, failed, loading, ok, rowsOf } from './fixtures.js';

const frame = (cost: Slice<CostSummary>, width = 60, height = 10, ascii = false) =>
  render(<CostPane cost={cost} width={width} height={height} ascii={ascii} />).lastFrame();

describe('CostPane', () => {
  test('today against the range, month and forecast, top services, a bar per day scaled to the max', () => {
    const f = frame(ok(costSummary()), 70, 10);
    expect(rowsOf(f)).toEqual([
      '$1.62 today · expected $1.50–2.00 OK',
      'month $27.30 · forecast $55.10',
      'top 7d Elastic Container Service $8.20 · AmazonCloudWatch $2.80 · Sec…',
      '01-09 ██████████████████████   $1.80',
      '01-10 ██████████████████████   $1.80',
      '01-11 ██████████████████████   $1.80',
      '01-12 ██████████████████████   $1.80',
      '01-13 ██████████████████████   $1.80',
      '01-14 ██████████████████████   $1.80',
      '01-15 ███████████████████      $1.62',
    ]);
    expectFits(f, 70, 10);
  });

  test('over the expected maximum: OVER today, ! on the day, ASCII bars', () => {
    const c = costSummary();
    const days = c.days.map((d, i) => (i === 6 ? { ...d, total: 2.4 } : i === 5 ? { ...d, total: 3.0 } : d));
    expect(rowsOf(frame(ok({ ...c, days }), 40, 6, true))).toEqual([
      '$2.40 today · expected $1.50-2.00 OVER',
      'month $27.30 · forecast $55.10',
      'top 7d Elastic Container Service $8.20 …',
      '01-13 ##############           $1.80',
      '01-14 ######################## $3.00 !',
      '01-15 ###################      $2.40 !',
    ]);
  });

  test('short pane: the newest days stay, the oldest go', () => {
    const rows = rowsOf(frame(ok(costSummary()), 50, 5));
    expect(rows).toHaveLength(5);
    expect(rows.slice(3).map((r) => r.slice(0, 5))).toEqual(['01-14', '01-15']);
  });

  test('no expected range: no verdict; no forecast: none shown', () => {
    const rows = rowsOf(frame(ok(costSummary({ expectedDaily: undefined, forecastMonth: undefined })), 50, 2));
    expect(rows).toEqual(['$1.62 today', 'month $27.30']);
  });

  test('top services are summed over the days, largest first', () => {
    expect(topServices(costSummary().days, 2).map((t) => [t.service, t.amount.toFixed(2)])).toEqual([
      ['Amazon Elastic Container Service', '8.20'],
      ['AmazonCloudWatch', '2.80'],
    ]);
  });

  test('loading and error', () => {
    expect(rowsOf(frame(loading(), 20, 1))).toEqual(['loading…']);
    expect(rowsOf(frame(failed('ce:GetCostAndUsage AccessDenied'), 50, 1))).toEqual([
      'error: ce:GetCostAndUsage AccessDenied',
    ]);
  });
});

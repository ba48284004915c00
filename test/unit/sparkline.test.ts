import { expect, test } from 'vitest';
import { sparkline } from '../../src/ui/sparklineText.js';

test('scales min..max onto the eight blocks', () => {
  expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe('▁▂▃▄▅▆▇█');
});

test('always exactly width columns, newest value in the last one', () => {
  expect(sparkline([1, 5], 5)).toBe('   ▁█');
  expect(sparkline([], 3)).toBe('   ');
  expect(sparkline([1, 2], 0)).toBe('');
});

test('buckets by maximum so a one-sample spike survives downsampling', () => {
  const values = Array.from({ length: 100 }, (_, i) => (i === 37 ? 50 : 1));
  const line = sparkline(values, 10);
  expect(line).toHaveLength(10);
  expect(line).toBe('▁▁▁█▁▁▁▁▁▁');
});

test('a flat series draws the lowest block rather than dividing by zero', () => {
  expect(sparkline([3, 3, 3], 3)).toBe('▁▁▁');
});

test('gaps (NaN) draw as spaces and do not skew the scale', () => {
  expect(sparkline([0, NaN, 7], 3)).toBe('▁ █');
});

test('ASCII variant for terminals without Unicode', () => {
  expect(sparkline([0, 1, 2, 3, 4, 5, 6], 7, true)).toBe('_.-=+*#');
});

import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { expect, test } from 'vitest';
import { Pane, innerSize } from '../../../src/ui/Pane.js';
import { expectFits, rowsOf } from './fixtures.js';

test('innerSize leaves the border', () => {
  expect(innerSize(40, 10)).toEqual({ width: 38, height: 8 });
  expect(innerSize(1, 1)).toEqual({ width: 0, height: 0 });
});

test('title on the top border, exactly width x height', () => {
  const { lastFrame } = render(
    <Pane title="Logs" index={6} focused={false} width={20} height={4} ascii={false}>
      <Text>hi</Text>
    </Pane>,
  );
  expect(rowsOf(lastFrame())).toEqual([
    '╭─ [6] Logs ───────╮',
    '│hi                │',
    '│                  │',
    '╰──────────────────╯',
  ]);
});

test('focus shows as a marker that survives no colour, ASCII border when asked', () => {
  const { lastFrame } = render(<Pane title="Logs" index={6} focused width={20} height={3} ascii />);
  expect(rowsOf(lastFrame())).toEqual(['+> [6] Logs -------+', '|                  |', '+------------------+']);
});

test('stale text sits on the title line and is cut to fit', () => {
  const { lastFrame } = render(
    <Pane
      title="Alarms"
      index={3}
      focused={false}
      width={40}
      height={3}
      ascii={false}
      stale="45s: Rate exceeded for DescribeAlarms"
    />,
  );
  const [top] = rowsOf(lastFrame());
  expect(top).toBe('╭─ [3] Alarms stale 45s: Rate exceede… ╮');
  expectFits(lastFrame(), 40, 3);
});

test('content taller than the box is clipped, not allowed to grow it', () => {
  const { lastFrame } = render(
    <Pane title="X" index={1} focused={false} width={12} height={4} ascii>
      {['a', 'b', 'c', 'd', 'e'].map((t) => (
        <Text key={t}>{t}</Text>
      ))}
    </Pane>,
  );
  expect(rowsOf(lastFrame())).toEqual(['+- [1] X --+', '|a         |', '|b         |', '+----------+']);
});

import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/ui/layout.js';

describe('layout', () => {
  it('is too small below 80x24', () => {
    expect(computeLayout(79, 40).mode).toBe('too-small');
    expect(computeLayout(200, 23).mode).toBe('too-small');
  });

  it('shows one pane from 80x24 up to the grid size, with a frame one row shorter than the terminal', () => {
    const l = computeLayout(80, 24);
    expect(l).toMatchObject({ mode: 'single', frame: { width: 80, height: 23 }, body: { height: 20 } });
    expect(computeLayout(119, 50).mode).toBe('single');
    expect(computeLayout(150, 35).mode).toBe('single');
  });

  it('tiles all seven panes at 120x36 and larger, filling the body exactly', () => {
    for (const [c, r] of [
      [120, 36],
      [200, 60],
    ] as const) {
      const l = computeLayout(c, r);
      if (l.mode !== 'grid') throw new Error('expected grid');
      expect(l.frame.height).toBe(r - 1);
      expect(l.rows.reduce((n, row) => n + row.height, 0)).toBe(l.body.height);
      for (const row of l.rows) expect(row.panes.reduce((n, p) => n + p.width, 0)).toBe(c);
      expect(l.rows.flatMap((row) => row.panes.map((p) => p.id)).sort()).toEqual([
        'alarms',
        'checklist',
        'cost',
        'deployments',
        'logs',
        'metrics',
        'rollout',
      ]);
    }
  });
});

// The config's `verdict:` block: merged onto the defaults, one clear line when it is wrong.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { resolveVerdict } from '../../src/config/verdictSchema.js';
import { DEFAULT_RULES } from '../../src/domain/health/releaseVerdict.js';
import { DEFAULT_VERDICT_SETTINGS } from '../../src/domain/health/metricVerdict.js';

const plan = (yaml: string) => resolveVerdict(parseConfig(yaml, 'ship.yaml').verdict, 'ship.yaml');

describe('verdict config', () => {
  it('is the defaults when absent', () => {
    expect(resolveVerdict(undefined)).toEqual({ rules: DEFAULT_RULES, settings: DEFAULT_VERDICT_SETTINGS });
  });

  it('changes one field of a default rule, drops an ignored series, adds an extra with its direction', () => {
    const p = plan(
      [
        'verdict:',
        '  confidence: 0.95',
        '  metrics:',
        '    p99: { tolerance: 0.5 }',
        '    cpu: { ignore: true }',
        '    x0: { direction: increase, critical: true, minPoints: 10 }',
      ].join('\n'),
    );
    expect(p.settings).toEqual({ ...DEFAULT_VERDICT_SETTINGS, confidence: 0.95 });
    const p99 = DEFAULT_RULES.find((r) => r.id === 'p99')!;
    expect(p.rules.find((r) => r.id === 'p99')).toEqual({ ...p99, tolerance: 0.5 });
    expect(p.rules.some((r) => r.id === 'cpu')).toBe(false);
    expect(p.rules.find((r) => r.id === 'x0')).toEqual({
      id: 'x0',
      direction: 'increase',
      critical: true,
      tolerance: 0.25,
      minEffect: undefined,
      minPoints: 10,
    });
  });

  it('names the key that is wrong', () => {
    expect(() => plan('verdict: { metrics: { x0: { critical: true } } }')).toThrow(
      'ship.yaml: verdict.metrics.x0 needs a direction (increase, decrease or either: which change is bad)',
    );
    expect(() => plan('verdict: { passScore: 60, marginalScore: 80 }')).toThrow(
      /marginalScore \(80\) must not be above passScore \(60\)/,
    );
    expect(() => plan('verdict: { confidence: 2 }')).toThrow(/verdict\.confidence/);
    expect(() => plan('verdict: { metrics: { p99: { direction: up } } }')).toThrow(/verdict\.metrics\.p99\.direction/);
    expect(() => plan('verdict: { colour: red }')).toThrow(/colour/);
    // Not read by any backend yet: refused rather than silently judging nothing.
    expect(() => plan('verdict: { baselines: [day] }')).toThrow(/baselines/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/flags.js';
import { parseConfig } from '../../src/config/load.js';
import { AWS_INTERVALS, DEMO_INTERVALS, resolveSettings } from '../../src/config/settings.js';

const opts = (...argv: string[]) => {
  const r = parseArgs(argv, '0');
  if (!('options' in r)) throw new Error('no options');
  return r.options;
};
const cfg = (yaml: string) => parseConfig(yaml, 'ship.yaml');

describe('settings', () => {
  it('is the demo by default, and says so', () => {
    expect(resolveSettings(opts(), {})).toMatchObject({
      mode: 'demo',
      demoByDefault: true,
      intervals: DEMO_INTERVALS,
      readOnly: false,
      bell: true,
      logBuffer: 10_000,
    });
    expect(resolveSettings(opts('--demo'), {})).toMatchObject({ mode: 'demo', demoByDefault: false });
  });

  it('watches AWS when the config or the flags name the target; flags win', () => {
    const c = cfg(
      'cluster: prod\nservice: web\nregion: eu-west-1\nreadOnly: true\nintervals: { logs: 2s }\nwatchWindow: 90m\n',
    );
    const s = resolveSettings(opts('--region', 'us-west-2'), c, 'ship.yaml');
    expect(s).toMatchObject({
      mode: 'aws',
      aws: { cluster: 'prod', service: 'web', region: 'us-west-2', alarms: { prefix: 'web' } },
      readOnly: true,
      watchWindowMs: 5_400_000,
    });
    expect(s.intervals).toEqual({ ...AWS_INTERVALS, logs: 2000 });
    expect(resolveSettings(opts('--cluster', 'a', '--service', 'b', '--no-bell'), {}).bell).toBe(false);
    expect(
      resolveSettings(opts('--cluster', 'a', '--service', 'b'), cfg('alarms: { names: [x] }')).aws?.alarms,
    ).toEqual({ prefix: undefined, names: ['x'] });
  });

  it('runbook: a flag path stays as given, a config path is relative to the config file; --fill over fill:', () => {
    const c = cfg('runbook: docs/release.md\nfill: { v1.X.Y: v1.0.0, <cluster>: prod }\n');
    const s = resolveSettings(opts('--fill', 'v1.X.Y=v1.4.2', '--fill', 'TOKEN=x'), c, '/etc/shipwatch/ship.yaml');
    expect(s.runbook).toBe('/etc/shipwatch/docs/release.md');
    expect(s.fills).toEqual({ 'v1.X.Y': 'v1.4.2', '<cluster>': 'prod', TOKEN: 'x' });
    expect(resolveSettings(opts('--runbook', 'rb.md'), c, '/etc/shipwatch/ship.yaml').runbook).toBe('rb.md');
    expect(() => resolveSettings(opts('--fill', 'nothing'), {})).toThrow('--fill: expected PLACEHOLDER=value');
  });

  it('thresholds from the config reach the metrics and the default p99 check', async () => {
    const s = resolveSettings(
      opts(),
      cfg('cluster: prod\nservice: web\nthresholds: { p99: 800, cpu: 60 }\n'),
      'ship.yaml',
    );
    expect(s.aws?.thresholds).toEqual({ p99: 800, cpu: 60 });
    const { resolveChecklist } = await import('../../src/cli/checklistSources.js');
    expect(resolveChecklist(s).steps.find((x) => x.id === 'p99')).toMatchObject({
      title: 'p99 latency under 800 ms',
      params: { metric: 'p99', below: 800 },
    });
    expect(() => cfg('thresholds: { latency: 3 }\n')).toThrow(/thresholds/);
  });

  it('names what is missing', () => {
    expect(() => resolveSettings(opts('--cluster', 'prod'), {})).toThrow(
      '--service is required with --cluster: which service in prod?',
    );
    expect(() => resolveSettings(opts(), cfg('service: web\n'), 'ship.yaml')).toThrow(
      '--cluster is required with --service (or ship.yaml)',
    );
    expect(() => resolveSettings(opts('--demo', '--cluster', 'x'), {})).toThrow(/exclude each other/);
  });

  it('numbers checklist steps from the config', () => {
    const s = resolveSettings(
      opts(),
      cfg('checklist:\n  - { title: Steady, kind: ecs-steady }\n  - { id: a, title: Alarms, kind: alarms-ok }\n'),
    );
    expect(s.checklist?.map((x) => x.id)).toEqual(['step-1', 'a']);
  });
});

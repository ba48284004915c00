import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';

const bad = (text: string, pattern: RegExp) => expect(() => parseConfig(text, 'ship.yaml')).toThrow(pattern);

describe('config file', () => {
  it('reads every key, with durations in any unit', () => {
    const c = parseConfig(
      [
        'cluster: prod',
        'service: web',
        'region: eu-west-1',
        'alarms: { prefix: web-, names: [db-cpu] }',
        'expectedDailyCost: { min: 1.5, max: 2 }',
        'watchWindow: 90m',
        'intervals: { service: 5s, logs: 1, cost: 1h }',
        'metrics:',
        '  - { label: Queue, namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible, dimensions: { QueueName: jobs }, stat: Maximum, threshold: 100 }',
        'checklist:',
        '  - { title: Steady, kind: ecs-steady, phase: deploy }',
      ].join('\n'),
      'ship.yaml',
    );
    expect(c).toMatchObject({ cluster: 'prod', region: 'eu-west-1', alarms: { prefix: 'web-', names: ['db-cpu'] }, watchWindow: 5_400_000 });
    expect(c.intervals).toEqual({ service: 5000, logs: 1000, cost: 3_600_000 });
    expect(c.metrics?.[0]).toMatchObject({ namespace: 'AWS/SQS', stat: 'Maximum', threshold: 100, unit: '' });
    expect(c.checklist?.[0]).toEqual({ title: 'Steady', kind: 'ecs-steady', phase: 'deploy' });
  });

  it('names the file, the line and what is wrong', () => {
    bad('cluster: prod\nservice: web\nintervals:\n  logs: soon\n', /^ship\.yaml:4: intervals\.logs: "soon" is not a duration/);
    bad('cluster: prod\nservce: web\n', /^ship\.yaml:1: \(top level\): .*\(servce\)/);
    bad('expectedDailyCost: { min: 3, max: 2 }\n', /^ship\.yaml:1: expectedDailyCost: min must not be above max/);
    bad('checklist:\n  - title: x\n    kind: telepathy\n', /^ship\.yaml:3: checklist\.0\.kind: /);
    bad('cluster: [unclosed\n', /^ship\.yaml:\d+: not valid YAML/);
  });

  it('uses ./shipwatch.yaml when present, and says when --config cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-'));
    expect(loadConfig(undefined, dir)).toEqual({ config: {} });
    writeFileSync(join(dir, 'shipwatch.yaml'), 'service: api\n');
    expect(loadConfig(undefined, dir)).toEqual({ config: { service: 'api' }, file: 'shipwatch.yaml' });
    expect(() => loadConfig('missing.yaml', dir)).toThrow('missing.yaml: cannot read the config file (no such file)');
  });
});

describe('the README', () => {
  it('shows a config example that loads', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```yaml\n(# shipwatch\.yaml[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const c = parseConfig(block!, 'README.md');
    expect(c).toMatchObject({ cluster: 'prod', service: 'web', liveTail: true, intervals: { logs: 1000, cost: 3_600_000 } });
    expect(c.checklist).toHaveLength(5);
  });
});

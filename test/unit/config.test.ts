import { mkdtempSync, readFileSync } from 'node:fs';
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
    expect(c).toMatchObject({
      cluster: 'prod',
      region: 'eu-west-1',
      alarms: { prefix: 'web-', names: ['db-cpu'] },
      watchWindow: 5_400_000,
    });
    expect(c.intervals).toEqual({ service: 5000, logs: 1000, cost: 3_600_000 });
    expect(c.metrics?.[0]).toMatchObject({ namespace: 'AWS/SQS', stat: 'Maximum', threshold: 100, unit: '' });
    expect(c.checklist?.[0]).toEqual({ title: 'Steady', kind: 'ecs-steady', phase: 'deploy' });
  });

  it('names the file, the line and what is wrong', () => {
    bad(
      'cluster: prod\nservice: web\nintervals:\n  logs: soon\n',
      /^ship\.yaml:4: intervals\.logs: "soon" is not a duration/,
    );
    bad('cluster: prod\nservce: web\n', /^ship\.yaml:1: \(top level\): .*\(servce\)/);
    bad('expectedDailyCost: { min: 3, max: 2 }\n', /^ship\.yaml:1: expectedDailyCost: min must not be above max/);
    bad('checklist:\n  - title: x\n    kind: telepathy\n', /^ship\.yaml:3: checklist\.0\.kind: /);
    bad('cluster: [unclosed\n', /^ship\.yaml:\d+: not valid YAML/);
  });

  it('says when --config cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipwatch-'));
    expect(() => loadConfig('missing.yaml', dir)).toThrow('missing.yaml: cannot read the config file (no such file)');
  });
});

describe('the README', () => {
  it('shows a config example that loads', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```yaml\n(# shipwatch\.yaml[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const c = parseConfig(block!, 'README.md');
    expect(c).toMatchObject({
      cluster: 'prod',
      service: 'web',
      liveTail: false,
      intervals: { logs: 1000, cost: 3_600_000 },
    });
    expect(c.checklist).toHaveLength(10);
  });
});

describe('checklist steps in the config', () => {
  it('maps http, command and built-in steps to what the runners take', async () => {
    const { resolveSettings } = await import('../../src/config/settings.js');
    const { parseArgs } = await import('../../src/cli/flags.js');
    const c = parseConfig(
      [
        'checklist:',
        "  - { title: Health, kind: http, url: 'http://127.0.0.1:8080/health', timeout: 3s, expect: { status: 200, json: { status: healthy }, listContains: { networks: [base] } } }",
        "  - { id: v, title: Validate, kind: command, phase: pre, run: 'bash v.sh', expect: { output: 'ok', exitCode: 0 } }",
        '  - { title: Soak, kind: wait, params: { minutes: 10 } }',
      ].join('\n'),
      'ship.yaml',
    );
    const parsed = parseArgs([], '0');
    if (!('options' in parsed)) throw new Error('no options');
    const steps = resolveSettings(parsed.options, c).checklist!;
    expect(steps[0]).toEqual({
      id: 'step-1',
      title: 'Health',
      phase: 'post',
      kind: 'http',
      http: {
        method: 'GET',
        url: 'http://127.0.0.1:8080/health',
        headers: undefined,
        body: undefined,
        timeoutMs: 3000,
        expect: {
          status: 200,
          json: [{ path: 'status', equals: 'healthy' }],
          listContains: [{ path: 'networks', members: ['base'] }],
        },
      },
    });
    expect(steps[1]).toMatchObject({
      id: 'v',
      kind: 'command',
      phase: 'pre',
      command: { run: 'bash v.sh', timeoutMs: 60_000, expect: { outputRegex: 'ok', exitCode: 0 } },
    });
    expect(steps[2]).toEqual({ id: 'step-3', title: 'Soak', phase: 'post', kind: 'wait', params: { minutes: 10 } });
    expect(() => parseConfig("checklist:\n  - { title: x, kind: http, url: 'not a url' }\n", 'ship.yaml')).toThrow(
      /^ship\.yaml:2: checklist\.0\.url: /,
    );
  });
});

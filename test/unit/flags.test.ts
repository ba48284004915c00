import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/flags.js';
import { UsageError } from '../../src/domain/errors.js';

const parse = (...argv: string[]) => parseArgs(argv, '1.2.3');
const fails = (argv: string[], pattern: RegExp) => {
  try {
    parse(...argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).exitCode).toBe(2);
    expect((e as Error).message).toMatch(pattern);
    return;
  }
  throw new Error(`expected ${argv.join(' ')} to fail`);
};

describe('flags', () => {
  it('defaults to the bad-release demo at 20x', () => {
    expect(parse()).toEqual({
      options: expect.objectContaining({
        demo: false,
        scenario: 'bad-release',
        speed: 20,
        seed: 1,
        altScreen: true,
        bell: true,
      }),
    });
  });

  it('reads every flag', () => {
    const r = parse(
      '--demo',
      '--scenario',
      'stuck-rollout',
      '--speed',
      '60',
      '--seed',
      '7',
      '--ascii',
      '--json',
      '--read-only',
      '--no-alt-screen',
      '--log-buffer',
      '500',
      '--runbook',
      'rb.md',
      '--fill',
      'v1.X.Y=v1.4.2',
      '--fill',
      'XX=42',
    );
    expect(r).toEqual({
      options: {
        demo: true,
        scenario: 'stuck-rollout',
        speed: 60,
        seed: 7,
        ascii: true,
        json: true,
        readOnly: true,
        altScreen: false,
        logBuffer: 500,
        bell: true,
        runbook: 'rb.md',
        fill: ['v1.X.Y=v1.4.2', 'XX=42'],
      },
    });
    const aws = parse(
      '--cluster',
      'prod',
      '--service',
      'web',
      '--region',
      'eu-west-1',
      '--profile',
      'oncall',
      '--config',
      'x.yaml',
      '--endpoint-url',
      'http://127.0.0.1:5000',
      '--log-filter',
      'ERROR',
      '--no-bell',
    );
    expect(aws).toEqual({
      options: expect.objectContaining({
        cluster: 'prod',
        service: 'web',
        region: 'eu-west-1',
        profile: 'oncall',
        config: 'x.yaml',
        endpointUrl: 'http://127.0.0.1:5000',
        logFilter: 'ERROR',
        bell: false,
      }),
    });
  });

  it('names the bad flag and how to fix it', () => {
    fails(['--scenario', 'nope'], /scenario.*nope.*bad-release/s);
    fails(['--speed', 'fast'], /--speed: .*number.*"fast"/);
    fails(['--speed', '0'], /--speed: must be a number above 0/);
    fails(['--seed', '1.5'], /--seed: must be a whole number/);
    fails(['--log-buffer', '5'], /--log-buffer: must be at least 100/);
    fails(['--frobnicate'], /unknown option '--frobnicate'[\s\S]*--help/);
    fails(['--endpoint-url', 'localhost'], /--endpoint-url: must be a URL/);
  });
});

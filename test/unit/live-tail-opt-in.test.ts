// Live Tail is opt-in: it is billed per session-minute ($0.01), polling FilterLogEvents is free.
// Off unless the config says `liveTail: true` or the command line says --live-tail; and the
// follower sends neither StartLiveTail nor the DescribeLogGroups that precedes it unless asked.
import { logCostLine } from '../../src/ui/dialogs/HelpOverlay.js';
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  StartLiveTailCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { LogFollower } from '../../src/adapters/aws/logFollower.js';
import { parseArgs } from '../../src/cli/flags.js';
import { parseConfig } from '../../src/config/load.js';
import { resolveSettings } from '../../src/config/settings.js';

const opts = (...argv: string[]) => {
  const r = parseArgs(argv, '0.0.0');
  if (!('options' in r)) throw new Error('no options');
  return r.options;
};
const target = ['--cluster', 'prod', '--service', 'web'];

describe('Live Tail is opt-in', () => {
  it('is off by default, on with liveTail: true in the config or --live-tail', () => {
    expect(resolveSettings(opts(...target), {}).aws?.liveTail).toBe(false);
    expect(resolveSettings(opts(...target), parseConfig('liveTail: true\n', 'ship.yaml')).aws?.liveTail).toBe(true);
    expect(resolveSettings(opts(...target), parseConfig('liveTail: false\n', 'ship.yaml')).aws?.liveTail).toBe(false);
    expect(resolveSettings(opts(...target, '--live-tail'), {}).aws?.liveTail).toBe(true);
  });

  const logs = new CloudWatchLogsClient({ region: 'us-east-1' });
  const mock = mockClient(logs);
  afterEach(() => mock.reset());

  it('the follower polls and never starts a session unless asked', async () => {
    mock.on(FilterLogEventsCommand).resolves({ events: [] });
    mock.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/ecs/web', logGroupArn: 'arn:x' }] });
    mock.on(StartLiveTailCommand).rejects(new Error('not served'));
    let clock = 1_700_000_000_000;
    for (const liveTail of [undefined, false]) {
      const f = new LogFollower(logs, { logGroup: '/ecs/web', now: () => clock, liveTail });
      for (let i = 0; i < 3; i++, clock += 1000) await f.poll(new AbortController().signal);
      expect(f.mode).toBe('polling');
      expect(f.liveTailNote).toBeUndefined();
    }
    expect(mock.commandCalls(StartLiveTailCommand)).toHaveLength(0);
    expect(mock.commandCalls(DescribeLogGroupsCommand)).toHaveLength(0);
    expect(mock.commandCalls(FilterLogEventsCommand)).toHaveLength(6);
    const asked = new LogFollower(logs, { logGroup: '/ecs/web', now: () => clock, liveTail: true });
    await asked.poll(new AbortController().signal);
    expect(mock.commandCalls(StartLiveTailCommand)).toHaveLength(1);
    asked.close();
  });
});

describe('the help says what following the logs costs', () => {
  it('names the per-minute charge when Live Tail is on, and the free default otherwise', () => {
    expect(logCostLine('live-tail')).toContain('$0.01 per session-minute');
    expect(logCostLine('polling')).toContain('no request charge');
    expect(logCostLine('simulated')).toBeUndefined();
  });
});

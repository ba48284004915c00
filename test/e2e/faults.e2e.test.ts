// The built CLI in a real terminal, talking to moto through the fault proxy: a call that never
// answers and an outage, as the on-call sees them. Deadlines are shrunk by the hidden knob
// SHIPWATCH_REQUEST_TIMEOUT_MS and intervals by the config file, so each fault plays out in seconds.
import { SetAlarmStateCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { withMotoBehindProxy } from '../helpers/motoProxy.js';
import { cleanupTerminalsAfterEach, spawnTerminal } from '../helpers/pty.js';
import { awsClients, motoEnv, SEEDED } from '../helpers/seedAws.js';

const START_MS = 30_000;
const INTERVAL_MS = 500;
let cloudwatch: CloudWatchClient;

cleanupTerminalsAfterEach();

beforeAll(() => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
});
// The CLI gets its credentials from motoEnv, not from this process.
const { moto, proxy } = withMotoBehindProxy({ credentialsEnv: false });
beforeAll(() => {
  cloudwatch = awsClients(moto()).cloudwatch;
});

function start() {
  const dir = mkdtempSync(join(tmpdir(), 'shipwatch-faults-'));
  const config = join(dir, 'shipwatch.yaml');
  writeFileSync(
    config,
    `intervals: { service: ${INTERVAL_MS}ms, alarms: ${INTERVAL_MS}ms, logs: ${INTERVAL_MS}ms, metrics: 2s, cost: 2s }\n`,
  );
  const env = motoEnv(moto(), {
    AWS_ENDPOINT_URL: proxy().url,
    SHIPWATCH_REQUEST_TIMEOUT_MS: '1000',
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_STATE_HOME: join(dir, 'state'),
  });
  const args = [CLI_PATH, '--cluster', SEEDED.cluster, '--service', SEEDED.service, '--region', 'us-east-1'];
  return spawnTerminal({ args: [...args, '--config', config], cols: 160, rows: 40, env });
}

const describeServices = () => proxy().requests.filter((r) => r.api === 'ecs:DescribeServices').length;
const setAlarm = (StateValue: 'OK' | 'ALARM', StateReason: string) =>
  cloudwatch.send(new SetAlarmStateCommand({ AlarmName: SEEDED.alarm, StateValue, StateReason }));

describe('faults end to end', () => {
  test('a DescribeServices that never answers: the pane says it timed out, it is asked again, the alarms pane keeps updating', async () => {
    proxy().setFaults([{ api: 'DescribeServices', action: { kind: 'hang' } }]);
    const t = start();
    await t.waitFor('ecs:DescribeServices timed out after 1 s', START_MS);
    await t.waitFor(/ALARM +\*?(web-)?5xx-high/, START_MS);
    const asked = describeServices();
    await setAlarm('OK', 'recovered');
    await t.waitFor(/OK +\*?(web-)?5xx-high/, 5000);
    await vi.waitFor(() => expect(describeServices()).toBeGreaterThan(asked), 5000);
    // Once ECS answers again the pane fills in: nothing stayed stuck on the hung call.
    proxy().clear();
    await t.waitFor('web:3', 10_000);
  }, 60_000);

  test('an outage and the recovery: every pane is fresh again within seconds of AWS coming back', async () => {
    const t = start();
    await t.waitFor('web:3', START_MS);
    await t.waitFor(/ALARM +\*?(web-)?5xx-high/, START_MS);
    proxy().setFaults([{ action: { kind: 'down' } }]);
    await t.waitFor(/no connection to AWS/, 15_000);
    // Changed during the outage: only a poll after it can show it.
    await setAlarm('OK', 'changed during the outage');
    await new Promise((r) => setTimeout(r, 3000));
    expect(t.screen()).toMatch(/ALARM +\*?(web-)?5xx-high/);
    proxy().clear();
    const endedAt = Date.now();
    await t.waitFor(/OK +\*?(web-)?5xx-high/, 10_000);
    await t.waitForGone(/no connection to AWS/, 10_000);
    expect(Date.now() - endedAt).toBeLessThan(8000);
  }, 60_000);
});

// The start path as the proxy in front of moto sees it: the service read is the first request and
// leaves before the first (cold, synchronous) frame is drawn; nothing is asked twice at start.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test, vi } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { withMotoBehindProxy } from '../helpers/motoProxy.js';
import { cleanupTerminalsAfterEach, spawnTerminal } from '../helpers/pty.js';
import { motoEnv, SEEDED } from '../helpers/seedAws.js';

const START_MS = 30_000;
cleanupTerminalsAfterEach();
beforeAll(() => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
});
const { moto, proxy } = withMotoBehindProxy({ credentialsEnv: false });

test('the first request is DescribeServices, it reaches AWS before the first frame is drawn, and no call is repeated at start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipwatch-start-'));
  const env = motoEnv(moto(), {
    AWS_ENDPOINT_URL: proxy().url,
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_STATE_HOME: join(dir, 'state'),
  });
  const args = [CLI_PATH, '--cluster', SEEDED.cluster, '--service', SEEDED.service, '--region', 'us-east-1'];
  const t = spawnTerminal({ args, cols: 120, rows: 36, env });
  let drawnAt: number | undefined;
  await vi.waitFor(
    () => {
      drawnAt ??= t.raw().includes('shipwatch ·') ? Date.now() : undefined;
      expect(drawnAt).toBeDefined();
    },
    { timeout: START_MS, interval: 2 },
  );
  await t.waitFor('v1.0.3', START_MS);
  await t.waitFor('acct 123456789012', START_MS);
  const requests = proxy().requests;
  expect(requests[0]?.api).toBe('ecs:DescribeServices');
  // The proxy stamps a request when its body has arrived: before the header row reached the terminal.
  expect(requests[0]!.at).toBeLessThan(drawnAt!);
  const count = (api: string) => requests.filter((r) => r.api === api).length;
  expect(count('sts:GetCallerIdentity')).toBe(1);
  // One service read drew the tag (the default interval is longer than this start took).
  expect(count('ecs:DescribeServices')).toBe(1);
});

// A runbook's `aws …` step acts on what the dashboard watches: the dashboard's --region, --profile and
// --endpoint-url reach the step's environment, not whatever the shell had (the issue: an
// `aws ecs update-service` step confirmed with y failed with "You must specify a region").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { cleanupTerminalsAfterEach, spawnTerminal } from '../helpers/pty.js';
import { SEEDED, seedWorld } from '../helpers/seedAws.js';

const START_MS = 30_000;
let moto: Moto;

cleanupTerminalsAfterEach();
beforeAll(async () => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  moto = await startMoto();
  await seedWorld(moto);
}, 60_000);
afterAll(() => moto?.stop());

test("a command step runs with the dashboard's region, profile and endpoint", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipwatch-step-env-'));
  // A profile the SDK can load, so the dashboard starts with --profile.
  writeFileSync(join(dir, 'config'), '[profile oncall]\nregion = us-east-1\n');
  writeFileSync(join(dir, 'credentials'), '[oncall]\naws_access_key_id = test\naws_secret_access_key = test\n');
  const file = join(dir, 'shipwatch.json');
  const run = 'echo "region=$AWS_REGION profile=$AWS_PROFILE endpoint=$AWS_ENDPOINT_URL"';
  writeFileSync(file, JSON.stringify({ checklist: [{ id: 'env', title: 'Where am I', kind: 'command', run }] }));
  const state = join(dir, 'state');
  const dash = spawnTerminal({
    args: [
      CLI_PATH,
      ...['--cluster', SEEDED.cluster, '--service', SEEDED.service, '--region', 'us-east-1'],
      ...['--profile', 'oncall', '--endpoint-url', moto.endpoint, '--config', file, '--no-bell'],
    ],
    cols: 120,
    rows: 40,
    env: {
      // The shell says otherwise: the step must get the dashboard's target, not these.
      AWS_REGION: 'ap-south-1',
      AWS_PROFILE: 'default',
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      XDG_STATE_HOME: state,
      XDG_CACHE_HOME: state,
    },
  });
  await dash.waitFor('r → web:2', START_MS);
  dash.press('7');
  await dash.waitFor('▶ [7]', 5000);
  dash.press('c');
  await dash.waitFor(/\[ok\]/, START_MS);
  dash.press('o');
  await dash.waitFor(`region=us-east-1 profile=oncall endpoint=${moto.endpoint}`, 10_000);
  expect(dash.screen()).not.toContain('ap-south-1');
  dash.press('q'); // closes the output view
  await dash.waitForGone('region=us-east-1', 10_000);
  dash.press('q');
  await dash.exited;
}, 90_000);

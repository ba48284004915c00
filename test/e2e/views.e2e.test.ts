// The release's list views in the built CLI, in a real 80x24 terminal without colour: the demo's
// bad release judged FAIL in the header, v shows why (a p99 or 5xx reason against the baseline),
// T lists the tasks. Needs dist/shipwatch.js (or SHIPWATCH_CLI).
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI_PATH, cliBuilt } from '../helpers/cli.js';
import { cleanupTerminalsAfterEach, keys, spawnTerminal } from '../helpers/pty.js';

// Two slow cores: the first frame of a cold start can take several seconds.
const START_MS = 30_000;
// bad-release is FAIL about 8 demo minutes after T+0: at ×60, some 8 wall seconds after the start.
const FAIL_MS = 60_000;

cleanupTerminalsAfterEach();

describe('the verdict and tasks views at 80x24', () => {
  beforeAll(() => {
    if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  });

  test('the header says FAIL; v lists a metric reason against its baseline; T lists a task; Esc back', async () => {
    const t = spawnTerminal({
      args: [CLI_PATH, '--demo', '--scenario', 'bad-release', '--speed', '60', '--seed', '1'],
      cols: 80,
      rows: 24,
      env: { NO_COLOR: '1' },
    });
    await t.waitFor('r → web:41', START_MS);
    await t.waitFor(/verdict FAIL/, FAIL_MS);
    // The rollback target stays whole beside it.
    expect(t.row(1)).toMatch(/verdict FAIL.* r → web:41 \(v1\.3\.6\)/);
    t.type('v');
    await t.waitFor('Release verdict ·');
    const screen = t.screen();
    expect(screen).toMatch(/│ ▶FAIL · score \d+/);
    expect(screen).toMatch(/│ {2}(p99|5xx %|5xx) [\d.,]+ ?\S* vs [\d.,]+ ?\S* baseline \(/);
    expect(screen).toMatch(/│ {2}(p99|5xx %) +FAIL\* /);
    t.press(keys.escape);
    await t.waitForGone('Release verdict ·');
    t.type('T');
    await t.waitFor('Tasks and target health ·');
    await t.waitFor(/│ {2}[0-9a-f]{8} web:4[12] +us-east-1[a-c] +(RUNNING|PENDING|STOPPED)/);
    expect(t.screen()).toContain('Target groups');
    t.press(keys.escape);
    await t.waitForGone('Tasks and target health ·');
    t.type('q');
    expect((await t.exited).exitCode).toBe(0);
  }, 120_000);
});

// What scripts/bundle-stubs.mjs leaves out of the built file stays out, and what it keeps still works.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CLI_PATH, cliBuilt, runCli } from '../helpers/cli.js';

test('zod ships English only, Ink ships no devtools; zod still explains a bad config in English', async () => {
  if (!cliBuilt()) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
  const bundle = readFileSync(CLI_PATH, 'utf8');
  expect(bundle).not.toContain('Eingabe: erwartet'); // zod/v4/locales/de.js
  expect(bundle).not.toContain('__REACT_DEVTOOLS_COMPONENT_FILTERS__'); // ink/build/devtools-window-polyfill.js
  const config = join(mkdtempSync(join(tmpdir(), 'shipwatch-stubs-')), 'shipwatch.yaml');
  writeFileSync(config, 'intervals: nope\n');
  const r = await runCli(['--demo', '--config', config], { timeoutMs: 20_000 });
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain('intervals: Invalid input: expected object, received string');
});

// Bundles the CLI into one file that runs with plain `node` and no node_modules.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleStubsPlugin } from './bundle-stubs.mjs';
import { inkPatchPlugin } from './ink-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// SHIPWATCH_BUILD_OUT builds elsewhere (a benchmark of a work tree beside the tests' dist/).
const outfile = process.env.SHIPWATCH_BUILD_OUT ?? `${root}dist/shipwatch.js`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** The commit built from, for `--version`; a tree that is not a git checkout (an unpacked tarball) says so. */
function buildCommit() {
  if (process.env.SHIPWATCH_COMMIT) return process.env.SHIPWATCH_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

await build({
  entryPoints: [`${root}src/cli/main.tsx`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Minified, the bundle compiles in about half the time and takes less memory; the map beside it
  // gives readable stack traces with NODE_OPTIONS=--enable-source-maps (README: debugging).
  // SHIPWATCH_NO_MINIFY=1 keeps names readable in a CPU profile.
  minify: !process.env.SHIPWATCH_NO_MINIFY,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // React's development build costs KBs of heap per rendered log line.
  define: {
    'process.env.NODE_ENV': '"production"',
    SHIPWATCH_VERSION: JSON.stringify(version),
    SHIPWATCH_COMMIT: JSON.stringify(buildCommit()),
  },
  // Ink imports react-devtools-core only when DEV=true; the stub keeps the bundle loadable.
  alias: { 'react-devtools-core': `${root}scripts/devtools-stub.mjs` },
  // CommonJS dependencies inside an ESM bundle need a real require for Node built-ins.
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __shipwatchCreateRequire } from 'node:module';",
      'const require = __shipwatchCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  plugins: [bundleStubsPlugin, inkPatchPlugin],
});
chmodSync(outfile, 0o755);

// The published package, the way a user gets it: `npm pack` (its prepack hook builds) → `npm i -g` of
// the tarball → the `shipwatch` on PATH shows the dashboard. The tarball holds the built file and
// nothing that needs node_modules, so the install adds one package and reaches no registry: npm's
// registry is a closed port here, and any request to it fails the test (so does a dependency).
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBCOMMAND_NAMES } from '../../src/cli/commands.js';
import { childEnv, cleanupTerminalsAfterEach, spawnTerminal } from '../helpers/pty.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const { version: VERSION } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
/** What the build reads from git (scripts/build.mjs), or `unknown` for a tree that is not a checkout. */
const COMMIT = (() => {
  if (!existsSync(join(REPO, '.git'))) return 'unknown';
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
// What the build needs: the sources, its scripts, tsconfig.json (esbuild takes the JSX mode from it),
// and what the tarball ships. The working tree, not HEAD, so uncommitted work is what gets packed.
const TREE = ['package.json', 'package-lock.json', 'README.md', 'LICENSE', 'tsconfig.json', 'scripts', 'src'];
const TARBALL_FILES = [
  'package/LICENSE',
  'package/README.md',
  'package/dist/shipwatch.js',
  'package/dist/shipwatch.js.map',
  'package/package.json',
];
// Two slow cores under the full suite: the first frame of a cold start can take several seconds.
const START_MS = 30_000;

// A shell that found `node` finds it again: the bin's `#!/usr/bin/env node` uses PATH.
const PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);

let work = '';
let tree = '';
let packDir = '';
let tarball = '';
let tarballName = '';
let prefix = '';
let bin = '';
let empty = '';
let npmEnv: Record<string, string> = {};

interface Result {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** Runs a command with pipes (stdin closed at once) and resolves with what it wrote. */
function run(command: string, args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs?: number }) {
  const { timeoutMs = 30_000 } = opts;
  return new Promise<Result>((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode });
    });
    child.stdin.end();
  });
}

/** Runs npm and fails with its output when it does not exit 0. */
async function npm(args: string[], cwd: string): Promise<Result> {
  const r = await run('npm', args, { cwd, env: npmEnv, timeoutMs: 60_000 });
  if (r.exitCode !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.exitCode}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The installed command, run as a user runs it: by its path, from a folder with nothing in it. */
const shipwatch = (args: string[]) => run(bin, args, { cwd: empty, env: childEnv({ PATH }) });

cleanupTerminalsAfterEach();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'shipwatch-pack-'));
  tree = join(work, 'tree');
  packDir = join(work, 'pack');
  prefix = join(work, 'prefix');
  empty = join(work, 'empty');
  for (const dir of [tree, packDir, empty]) mkdirSync(dir);
  for (const name of TREE) cpSync(join(REPO, name), join(tree, name), { recursive: true });
  // esbuild from the repo's install; the commit from its git (the build asks git in its own root).
  symlinkSync(join(REPO, 'node_modules'), join(tree, 'node_modules'), 'dir');
  if (existsSync(join(REPO, '.git'))) symlinkSync(join(REPO, '.git'), join(tree, '.git'));

  // Not the environment of an `npm test` around us (npm_config_*, npm_package_*), nor a build knob
  // that would send the prepack build elsewhere (SHIPWATCH_BUILD_OUT) or fake its commit.
  const env = childEnv({ PATH });
  for (const k of Object.keys(env)) if (/^(npm_|shipwatch_)/i.test(k) || k === 'INIT_CWD') delete env[k];
  npmEnv = {
    ...env,
    npm_config_cache: join(work, 'npm-cache'),
    // Nothing listens there; without retries a request for a dependency fails in a second, not minutes.
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_fetch_retries: '0',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };

  await npm(['pack', '--pack-destination', packDir], tree);
  const packed = readdirSync(packDir);
  expect(packed).toEqual([`shipwatch-${VERSION}.tgz`]);
  tarballName = packed[0]!;
  tarball = join(packDir, tarballName);

  await npm(['install', '--global', '--prefix', prefix, tarball], empty);
  bin = join(prefix, 'bin', 'shipwatch');
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('builds in prepack and ships the built file, its map, the README and the LICENSE', () => {
    // The copied tree had no dist/: the prepack hook built it there (never into the repo's dist/).
    expect(existsSync(join(tree, 'dist', 'shipwatch.js'))).toBe(true);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(files).toEqual(TARBALL_FILES);
  });

  it('declares no runtime dependencies, and its bin is the built file', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
    expect(manifest.optionalDependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ shipwatch: 'dist/shipwatch.js' });
    expect(manifest.type).toBe('module');
  });
});

describe('npm i -g of the tarball', () => {
  it('installs the one package, with no node_modules beside it, and links the bin to the built file', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'shipwatch');
    expect(readdirSync(join(prefix, 'lib', 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['shipwatch']);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(existsSync(bin)).toBe(true);
    if (lstatSync(bin).isSymbolicLink())
      expect(realpathSync(bin)).toBe(realpathSync(join(installed, 'dist', 'shipwatch.js')));
  });

  it('--version names the version and the commit it was built from', async () => {
    const r = await shipwatch(['--version']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+ \(commit ([0-9a-f]{12}|unknown)\)$/);
    expect(r.stdout.trim()).toBe(`${VERSION} (commit ${COMMIT})`);
  });

  it('--help lists every subcommand', async () => {
    const r = await shipwatch(['--help']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(SUBCOMMAND_NAMES.length).toBeGreaterThan(0);
    for (const name of SUBCOMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`^ +shipwatch ${name} `, 'm'));
  });

  it('--demo with stdout a pipe prints the plain-text snapshot', async () => {
    const r = await shipwatch(['--demo']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shipwatch web @ demo-cluster \(us-east-1\) \[demo\]/);
    expect(r.stdout).toContain('\nDeployments\n');
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('--demo in a terminal shows the dashboard, and q quits with 0', async () => {
    const t = spawnTerminal({ command: bin, args: ['--demo'], cols: 100, rows: 30, cwd: empty, env: { PATH } });
    await t.waitFor('[1] Deployments', START_MS);
    await t.waitFor('demo-cluster', START_MS);
    t.press('q');
    const { exitCode } = await t.exited;
    expect(exitCode).toBe(0);
  }, 60_000);
});

describe('npx of the tarball', () => {
  // `./` matters: npx runs an absolute path that names a file (the .tgz itself) as the command.
  it('runs the snapshot from the tarball (into its own cache), with no registry', async () => {
    const r = await run('npx', ['--yes', `./${tarballName}`, '--demo'], {
      cwd: packDir,
      env: npmEnv,
      timeoutMs: 60_000,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shipwatch web @ demo-cluster \(us-east-1\) \[demo\]/);
    expect(r.stdout).toContain('\nDeployments\n');
    expect(r.stdout).not.toMatch(/\u001b/);
  }, 60_000);
});

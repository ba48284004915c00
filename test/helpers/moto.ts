// Starts moto_server (an AWS-compatible server) on a free loopback port for integration tests:
// real HTTP, real SDK serialisation, real error shapes. Never skips: a missing moto is a failure
// that says how to install it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Moto {
  endpoint: string;
  port: number;
  /** Clears all state (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** POST JSON to a moto-api path, e.g. /moto-api/static/ce/cost-and-usage-results. */
  post(path: string, body: unknown): Promise<Response>;
  stop(): Promise<void>;
}

export const TEST_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
} as const;
export const ACCOUNT = '123456789012';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function motoCommand(): string[] {
  const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  if (has('moto_server', ['--help'])) return ['moto_server'];
  if (has('python3', ['-c', 'import moto.server'])) return ['python3', '-m', 'moto.server'];
  // Install once, as the test bed documents; fail with the instruction if that is not possible.
  spawnSync('python3', ['-m', 'pip', 'install', '--quiet', 'moto[server]'], { stdio: 'inherit' });
  if (has('python3', ['-c', 'import moto.server'])) return ['python3', '-m', 'moto.server'];
  throw new Error(
    'moto is not installed and could not be installed: run  pip install "moto[server]"  and run the tests again',
  );
}

async function waitReady(endpoint: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < until) {
    if (exited) throw new Error('moto_server exited during start-up');
    try {
      const r = await fetch(`${endpoint}/moto-api/data.json`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${ms} ms`);
}

export async function startMoto(): Promise<Moto> {
  const [cmd, ...base] = motoCommand();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(cmd!, [...base, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...TEST_CREDENTIALS },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  try {
    await waitReady(endpoint, child, 20_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`, { cause: e });
  }
  const post = (path: string, body: unknown) =>
    fetch(`${endpoint}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    endpoint,
    port,
    post,
    async reset() {
      await post('/moto-api/reset', {});
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

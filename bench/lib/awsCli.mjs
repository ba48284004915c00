// The AWS CLI on PATH, for side-by-side figures: which major version, and a timed call.
import { spawn, spawnSync } from 'node:child_process';

/** `aws --version`'s first word (e.g. aws-cli/1.45.11), or undefined when there is no aws. */
export function awsVersion() {
  const r = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return `${r.stdout}${r.stderr}`.trim().split(/\s+/)[0];
}

/** Runs `aws ...args`; resolves with the ms from spawn to exit and its stdout. */
export function timeAws(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('aws', args, { env: { ...process.env, ...env, AWS_PAGER: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`aws ${args.slice(0, 2).join(' ')} exited ${code}: ${err.trim()}`));
      else resolve({ ms, out });
    });
  });
}

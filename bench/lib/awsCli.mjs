// The AWS CLI on PATH, for side-by-side figures: which major version, and a timed call.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';

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

/** An AWS CLI v2 (with `aws logs tail`): the one on PATH, else Debian's awscli package; undefined when neither is v2. */
export function awsV2() {
  for (const bin of ['aws', '/usr/bin/aws']) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    const version = r.error || r.status !== 0 ? '' : `${r.stdout}${r.stderr}`.trim().split(/\s+/)[0];
    if (version.startsWith('aws-cli/2')) return { bin, version };
  }
  return undefined;
}

/**
 * Runs `aws logs tail --follow` and appends each line it prints to `file` in the CLI's trace format
 * (`receivedAtMs<TAB>0<TAB>line`), so the same reader measures both. Returns a stop function.
 */
export function tailFollow(bin, args, env, file) {
  const child = spawn(bin, ['logs', 'tail', ...args, '--follow', '--format', 'short'], {
    env: { ...process.env, ...env, AWS_PAGER: '' },
  });
  let partial = '';
  child.stdout.on('data', (d) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop();
    const at = Date.now();
    if (lines.length) appendFileSync(file, lines.map((l) => `${at}\t0\t${l}\n`).join(''));
  });
  child.stderr.resume();
  return () => child.kill('SIGTERM');
}

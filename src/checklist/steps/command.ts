// Runs a command checklist step: /bin/sh -c in its own process group, output captured (bounded),
// timeout and cancel kill the whole group. Never throws; resolves once the child has exited.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { judgeCommand, oneLine, seconds } from './expectations.js';
import type { CommandStepSpec } from '../../domain/model.js';
import type { CommandRunner, StepOutcome } from './types.js';

/** The most output kept: the last 1 MiB. */
export const MAX_OUTPUT_BYTES = 1024 * 1024;
/** How long after SIGTERM the group gets SIGKILL if anything in it is still alive. */
const KILL_GRACE_MS = 2000;
/** After the shell exits, how long background processes holding its stdout/stderr may keep them open. */
const CLOSE_GRACE_MS = 1000;

/** Keeps the last `limit` bytes of what is pushed, counting what was dropped. */
class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  dropped = 0;
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit) {
      const first = this.chunks[0]!;
      const excess = this.size - this.limit;
      if (first.length <= excess) this.chunks.shift();
      else this.chunks[0] = first.subarray(excess);
      const cut = Math.min(first.length, excess);
      this.size -= cut;
      this.dropped += cut;
    }
  }

  text(): string {
    let buf = Buffer.concat(this.chunks);
    // Do not start in the middle of a UTF-8 sequence.
    let i = 0;
    while (this.dropped > 0 && i < 3 && i < buf.length && (buf[i]! & 0xc0) === 0x80) i++;
    buf = buf.subarray(i);
    const note = this.dropped > 0 ? `[… ${this.dropped + i} bytes dropped]\n` : '';
    return note + buf.toString('utf8');
  }
}

function expandHome(dir: string): string {
  if (dir === '~') return homedir();
  return dir.startsWith('~/') ? `${homedir()}/${dir.slice(2)}` : dir;
}

async function checkDir(dir: string): Promise<string | undefined> {
  try {
    return (await stat(dir)).isDirectory() ? undefined : `working directory ${dir} is not a directory`;
  } catch {
    return `working directory ${dir} does not exist`;
  }
}

/** A step's environment over the inherited one: a variable set to undefined is removed. */
export type StepEnv = Readonly<Record<string, string | undefined>>;

/**
 * The dashboard's AWS target for a step's environment, so a runbook's `aws ecs …` talks to the
 * region and account on screen. With a profile, the shell's static keys are removed: the SDK (the
 * dashboard) takes AWS_PROFILE over them, the AWS CLI (the step) takes them over AWS_PROFILE.
 */
export function awsStepEnv(target: { region?: string; profile?: string; endpointUrl?: string }): StepEnv {
  return {
    ...(target.region && { AWS_REGION: target.region, AWS_DEFAULT_REGION: target.region }),
    ...(target.profile && {
      AWS_PROFILE: target.profile,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
    }),
    ...(target.endpointUrl && { AWS_ENDPOINT_URL: target.endpointUrl }),
  };
}

/**
 * A runner whose commands get `baseEnv` over this process's environment. A step's own `env:` wins over
 * both: it is written for that one step, where the base is the dashboard's default for all of them.
 */
export const commandRunner =
  (baseEnv: StepEnv = {}): CommandRunner =>
  (spec, signal, onOutput) => {
    const merged: Record<string, string | undefined> = { ...process.env, ...baseEnv, ...spec.env };
    const env = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
    return run(spec, env, signal, onOutput);
  };

export const runCommandStep: CommandRunner = commandRunner();

async function run(
  spec: CommandStepSpec,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  onOutput: ((chunk: string) => void) | undefined,
): Promise<StepOutcome> {
  const cancelled: StepOutcome = { passed: false, cancelled: true, summary: 'cancelled', output: '' };
  if (signal.aborted) return cancelled;
  const cwd = spec.cwd ? expandHome(spec.cwd) : undefined;
  const badDir = cwd ? await checkDir(cwd) : undefined;
  if (badDir) return { passed: false, summary: badDir, output: badDir };
  if (signal.aborted) return cancelled;

  return new Promise<StepOutcome>((resolve) => {
    const out = new TailBuffer(MAX_OUTPUT_BYTES);
    let killedFor: 'timeout' | 'cancel' | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let closeTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const child = spawn('/bin/sh', ['-c', spec.run], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });

    const signalGroup = (sig: NodeJS.Signals | 0): boolean => {
      if (child.pid === undefined) return false;
      try {
        process.kill(-child.pid, sig);
        return true;
      } catch {
        return false; // ESRCH: the group is gone
      }
    };
    const killGroup = (why: 'timeout' | 'cancel') => {
      if (killedFor || settled) return;
      killedFor = why;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
    };
    const timer = setTimeout(() => killGroup('timeout'), spec.timeoutMs);
    const onAbort = () => killGroup('cancel');
    signal.addEventListener('abort', onAbort, { once: true });

    const finish = (outcome: StepOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(closeTimer);
      signal.removeEventListener('abort', onAbort);
      // Leave the SIGKILL pending only while something in the group survived SIGTERM.
      if (killTimer && !signalGroup(0)) clearTimeout(killTimer);
      resolve(outcome);
    };

    for (const stream of [child.stdout, child.stderr]) {
      const decoder = new StringDecoder('utf8');
      stream.on('data', (chunk: Buffer) => {
        out.push(chunk);
        const text = decoder.write(chunk);
        if (text && onOutput) {
          try {
            onOutput(text);
          } catch {
            // a listener's failure is not the command's
          }
        }
      });
    }

    child.on('error', (e) =>
      finish({ passed: false, summary: oneLine(`could not run /bin/sh: ${e.message}`), output: String(e) }),
    );

    // Background processes that keep the shell's stdout open would hold 'close' back forever.
    // After our own SIGTERM the group is still dying (SIGKILL follows at KILL_GRACE_MS): wait for that, or a
    // slow machine reports a killed `sleep` as a background process holding the output.
    child.on('exit', () => {
      const grace = killedFor ? KILL_GRACE_MS + CLOSE_GRACE_MS : CLOSE_GRACE_MS;
      closeTimer = setTimeout(() => {
        out.push(Buffer.from('\n[background processes still hold the output open; stopped reading]\n'));
        child.stdout.destroy();
        child.stderr.destroy();
      }, grace);
      closeTimer.unref();
    });

    child.on('close', (code, sig) => {
      // A check must not leave anything behind on the bastion: what it put in the background goes too.
      if (!killedFor) signalGroup('SIGTERM');
      const output = out.text();
      if (killedFor === 'timeout') {
        const summary = `timed out after ${seconds(spec.timeoutMs)} (process group killed)`;
        return finish({ passed: false, timedOut: true, summary, output, exitCode: code ?? undefined });
      }
      if (killedFor === 'cancel') {
        return finish({
          passed: false,
          cancelled: true,
          summary: 'cancelled (process group killed)',
          output,
          exitCode: code ?? undefined,
        });
      }
      if (code === null) {
        return finish({ passed: false, summary: `killed by ${sig ?? 'a signal'}`, output });
      }
      return finish({ ...judgeCommand(spec.expect, code, output), output, exitCode: code });
    });
  });
}

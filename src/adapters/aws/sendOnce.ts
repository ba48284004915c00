// Every call that changes AWS (UpdateService, StopServiceDeployment, RegisterTaskDefinition) goes
// through here: sent exactly once, and when no answer says whether it took effect, the service is
// read back to find out. None of them is idempotent (each UpdateService with forceNewDeployment
// starts a deployment, each RegisterTaskDefinition a revision), so a retry is the user's decision.
import type {
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { errorMessage, MutationError } from '../../domain/errors.js';
import { describeAwsError, isCredentialsProblem, isThrottle } from './awsErrors.js';

/** Long enough for a slow control plane; then the call is abandoned and the service read back. */
export const MUTATION_TIMEOUT_MS = 20_000;
/**
 * Reads of the service after a lost answer: the first after a second (ECS's reads are eventually
 * consistent), the last one decides. Each read has its own deadline.
 */
export const READ_BACK_DELAYS_MS = [1_000, 3_000];
export const READ_BACK_TIMEOUT_MS = 10_000;

export interface MutationTiming {
  timeoutMs?: number;
  readBackDelaysMs?: number[];
  readBackTimeoutMs?: number;
}

/** What reading back found: the call's result when it took effect, else why it did not. */
export type ReadBack<R> = { applied: true; result: R } | { applied: false; why: string };

export interface Mutation<O, R> {
  /** The IAM action, named in every message: `ecs:UpdateService`. */
  action: string;
  profile?: string;
  /** Sends the command (wrapped by sentOnce) with this deadline. */
  send: (signal: AbortSignal) => Promise<O>;
  /** The result from AWS's answer; undefined when the answer does not say (then it is read back). */
  answered: (out: O) => R | undefined;
  /**
   * Whether the call took effect, from what AWS shows now; `since` is when it was sent, on AWS's clock.
   * Throws (with the read's IAM action in the message) when it cannot tell.
   */
  readBack: (since: number, signal: AbortSignal) => Promise<ReadBack<R>>;
  /** AWS's clock: the local one corrected by the skew the SDK measured. */
  now: () => number;
}

/**
 * A command whose retries are off: the client's retry middleware (3 attempts, clients.ts) is replaced,
 * in this command's own stack only, by a pass-through. The SDK has no per-call maxAttempts; a
 * command's middleware overrides the client's of the same name (same step and priority, or the stack
 * throws), and every other call keeps its retries. test/integration/ecs.test.ts counts the attempts.
 */
export function sentOnce<C extends MutatingCommand>(command: C): C {
  // Every command's stack takes a finalizeRequest middleware; typed once here for the three of them.
  const stack: { add(middleware: PassThrough, options: RetryOverride): void } = command.middlewareStack;
  stack.add((next) => (args) => next(args), {
    name: 'retryMiddleware',
    tags: ['RETRY'],
    step: 'finalizeRequest',
    priority: 'high',
    override: true,
  });
  return command;
}

/** The calls that change AWS: the only ones sent here. */
type MutatingCommand = UpdateServiceCommand | StopServiceDeploymentCommand | RegisterTaskDefinitionCommand;
type PassThrough = <A>(next: (args: A) => Promise<unknown>) => (args: A) => Promise<unknown>;
interface RetryOverride {
  name: string;
  tags: string[];
  step: 'finalizeRequest';
  priority: 'high';
  override: boolean;
}

/**
 * Refused means certainly not applied: AWS answered 4xx (throttling, validation, access, a conflict),
 * or the request was never signed (no credentials). Anything else — a reset or timeout with no
 * answer, a 5xx (the server may have acted before failing), a 2xx whose body was cut — says nothing.
 */
export function isRefusal(e: unknown): boolean {
  const status = (e as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 400 && status < 500;
  return isCredentialsProblem(e);
}

/** Sends `m` once; on a lost answer reads back. Throws MutationError when it did not (or may not have) take effect. */
export async function mutate<O, R extends object>(
  m: Mutation<O, R>,
  timing: MutationTiming = {},
): Promise<R & { answer?: 'lost' }> {
  const since = m.now();
  let lost: string;
  let cause: unknown;
  try {
    const result = m.answered(await m.send(AbortSignal.timeout(timing.timeoutMs ?? MUTATION_TIMEOUT_MS)));
    if (result !== undefined) return result;
    lost = 'the answer names no result';
  } catch (e) {
    if (isRefusal(e))
      throw new MutationError(refusalText(e, m.action, m.profile), 'not-applied', 'error', { cause: e });
    cause = e;
    lost = noAnswerText(e);
  }
  const found = await readBackUntilSure(m, since, timing);
  const head = `${m.action}: ${lost}`;
  if ('error' in found) {
    throw new MutationError(`${head}, and reading it back failed (${errorMessage(found.error)})`, 'unknown', 'lost', {
      cause,
    });
  }
  if (!found.applied) throw new MutationError(`${head}; read back: ${found.why}`, 'not-applied', 'lost', { cause });
  return { ...found.result, answer: 'lost' };
}

/** The last read decides: a later read that fails leaves it unknown, even if an earlier one saw nothing. */
async function readBackUntilSure<O, R extends object>(
  m: Mutation<O, R>,
  since: number,
  timing: MutationTiming,
): Promise<ReadBack<R> | { error: unknown }> {
  let last: ReadBack<R> | { error: unknown } = { error: new Error('no read-back was made') };
  for (const delay of timing.readBackDelaysMs ?? READ_BACK_DELAYS_MS) {
    await new Promise<void>((r) => setTimeout(r, delay));
    try {
      last = await m.readBack(since, AbortSignal.timeout(timing.readBackTimeoutMs ?? READ_BACK_TIMEOUT_MS));
      if (last.applied) return last;
    } catch (e) {
      last = { error: e };
    }
  }
  return last;
}

/** Throttling is not "backing off" here: nothing is sent again. */
function refusalText(e: unknown, action: string, profile?: string): string {
  return isThrottle(e) ? `${action}: throttled by AWS` : describeAwsError(e, action, profile);
}

/** What the HTTP layer says when it gave up waiting (a reset may also be named TimeoutError: told apart below). */
const TIMEOUTS = new Set(['TimeoutError', 'AbortError', 'RequestTimeoutError']);

function noAnswerText(e: unknown): string {
  const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  const what = `${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message ?? String(e)}`.split('\n')[0];
  if (status !== undefined && status >= 500)
    return `AWS answered ${status} (${what}), which does not say whether it took effect`;
  const reset = /socket hang up|ECONNRESET/i.test(`${err.code ?? ''} ${err.message ?? ''}`);
  if (!reset && TIMEOUTS.has(err.name ?? '')) return 'no answer in time';
  return `the answer was lost (${what})`;
}

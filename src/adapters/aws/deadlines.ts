// Every AWS request has a deadline, so a call that never answers fails its pane in seconds instead of
// freezing it. Two layers: the HTTP handler bounds each attempt (connect, then first byte: the
// per-call `requestTimeout` set here), and a deadline per call bounds the whole call, the SDK's
// retries and their back-off sleeps included — that is the one the on-call sees, as
// `ecs:DescribeServices timed out after 5 s`.

/** Per-call deadlines in ms. */
export interface RequestTimeouts {
  /** Ordinary reads and changes: ECS, CloudWatch, STS, ELB, DescribeLogGroups. */
  readMs: number;
  /** One page of FilterLogEvents/GetLogEvents: a busy group scans a lot of data per page. */
  logsPageMs: number;
  /** Cost Explorer answers slowly even on a good day. */
  costMs: number;
  /** TCP connect, per attempt: an unreachable endpoint is retried within the call's deadline. */
  connectMs: number;
}

export const DEFAULT_TIMEOUTS: RequestTimeouts = { readMs: 5000, logsPageMs: 15_000, costMs: 10_000, connectMs: 3000 };

/**
 * The hidden test knob: `SHIPWATCH_REQUEST_TIMEOUT_MS=N` sets the read deadline to N ms and scales
 * the others in proportion, so end-to-end tests of hung calls run in seconds.
 */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv): RequestTimeouts {
  const n = Number(env.SHIPWATCH_REQUEST_TIMEOUT_MS);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_TIMEOUTS;
  const k = n / DEFAULT_TIMEOUTS.readMs;
  return {
    readMs: n,
    logsPageMs: Math.round(DEFAULT_TIMEOUTS.logsPageMs * k),
    costMs: Math.round(DEFAULT_TIMEOUTS.costMs * k),
    // Not scaled down with the rest: on a loaded machine a loopback connect can take a few hundred ms.
    connectMs: Math.min(DEFAULT_TIMEOUTS.connectMs, n),
  };
}

/**
 * Calls whose caller owns the deadline. Live Tail is a stream that lasts hours: it has a start
 * timeout and an idle watchdog instead (liveTail.ts). The changes are sent once with their own,
 * longer deadline and read back when it passes (sendOnce.ts): a read's 5 s would cut them short.
 */
const CALLER_BOUNDED = new Set([
  'logs:StartLiveTail',
  'ecs:UpdateService',
  'ecs:StopServiceDeployment',
  'ecs:RegisterTaskDefinition',
]);
const LOG_PAGES = new Set(['logs:FilterLogEvents', 'logs:GetLogEvents']);

/** The call's deadline in ms, or undefined when its caller sets one. `api` is `service:Operation` (the IAM action). */
export function deadlineFor(api: string, t: RequestTimeouts): number | undefined {
  if (CALLER_BOUNDED.has(api)) return undefined;
  if (LOG_PAGES.has(api)) return t.logsPageMs;
  if (api.startsWith('ce:')) return t.costMs;
  return t.readMs;
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

/** A call that did not answer within its deadline. Carries no `$metadata`: its message is already the pane's line. */
export class RequestTimeoutError extends Error {
  constructor(
    readonly api: string,
    readonly ms: number,
    options?: ErrorOptions,
  ) {
    super(`${api} timed out after ${seconds(ms)}`, options);
    this.name = 'RequestTimeoutError';
  }
}

interface SendOptions {
  abortSignal?: AbortSignal;
  requestTimeout?: number;
}
type Send = (command: unknown, options?: SendOptions) => Promise<unknown>;
interface Sender {
  send: Send;
}

/** The operation's name from the command's schema (class names are not reliable once bundled). */
function operationOf(command: unknown): string {
  const schema = (command as { schema?: unknown }).schema;
  if (Array.isArray(schema) && typeof schema[2] === 'string') return schema[2];
  return (command as object).constructor.name.replace(/Command\d*$/, '');
}

/**
 * Makes every `client.send` race a deadline: the call's signal is aborted (so the socket is closed
 * and the SDK stops retrying) and the caller gets a RequestTimeoutError at once, not after the SDK's
 * next back-off sleep. An abort by the caller stays the caller's error.
 */
export function withDeadlines<C extends object>(client: C, service: string, timeouts: RequestTimeouts): C {
  const sender = client as unknown as Sender;
  // Looked up at call time, so a test double installed on the class later (aws-sdk-client-mock) is used.
  const proto = Object.getPrototypeOf(client) as Sender;
  const send: Send = (command, options) => proto.send.call(client, command, options);
  sender.send = (command, options) => {
    const api = `${service}:${operationOf(command)}`;
    const ms = deadlineFor(api, timeouts);
    if (ms === undefined) return send(command, options);
    const outer = options?.abortSignal;
    const deadline = new AbortController();
    const signal = outer ? AbortSignal.any([outer, deadline.signal]) : deadline.signal;
    const call = send(command, { ...options, abortSignal: signal, requestTimeout: options?.requestTimeout ?? ms });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (outer?.aborted) return;
        const error = new RequestTimeoutError(api, ms);
        deadline.abort(error);
        reject(error);
      }, ms);
      timer.unref?.();
      call.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  };
  return client;
}

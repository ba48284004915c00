// A cold start's first frame is a ~150 ms synchronous render (Yoga, the Unicode width tables, the
// tokenizer warming up). Begun before the first service read has left the process, it holds that
// request back by as long, TLS handshake included. So the dashboard waits, briefly, for the first
// service read to be written out, and renders while AWS answers. It is told by its target (ECS's
// JSON protocol): on a bastion the first requests may be the instance role's credentials (IMDS)
// or an AssumeRole, which go before it.
import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

const CHANNEL = 'http.client.request.start';
/** X-Amz-Target of every ECS API request; DescribeServices is the first the dashboard sends. */
export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

/** The longest the first frame waits for the first request to go out. */
export const FIRST_REQUEST_WAIT_MS = 250;

/**
 * Resolves when the first HTTP request whose X-Amz-Target starts with `targetPrefix`, started after
 * the call, is written (or fails), or after `maxWaitMs`.
 */
export function firstRequestWritten(
  maxWaitMs = FIRST_REQUEST_WAIT_MS,
  targetPrefix = ECS_TARGET_PREFIX,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      dc.unsubscribe(CHANNEL, onStart);
      resolve();
    };
    const onStart = (message: unknown) => {
      const request = (message as { request: ClientRequest }).request;
      if (!String(request.getHeader('x-amz-target') ?? '').startsWith(targetPrefix)) return;
      request.once('finish', done).once('error', done).once('close', done);
    };
    const timer = setTimeout(done, maxWaitMs);
    dc.subscribe(CHANNEL, onStart);
  });
}

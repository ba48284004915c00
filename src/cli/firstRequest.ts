// A cold start's first frame is a ~150 ms synchronous render (Yoga, the Unicode width tables, the
// tokenizer warming up). Begun before the first service read has left the process, it holds that
// request back by as long, TLS handshake included. So the dashboard waits, briefly, for the first
// HTTP request to be written out, and renders while AWS answers.
import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

const CHANNEL = 'http.client.request.start';

/** The longest the first frame waits for the first request to go out. */
export const FIRST_REQUEST_WAIT_MS = 250;

/** Resolves when the first HTTP request this process starts after the call is written (or fails), or after `maxWaitMs`. */
export function firstRequestWritten(maxWaitMs = FIRST_REQUEST_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      dc.unsubscribe(CHANNEL, onStart);
      resolve();
    };
    const onStart = (message: unknown) => {
      const request = (message as { request: ClientRequest }).request;
      request.once('finish', done).once('error', done).once('close', done);
    };
    const timer = setTimeout(done, maxWaitMs);
    dc.subscribe(CHANNEL, onStart);
  });
}

// Puts numbered log events into a stream at a steady rate, and reads back the CLI's log trace
// (SHIPWATCH_TRACE_LOGS, src/cli/logTrace.ts: `receivedAtMs<TAB>eventTimestampMs<TAB>message`).
import { CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { readFileSync } from 'node:fs';
import { sleep } from './proc.mjs';

const TICK_MS = 100;

/**
 * Sends `total` events at `perSecond` in one PutLogEvents call per 100 ms tick, the ticks on an
 * absolute schedule (a slow call is caught up on, not pushed back). Each message carries
 * `tag seq=N`; returns sentAt[N] (ms, taken just before the call that carried it) and the rate achieved.
 */
export async function putSteady(logs, { group, stream, tag, total, perSecond }) {
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  const perTick = Math.max(1, Math.round((perSecond * TICK_MS) / 1000));
  const sentAt = new Array(total);
  const t0 = Date.now();
  let last = t0;
  for (let seq = 0, tick = 0; seq < total; tick++) {
    const wait = t0 + tick * TICK_MS - Date.now();
    if (wait > 0) await sleep(wait);
    const now = Date.now();
    last = now;
    const logEvents = [];
    for (let j = 0; j < perTick && seq < total; j++, seq++) {
      sentAt[seq] = now;
      logEvents.push({ timestamp: now, message: `INFO ${tag} seq=${seq} GET /api/bench 200 3ms` });
    }
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
  }
  // Each call carries one tick's events: the span is from the first call to one tick after the last.
  const seconds = (last - t0 + TICK_MS) / 1000;
  return { sentAt, seconds, achievedPerSecond: total / seconds };
}

/** Lags (received - sent), lost and duplicated counts of the `tag` events in the trace file. */
export function readTrace(file, tag, sentAt) {
  const re = new RegExp(`${tag} seq=(\\d+) `);
  const seen = new Uint8Array(sentAt.length);
  const lags = [];
  let dup = 0;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // nothing traced yet
  }
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    const m = tab > 0 ? re.exec(line) : null;
    if (!m) continue;
    const seq = Number(m[1]);
    if (seen[seq]) dup++;
    else lags.push(Number(line.slice(0, tab)) - sentAt[seq]);
    seen[seq] = 1;
  }
  const received = seen.reduce((a, b) => a + b, 0);
  return { lags, received, lost: sentAt.length - received, dup };
}

/** Waits until every event of `tag` is traced, or `ms` passed; returns readTrace's answer. */
export async function drain(file, tag, sentAt, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const r = readTrace(file, tag, sentAt);
    if (r.lost === 0 || Date.now() > until) return r;
    await sleep(250);
  }
}

// signatures: the error-signature book (src/domain/health/signatures) fed as the log follower feeds
// it, 1,000 lines/s in batches of 100 every 100 ms for the window (20 s; --quick 3 s), after a
// baseline of 60 s of lines read at once (--quick 10 s). Two mixes: the demo's log flood (its
// generator, bundled: ~2-3 % error lines) and every line an error (20 templates with varying ids,
// and 1 % one-off lines of three random words that no mask or merge can fold, so the 500-signature
// table fills during the baseline and evicts throughout the window; not in --quick's shorter one).
// Measured in this process, around the book's calls only (process.cpuUsage): CPU % of
// a core, µs per line, clusters held, heap growth over the window (after a forced GC).
// Targets: error-heavy CPU <= 5 % of a core; clusters <= maxSignatures.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { figure, le } from '../lib/figures.mjs';
import { median, sleep } from '../lib/proc.mjs';
import { repeat } from '../lib/steady.mjs';

const MAX_SIGNATURES = 500;
const BATCH = 100;
const EVERY_MS = 100;
const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

/** The book and the demo's generator, bundled from source into a temp dir (dist/ is the CLI's). */
async function load(ctx) {
  const dir = mkdtempSync(join(tmpdir(), 'shipwatch-signatures-'));
  ctx.cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, 'signatures.mjs');
  await build({
    stdin: {
      contents: [
        "export { SignatureBook } from './src/domain/health/signatures/signatureBook.ts';",
        "export { renderBatch } from './src/adapters/demo/logGenerator.ts';",
        "export { int, pick, rngAt } from './src/adapters/demo/random.ts';",
      ].join('\n'),
      resolveDir: ctx.root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** A forced full GC, so heap figures are live data, not garbage not yet collected. */
function gcOrNothing() {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc');
  } catch {
    return () => {};
  }
}

/** Every line an error: 20 templates with ids, addresses, times that vary, and 1 % one-offs. */
function errorHeavy({ int, pick, rngAt }) {
  const hex = (r, n) => Array.from({ length: n }, () => '0123456789abcdef'[int(r, 0, 15)]).join('');
  const uuid = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
  const ip = (r) => `10.0.${int(r, 1, 40)}.${int(r, 2, 254)}`;
  const iso = (r) => new Date(T0 + int(r, 0, 3_600_000)).toISOString();
  const email = (r) => `${pick(r, ['ana', 'bo', 'chen', 'dee'])}.${int(r, 1, 999)}@example.com`;
  const word = (r) => Array.from({ length: 7 }, () => String.fromCharCode(97 + int(r, 0, 25))).join('');
  const templates = [
    (r) =>
      `db pool exhausted: timed out after 3000ms waiting for a connection (in use 20/20, waiting ${int(r, 5, 60)})`,
    (r) => `http GET /api/cart 500 ${int(r, 2900, 3100)}ms req=${hex(r, 8)} err="pq: sorry, too many clients already"`,
    (r) => `checkout upstream timeout: POST https://payments.internal/v2/charges?order=${int(r, 1, 1e6)} after 5000ms`,
    (r) => `panic: runtime error: invalid memory address or nil pointer dereference pc=0x${hex(r, 6)}`,
    (r) =>
      `java.lang.IllegalStateException: Connection pool shut down at OrderService.place(OrderService.java:${int(r, 80, 140)})`,
    (r) =>
      JSON.stringify({
        level: 'error',
        ts: iso(r),
        msg: 'request failed',
        error: `dial tcp ${ip(r)}:5432: connect: connection refused`,
        request_id: uuid(r),
      }),
    (r) => `cache redis GET cart:${int(r, 10000, 99999)} failed: read tcp ${ip(r)}:6379: i/o timeout`,
    (r) => `auth token for ${email(r)} rejected: signature expired at ${iso(r)}`,
    (r) => `s3 PutObject s3://shop-uploads/${uuid(r)}.png: AccessDenied (request id ${hex(r, 16).toUpperCase()})`,
    (r) => `worker job ${int(r, 1000, 99999)} failed: context deadline exceeded (will retry in ${int(r, 1, 30)}s)`,
    (r) =>
      `rpc error: code = Unavailable desc = connection error: "transport: dial tcp ${ip(r)}:50051: connection refused"`,
    (r) => `kafka produce orders-events partition ${int(r, 0, 11)}: Broker: Not enough in-sync replicas`,
    (r) => `http POST /api/checkout 504 ${int(r, 5000, 5010)}ms req=${hex(r, 8)}`,
    (r) =>
      `payments charge ch_${hex(r, 12)} declined: card_declined amount=${int(r, 1, 900)}.${int(r, 10, 99)} currency=USD`,
    (r) => `out of memory: heap limit ${pick(r, [512, 1024])}MB reached, killing worker ${int(r, 100, 9999)}`,
    (r) => `could not connect to server: Connection refused. Is the server running on host "${ip(r)}" and port 5432?`,
    (r) => `rate limit exceeded for api key ${hex(r, 32)}: ${int(r, 1000, 1200)} requests in 60s`,
    (r) => `email delivery to ${email(r)} failed: 421 4.7.0 Try again later`,
    (r) => `order ${uuid(r)} stuck in state PENDING for ${int(r, 1, 59)}m${int(r, 0, 59)}s`,
    (r) =>
      `{"level":"error","message":"inventory reserve failed","sku":"SKU-${int(r, 1, 9999)}","took":"${int(r, 1, 900)}ms"}`,
  ];
  return (seq, timestamp) => {
    const r = rngAt(7, seq);
    const message = r() < 0.01 ? `${word(r)} ${word(r)} ${word(r)} vanished` : pick(r, templates)(r);
    return { id: String(seq), timestamp, stream: 'web/web/0a1b2c3d', message, level: 'ERROR' };
  };
}

/** The demo's flood mix: 90 flood lines (2 % errors) and 10 of a release gone a little bad. */
function demoFlood({ renderBatch }) {
  const sources = ['0a1b2c3d4e5f', '1b2c3d4e5f60', '2c3d4e5f6071'].map((taskId) => ({
    taskId,
    version: 'v2',
    badness: 0.3,
  }));
  // Its lines are spread over the second before `t`; here a batch is 100 ms, so they are restamped.
  return (firstSeq, t) =>
    renderBatch(42, firstSeq, { t, specials: [], regular: 10, flood: 90, sources }, 0).map((e, i) => ({
      ...e,
      timestamp: t + i,
    }));
}

const batchOf = (mix, seq, t) =>
  mix.kind === 'heavy' ? Array.from({ length: BATCH }, (_, i) => mix.line(seq + i, t + i)) : mix.batch(seq, t);

async function runMix(lib, gc, mix, baselineS, seconds) {
  const book = new lib.SignatureBook({ releaseStart: T0, maxSignatures: MAX_SIGNATURES });
  const from = T0 - baselineS * 1000;
  const b0 = performance.now();
  for (let t = from, seq = 0; t < T0; t += EVERY_MS, seq += BATCH)
    book.addBaseline(batchOf(mix, seq, t), { from, to: T0 });
  const baselineMs = performance.now() - b0;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const ticks = (seconds * 1000) / EVERY_MS;
  let cpuUs = 0;
  let clusters = 0;
  const start = performance.now();
  for (let i = 0; i < ticks; i++) {
    const now = T0 + i * EVERY_MS;
    const batch = batchOf(mix, 1e9 + i * BATCH, now);
    const c0 = process.cpuUsage();
    book.add(batch);
    // The pane and the verdict read the book about once a second.
    let held = 0;
    if (i % 10 === 9) {
      held = book.rows(now).length;
      book.summary(now);
    }
    const c = process.cpuUsage(c0);
    clusters = Math.max(clusters, held);
    cpuUs += c.user + c.system;
    await sleep(start + (i + 1) * EVERY_MS - performance.now());
  }
  const wallUs = (performance.now() - start) * 1000;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const errors = book.totals().after.errors / book.totals().after.lines;
  return { cpuPct: (cpuUs / wallUs) * 100, usPerLine: cpuUs / (ticks * BATCH), clusters, heapMB, baselineMs, errors };
}

export default {
  name: 'signatures',
  description: 'the error-signature book at 1,000 lines/s: demo flood mix and every line an error',
  async run(ctx) {
    const seconds = ctx.quick ? 3 : (ctx.seconds ?? 20);
    const baselineS = ctx.quick ? 10 : 60;
    const lib = await load(ctx);
    const gc = gcOrNothing();
    const mixes = { mixed: { kind: 'mixed', batch: demoFlood(lib) }, heavy: { kind: 'heavy', line: errorHeavy(lib) } };
    const samples = await repeat(ctx, 'signatures', ctx.runs, async () => {
      const out = {};
      for (const [name, mix] of Object.entries(mixes))
        for (const [k, v] of Object.entries(await runMix(lib, gc, mix, baselineS, seconds))) out[`${name}.${k}`] = v;
      return out;
    });
    const m = (k) => median(samples.map((s) => s[k]));
    const most = (k) => Math.max(...samples.map((s) => s[k]));
    const share = (k) => `${(m(k) * 100).toFixed(1)} %`;
    return {
      samples,
      notes: [
        `${seconds} s window at ${BATCH} lines every ${EVERY_MS} ms, after a ${baselineS} s baseline read at once; error share: mixed ${share('mixed.errors')}, heavy ${share('heavy.errors')} (1 % one-off lines)`,
        'CPU counts only the time inside the book (add every batch, rows and summary once a second), on this process; clusters: the most held in any run',
      ],
      figures: [
        figure('mixedCpuPct', 'demo flood mix: CPU', m('mixed.cpuPct'), '% core'),
        figure('mixedUsPerLine', 'demo flood mix: per line', m('mixed.usPerLine'), 'µs'),
        figure('mixedClusters', 'demo flood mix: signatures held', most('mixed.clusters'), 'n', le(MAX_SIGNATURES)),
        figure('mixedHeapMB', 'demo flood mix: heap growth over the window', m('mixed.heapMB'), 'MB'),
        figure('heavyCpuPct', 'every line an error: CPU', m('heavy.cpuPct'), '% core', le(5)),
        figure('heavyUsPerLine', 'every line an error: per line', m('heavy.usPerLine'), 'µs'),
        figure(
          'heavyClusters',
          'every line an error: signatures held',
          most('heavy.clusters'),
          'n',
          le(MAX_SIGNATURES),
        ),
        figure('heavyHeapMB', 'every line an error: heap growth over the window', m('heavy.heapMB'), 'MB'),
        figure('heavyBaselineMs', `every line an error: ${baselineS} s baseline read`, m('heavy.baselineMs'), 'ms'),
      ],
    };
  },
};

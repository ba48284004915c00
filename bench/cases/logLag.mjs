// log-lag: log events put into the watched service's log group on moto while the CLI runs with
// SHIPWATCH_TRACE_LOGS: lag from the PutLogEvents call to the event being handed to the app, and
// lost / duplicated events, (a) 10,000 events at a steady 250/s and (b) 1,000 lines/s sustained.
// Targets: p95 <= 1.0 s, 0 lost, 0 duplicated.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsV2, awsVersion, tailFollow } from '../lib/awsCli.mjs';
import { figure, le } from '../lib/figures.mjs';
import { drain, putSteady } from '../lib/logPut.mjs';
import { cliTarget, sharedMoto } from '../lib/moto.mjs';
import { median, percentile, sleep } from '../lib/proc.mjs';
import { repeat } from '../lib/steady.mjs';
import { spawnCli } from '../lib/term.mjs';

const phases = (quick) => [
  { key: 'steady', total: quick ? 1000 : 10_000, perSecond: quick ? 500 : 250 },
  { key: 'sustained', total: quick ? 2000 : 15_000, perSecond: 1000 },
];

async function once(ctx, { moto, h, fresh }, i, cli) {
  await fresh();
  const trace = join(mkdtempSync(join(tmpdir(), 'shipwatch-bench-trace-')), 'logs.tsv');
  const { args, env } = cliTarget(h, moto.endpoint);
  const term = spawnCli({
    script: ctx.script,
    args,
    env: { ...env, SHIPWATCH_TRACE_LOGS: trace },
    cols: 120,
    rows: 36,
  });
  let stopTail;
  try {
    // The seeded ERROR line on screen: the log follower has made its first (history) pass.
    if ((await term.waitFor(/upstream timeout calling payments/, ctx.settleMs)) === false)
      throw new Error(`the seeded log lines never showed\n${term.screen()}`);
    // Side by side where a CLI v2 exists: `aws logs tail --follow` reads the same group meanwhile.
    const tailTrace = `${trace}.aws`;
    stopTail = cli && tailFollow(cli.bin, [h.SEEDED.logGroup, '--endpoint-url', moto.endpoint], env, tailTrace);
    await sleep(2000);
    const { logs } = h.awsClients(moto);
    const out = {};
    for (const p of phases(ctx.quick)) {
      const tag = `bench-lag-${p.key}-${i}`;
      const put = await putSteady(logs, { group: h.SEEDED.logGroup, stream: `bench/${tag}`, tag, ...p });
      const r = await drain(trace, tag, put.sentAt, 15_000);
      Object.assign(out, {
        [`${p.key}P50Ms`]: percentile(r.lags, 50),
        [`${p.key}P95Ms`]: percentile(r.lags, 95),
        [`${p.key}Lost`]: r.lost,
        [`${p.key}Dup`]: r.dup,
        [`${p.key}Rate`]: put.achievedPerSecond,
      });
      if (stopTail) {
        // aws logs tail polls every few seconds: it is given as long as it takes, up to 30 s.
        const a = await drain(tailTrace, tag, put.sentAt, 30_000);
        Object.assign(out, {
          [`${p.key}AwsP50Ms`]: percentile(a.lags, 50),
          [`${p.key}AwsP95Ms`]: percentile(a.lags, 95),
          [`${p.key}AwsLost`]: a.lost,
          [`${p.key}AwsDup`]: a.dup,
        });
      }
      if (term.exited()) throw new Error(`exited during the ${p.key} phase\n${term.screen()}`);
    }
    return out;
  } finally {
    stopTail?.();
    await term.dispose();
  }
}

export default {
  name: 'log-lag',
  description: 'PutLogEvents on moto to the event reaching the app (SHIPWATCH_TRACE_LOGS)',
  async run(ctx) {
    const m = await sharedMoto(ctx);
    const cli = awsV2();
    const samples = await repeat(ctx, 'log-lag', ctx.runs, (i) => once(ctx, m, i, cli));
    const med = (k) => median(samples.map((s) => s[k]));
    const sum = (k) => (samples.length ? samples.reduce((a, s) => a + s[k], 0) : NaN);
    const version = awsVersion();
    const notes = [
      ...phases(ctx.quick).map(
        (p) =>
          `${p.key}: ${p.total.toLocaleString('en-US')} events at ${p.perSecond}/s (achieved ${Math.round(med(`${p.key}Rate`))}/s), one PutLogEvents per 100 ms; lag = traced receivedAt - time of the call; p50/p95 medians of runs, lost/dup totals over runs`,
      ),
      cli
        ? `aws logs tail --follow side by side: ${cli.bin} (${cli.version}) reading the same group in the same runs`
        : `aws logs tail --follow side by side skipped: needs AWS CLI v2, PATH has ${version ?? 'no aws'}`,
    ];
    const figures = phases(ctx.quick).flatMap((p) => [
      figure(`${p.key}P50Ms`, `${p.key}: lag p50`, med(`${p.key}P50Ms`), 'ms'),
      figure(`${p.key}P95Ms`, `${p.key}: lag p95`, med(`${p.key}P95Ms`), 'ms', le(1000)),
      figure(`${p.key}Lost`, `${p.key}: lost events`, sum(`${p.key}Lost`), 'n', le(0)),
      figure(`${p.key}Dup`, `${p.key}: duplicated events`, sum(`${p.key}Dup`), 'n', le(0)),
      ...(cli
        ? [
            figure(`${p.key}AwsP50Ms`, `${p.key}: aws logs tail lag p50`, med(`${p.key}AwsP50Ms`), 'ms'),
            figure(`${p.key}AwsP95Ms`, `${p.key}: aws logs tail lag p95`, med(`${p.key}AwsP95Ms`), 'ms'),
            figure(`${p.key}AwsLost`, `${p.key}: aws logs tail lost`, sum(`${p.key}AwsLost`), 'n'),
            figure(`${p.key}AwsDup`, `${p.key}: aws logs tail duplicated`, sum(`${p.key}AwsDup`), 'n'),
          ]
        : []),
    ]);
    return { samples, notes, figures };
  },
};

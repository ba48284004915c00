// requests: AWS requests by API, through a counting proxy between the CLI and moto, per hour and
// what a 2-hour watch costs. The first seconds after start (history, first reads of every source,
// Cost Explorer) are counted once; the steady window after them is extrapolated.
// Prices: GetMetricData $0.01 per 1,000 metrics requested; Cost Explorer $0.01 per request; Live
// Tail $0.01 per session-minute (off by default); FilterLogEvents, Describe*, ECS reads free.
// Targets: <= $0.03 per 2 h; Cost Explorer <= 2 requests per 2 h.
import { figure, le } from '../lib/figures.mjs';
import { cliTarget, sharedMoto } from '../lib/moto.mjs';
import { median, sleep } from '../lib/proc.mjs';
import { startCountingProxy } from '../lib/proxy.mjs';
import { repeat } from '../lib/steady.mjs';
import { spawnCli } from '../lib/term.mjs';

const WATCH_H = 2;

/** What `reqs` (start-up burst, steady window of `steadyS` seconds) add up to over `hours`. */
function project(startup, steady, steadyS, hours) {
  const scale = (hours * 3600) / steadyS;
  const byApi = {};
  for (const [list, k] of [
    [startup, 1],
    [steady, scale],
  ])
    for (const r of list) byApi[`${r.service}.${r.op}`] = (byApi[`${r.service}.${r.op}`] ?? 0) + k;
  const sum = (list, pick) => list.reduce((a, r) => a + pick(r), 0);
  const both = (pick) => sum(startup, pick) + sum(steady, pick) * scale;
  const metrics = both((r) => r.metrics);
  const ce = both((r) => (r.service === 'ce' ? 1 : 0));
  const liveTail = sum([...startup, ...steady], (r) => (r.op === 'StartLiveTail' ? 1 : 0)) > 0;
  return {
    byApi,
    total: both(() => 1),
    metrics,
    ce,
    failed: both((r) => (r.status >= 400 ? 1 : 0)),
    dollars: (metrics / 1000) * 0.01 + ce * 0.01 + (liveTail ? hours * 60 * 0.01 : 0),
  };
}

async function once(ctx, { moto, h, fresh }, startupS, steadyS) {
  await fresh();
  const proxy = await startCountingProxy(moto.endpoint);
  const term = spawnCli({ script: ctx.script, ...cliTarget(h, proxy.endpoint), cols: 120, rows: 36, cwd: ctx.root });
  try {
    const t0 = Date.now();
    if ((await term.waitFor(/v1\.0\.3/, ctx.settleMs)) === false) throw new Error(`no service\n${term.screen()}`);
    await sleep(startupS * 1000 - (Date.now() - t0));
    const cut = Date.now();
    await sleep(steadyS * 1000);
    if (term.exited()) throw new Error(`exited\n${term.screen()}`);
    const end = Date.now();
    const startup = proxy.requests.filter((r) => r.at < cut);
    const steady = proxy.requests.filter((r) => r.at >= cut && r.at < end);
    const hour = project(startup, steady, steadyS, 1);
    const watch = project(startup, steady, steadyS, WATCH_H);
    return {
      perHour: hour.total,
      metricsPer2h: watch.metrics,
      cePer2h: watch.ce,
      failedPer2h: watch.failed,
      dollarsPer2h: watch.dollars,
      byApiPerHour: hour.byApi,
      startupRequests: startup.length,
    };
  } finally {
    await term.dispose();
    await proxy.close();
  }
}

export default {
  name: 'requests',
  description: 'AWS requests by API through a counting proxy to moto; cost of a 2-hour watch',
  async run(ctx) {
    const m = await sharedMoto(ctx);
    const startupS = ctx.quick ? 4 : 10;
    const steadyS = ctx.quick ? 6 : 60;
    const samples = await repeat(ctx, 'requests', ctx.runs, () => once(ctx, m, startupS, steadyS));
    const med = (pick) => median(samples.map(pick));
    const apis = [...new Set(samples.flatMap((s) => Object.keys(s.byApiPerHour)))].sort();
    return {
      samples,
      notes: [
        `first ${startupS} s after start counted once, the next ${steadyS} s extrapolated; a call repeating less often than every ${steadyS} s (Cost Explorer's 6 h / 24 h cache, a 5-minute hold-off after a failure) is seen only if it falls in the window`,
        'moto answers some APIs with 500 (GetCostForecast, the ECS service-deployment APIs): those requests are counted, and priced, like any other',
        'Live Tail is off by default; a StartLiveTail would be priced as one session for the whole watch',
      ],
      figures: [
        figure(
          'perHour',
          'requests per hour, all APIs',
          med((s) => s.perHour),
          'n',
        ),
        ...apis.map((a) =>
          figure(
            `perHour:${a}`,
            `  ${a} per hour`,
            med((s) => s.byApiPerHour[a] ?? 0),
            'n',
          ),
        ),
        figure(
          'failedPer2h',
          'failed (HTTP >= 400) per 2 h',
          med((s) => s.failedPer2h),
          'n',
        ),
        figure(
          'metricsPer2h',
          'GetMetricData metrics per 2 h',
          med((s) => s.metricsPer2h),
          'n',
        ),
        figure(
          'cePer2h',
          'Cost Explorer requests per 2 h',
          med((s) => s.cePer2h),
          'n',
          le(2),
        ),
        figure(
          'dollarsPer2h',
          'cost of a 2-hour watch',
          med((s) => s.dollarsPer2h),
          '$',
          le(0.03),
        ),
      ],
    };
  },
};

// idle-moto: the CLI watching the seeded service on moto with no log traffic, 120x36: once the
// service shows, what an idle watch costs the bastion. Targets: CPU <= 0.5 % of a core,
// <= 300 B/s to the terminal, RSS <= 110 MB.
import { figure, le } from '../lib/figures.mjs';
import { cliTarget, sharedMoto } from '../lib/moto.mjs';
import { sleep } from '../lib/proc.mjs';
import { medians, repeat, steadyRun } from '../lib/steady.mjs';

export default {
  name: 'idle-moto',
  description: 'watching the seeded service on moto, no log traffic, 120x36',
  async run(ctx) {
    const { moto, h, fresh } = await sharedMoto(ctx);
    const seconds = ctx.quick ? 4 : 30;
    const warmupMs = ctx.quick ? 2000 : 5000;
    // One world for every run, older than a minute before the first window: as in any watch past its
    // first minute the ages on screen then read in minutes, and only the header's T+mm:ss ticks.
    // (Seeded anew per run, the deployment would be seconds old and two more rows redraw each second.)
    await fresh();
    const agedAt = Date.now() + (ctx.quick ? 0 : 65_000);
    const samples = await repeat(ctx, 'idle-moto', ctx.runs, async () => {
      await sleep(agedAt - Date.now());
      return steadyRun(ctx, {
        ...cliTarget(h, moto.endpoint),
        cols: 120,
        rows: 36,
        settle: /v1\.0\.3/,
        seconds,
        warmupMs,
      });
    });
    const m = medians(samples);
    return {
      samples,
      notes: [
        `${seconds} s window, ${warmupMs / 1000} s after the service showed, the release over a minute old; AWS poll intervals: service 5 s, alarms 10 s, metrics 60 s, logs 1 s`,
      ],
      figures: [
        figure('cpuPct', 'CPU', m.cpuPct, '% core', le(0.5)),
        figure('bytesPerSec', 'terminal output', m.bytesPerSec, 'B/s', le(300)),
        figure('rssMB', 'RSS', m.rssMB, 'MB', le(110)),
        figure('rssSecondHalfGrowthMB', 'RSS growth, 2nd half of window', m.rssSecondHalfGrowthMB, 'MB'),
      ],
    };
  },
};

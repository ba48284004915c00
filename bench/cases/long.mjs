// long (--long only): RSS over a long run of the demo's log-flood scenario, by default with the demo
// clock accelerated (--speed 60: the 2-hour watch window passes in 2 wall minutes, while the flood
// keeps its 1,000+ lines per wall second); --speed 1 --minutes 120 is the real-time 2-hour run.
// Sampled at intervals for --minutes N (default 10).
// Targets: RSS <= 110 MB throughout; flat within ±5 % from the middle of the run to its end.
import { figure, le, within } from '../lib/figures.mjs';
import { median, rssMB, sleep } from '../lib/proc.mjs';
import { repeat } from '../lib/steady.mjs';
import { spawnCli } from '../lib/term.mjs';

/** Median RSS of the samples taken between fractions `from` and `to` of the run. */
const between = (points, from, to) => median(points.filter((p) => p.frac >= from && p.frac <= to).map((p) => p.rssMB));

export default {
  name: 'long',
  description: 'demo log-flood (demo clock at --speed), RSS over a long run',
  async run(ctx) {
    const speed = ctx.speed;
    const minutes = ctx.quick ? Math.min(ctx.minutes, 0.5) : ctx.minutes;
    const totalMs = minutes * 60_000;
    const everyMs = Math.max(5000, totalMs / 24);
    const points = [];
    const samples = await repeat(ctx, 'long', 1, async () => {
      const term = spawnCli({
        script: ctx.script,
        args: ['--demo', '--scenario', 'log-flood', '--speed', String(speed)],
        cols: 120,
        rows: 36,
        cwd: ctx.root,
      });
      try {
        if ((await term.waitFor(/\bHEALTHY\b|\bROLLING\b/, ctx.settleMs)) === false) throw new Error('no verdict');
        const t0 = Date.now();
        for (let at = 0; at <= totalMs; at += everyMs) {
          await sleep(t0 + at - Date.now());
          if (term.exited()) throw new Error(`exited after ${Math.round(at / 1000)} s\n${term.screen()}`);
          points.push({ s: Math.round((Date.now() - t0) / 1000), frac: at / totalMs, rssMB: rssMB(term.pid) });
          ctx.log(`  long: ${points.at(-1).s} s  rss ${points.at(-1).rssMB.toFixed(1)} MB`);
        }
      } finally {
        await term.dispose();
      }
      const mid = between(points, 0.4, 0.6);
      const end = between(points, 0.8, 1);
      return {
        maxMB: Math.max(...points.map((p) => p.rssMB)),
        midMB: mid,
        endMB: end,
        growthPct: ((end - mid) / mid) * 100,
      };
    });
    const s = samples[0] ?? {};
    return {
      samples: samples.map((x) => ({ ...x, points })),
      notes: [
        `one run of ${minutes} min (demo clock x${speed}, ${((minutes * speed) / 60).toFixed(1)} simulated hours), RSS every ${Math.round(everyMs / 1000)} s: ${points.map((p) => `${p.s}s ${p.rssMB.toFixed(0)}`).join(', ')} MB`,
        'middle = median RSS of the samples at 40-60 % of the run, end = median at 80-100 %',
      ],
      figures: [
        figure('maxMB', 'RSS, highest sample', s.maxMB, 'MB', le(110)),
        figure('midMB', 'RSS, middle of the run', s.midMB, 'MB'),
        figure('endMB', 'RSS, end of the run', s.endMB, 'MB'),
        figure('growthPct', 'RSS growth, middle to end', s.growthPct, '%', within(5)),
      ],
    };
  },
};

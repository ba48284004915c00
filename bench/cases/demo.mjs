// The demo world's cases, kept from the first bench as informational rows: the simulated release
// logs ~20 lines/s and redraws its clock, so the idle CPU and bytes/s targets (made for a quiet
// real service) do not apply; the RSS ceiling does.
import { figure, le } from '../lib/figures.mjs';
import { medians, repeat, steadyRun } from '../lib/steady.mjs';

const VERDICT = /\b(ROLLING|HEALTHY|DEGRADED|ALARM)\b/;

function demoCase(name, description, scenario, cols, rows) {
  return {
    name,
    description,
    async run(ctx) {
      const seconds = ctx.quick ? 3 : (ctx.seconds ?? 15);
      const samples = await repeat(ctx, name, ctx.runs, () =>
        steadyRun(ctx, {
          args: ['--demo', '--scenario', scenario, ...ctx.extra],
          cols,
          rows,
          settle: scenario === 'healthy' ? /\bHEALTHY\b/ : VERDICT,
          seconds,
          warmupMs: ctx.quick ? 1000 : 3000,
        }),
      );
      const m = medians(samples);
      return {
        samples,
        notes: [`demo --scenario ${scenario} at ${cols}x${rows}, ${seconds} s window after settling`],
        figures: [
          figure('cpuPct', 'CPU', m.cpuPct, '% core'),
          figure('bytesPerSec', 'terminal output', m.bytesPerSec, 'B/s'),
          figure('rssMB', 'RSS', m.rssMB, 'MB', le(110)),
        ],
      };
    },
  };
}

export const demoCases = [
  demoCase('idle-demo', 'demo, healthy release, 120x36', 'healthy', 120, 36),
  demoCase('bad-release', 'demo, bad release (alarms fire), 120x36', 'bad-release', 120, 36),
  demoCase('small', 'demo, bad release, 80x24 (one pane)', 'bad-release', 80, 24),
];

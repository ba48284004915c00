// flood: the demo's log-flood scenario (over 1,000 log lines per wall-clock second) at 120x36:
// CPU, bytes/s and RSS over a window, then key latency with the flood still running — Tab written
// to the pty, timed until the mirrored screen shows the focus on another pane. Target p95 <= 50 ms.
import { figure, le } from '../lib/figures.mjs';
import { percentile, sleep } from '../lib/proc.mjs';
import { medians, repeat, steadyRun } from '../lib/steady.mjs';

// Which pane has the focus, read from the text, not from colour: src/ui/Pane.tsx draws the focused
// pane's title as `╭▶ [n] Title` (ASCII `+> [n]`), the marker replacing the first dash, so focus
// reads without colour (NO_COLOR) and the title never shifts. Requiring the corner glyph right
// before the marker keeps a log line that happens to contain "▶ [3]" from matching. At 120x36
// every pane is on screen, so exactly one title carries the marker.
const FOCUSED = /[╭+][▶>] \[(\d)\] /;
const focused = (screen) => FOCUSED.exec(screen)?.[1];

/** Presses Tab `n` times, 300-700 ms apart; each latency is write → the parsed screen's focus moved. */
async function tabLatencies(term, n) {
  const out = [];
  let timeouts = 0;
  for (let i = 0; i < n; i++) {
    const before = focused(term.screen());
    let done;
    const moved = new Promise((r) => (done = r));
    // Checked as each chunk of output lands on the mirror (xterm's write callback), so the time
    // is when the redraw reached the screen, not the next tick of a poll.
    term.onParsed = (h) => {
      if (focused(h.screen()) !== before) done(performance.now());
    };
    const t0 = performance.now();
    term.press('\t');
    const t1 = await Promise.race([moved, sleep(5000).then(() => undefined)]);
    term.onParsed = undefined;
    if (t1 === undefined) timeouts++;
    else out.push(t1 - t0);
    await sleep(300 + Math.random() * 400);
  }
  return { latencies: out, timeouts };
}

export default {
  name: 'flood',
  description: 'demo --scenario log-flood, 120x36: cost of a flood, and Tab latency during it',
  async run(ctx) {
    const seconds = ctx.quick ? 3 : 20;
    const presses = ctx.quick ? 5 : 20;
    const all = [];
    let timeouts = 0;
    const samples = await repeat(ctx, 'flood', ctx.runs, () =>
      steadyRun(ctx, {
        args: ['--demo', '--scenario', 'log-flood'],
        cols: 120,
        rows: 36,
        settle: /\bHEALTHY\b|\bROLLING\b/,
        seconds,
        warmupMs: ctx.quick ? 1000 : 3000,
        after: async (term) => {
          if (!focused(term.screen())) throw new Error(`no focused pane title found\n${term.screen()}`);
          const k = await tabLatencies(term, presses);
          all.push(...k.latencies);
          timeouts += k.timeouts;
          return { keyP50Ms: percentile(k.latencies, 50), keyP95Ms: percentile(k.latencies, 95) };
        },
      }),
    );
    const m = medians(samples);
    return {
      samples,
      notes: [
        `${seconds} s window; then ${presses} Tabs per run, 300-700 ms apart; key p50/p95 over all ${all.length} presses of all runs${timeouts ? `; ${timeouts} presses showed no focus change within 5 s` : ''}`,
      ],
      figures: [
        figure('cpuPct', 'CPU', m.cpuPct, '% core'),
        figure('bytesPerSec', 'terminal output', m.bytesPerSec, 'B/s'),
        figure('rssMB', 'RSS', m.rssMB, 'MB', le(110)),
        figure('keyP50Ms', 'Tab to focus shown, p50', percentile(all, 50), 'ms'),
        figure('keyP95Ms', 'Tab to focus shown, p95', percentile(all, 95), 'ms', le(50)),
        figure('keyTimeouts', 'Tabs with no focus change in 5 s', timeouts, 'n', le(0)),
      ],
    };
  },
};

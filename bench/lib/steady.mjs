// Runs a case N times and takes medians; the common "start, settle, warm up, measure a window" run.
import { measureWindow, median, sleep } from './proc.mjs';
import { spawnCli } from './term.mjs';

/** Calls `once(i)` `n` times; a failed run is logged and left out. Returns the samples. */
export async function repeat(ctx, name, n, once) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    try {
      const s = await once(i);
      samples.push(s);
      ctx.log(`  ${name} run ${i + 1}/${n}: ${summary(s)}`);
    } catch (err) {
      ctx.log(`  ${name} run ${i + 1}/${n}: FAILED ${err.message}`);
      ctx.failures.push(`${name} run ${i + 1}: ${err.message.split('\n')[0]}`);
    }
  }
  return samples;
}

const summary = (s) =>
  Object.entries(s)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k} ${Math.round(v * 100) / 100}`)
    .join('  ');

/** Median of each numeric key over the samples. */
export function medians(samples) {
  const keys = new Set(samples.flatMap((s) => Object.keys(s).filter((k) => typeof s[k] === 'number')));
  return Object.fromEntries([...keys].map((k) => [k, median(samples.map((s) => s[k]))]));
}

/**
 * One steady-state run: spawn at cols x rows, wait until `settle` matches the screen, warm up, then
 * measure CPU, bytes/s and RSS over `seconds`; `after(term)` may measure more (its numbers are merged).
 */
export async function steadyRun(ctx, { args, env, cols, rows, settle, seconds, warmupMs = 3000, after }) {
  const term = spawnCli({ script: ctx.script, args, env, cols, rows, cwd: ctx.root });
  try {
    const settledAt = await term.waitFor(settle, ctx.settleMs, `${settle}`);
    if (settledAt === false) throw new Error(`did not show ${settle} within ${ctx.settleMs} ms\n${term.screen()}`);
    await sleep(warmupMs);
    const m = await measureWindow(term, seconds, () => term.exited());
    return { settleMs: settledAt, ...m, ...(after ? await after(term) : {}) };
  } finally {
    await term.dispose();
  }
}

// first-frame: start to the first screen showing the seeded service's image tag, the built CLI in
// a pty at 120x36 against moto, and in the same rounds (the order alternating) the time for
// `aws ecs describe-services` to print the same service. Target: CLI / aws <= 0.6.
import { awsVersion, timeAws } from '../lib/awsCli.mjs';
import { figure, le } from '../lib/figures.mjs';
import { cliTarget, sharedMoto } from '../lib/moto.mjs';
import { median, sleep } from '../lib/proc.mjs';
import { spawnCli } from '../lib/term.mjs';

// web:3's image is registry.example.com/web:v1.0.3 (test/helpers/seedAws.ts).
const TAG = 'v1.0.3';

/** ms from spawn to the mirrored screen first showing TAG: checked as each output chunk is parsed. */
async function cliFirstFrame(ctx, target) {
  const term = spawnCli({ script: ctx.script, ...target, cols: 120, rows: 36, cwd: ctx.root });
  let at;
  term.onParsed = (h) => {
    if (at === undefined && h.screen().includes(TAG)) at = performance.now() - h.startedAt;
  };
  try {
    const shown = await term.waitFor(() => at !== undefined, ctx.settleMs, TAG);
    if (shown === false) throw new Error(`${TAG} not shown within ${ctx.settleMs} ms\n${term.screen()}`);
    return at;
  } finally {
    await term.dispose();
  }
}

export default {
  name: 'first-frame',
  description: 'start to the first screen with the image tag, vs aws ecs describe-services (moto)',
  async run(ctx) {
    const { moto, h } = await sharedMoto(ctx);
    const target = cliTarget(h, moto.endpoint);
    const version = awsVersion();
    const awsArgs = ['ecs', 'describe-services', '--cluster', h.SEEDED.cluster, '--services', h.SEEDED.service];
    const awsCall = () =>
      timeAws([...awsArgs, '--endpoint-url', moto.endpoint, '--region', 'us-east-1'], target.env).then((r) => {
        if (!r.out.includes(TAG) && !r.out.includes('"serviceName"')) throw new Error('aws printed no service');
        return r.ms;
      });
    const rounds = Math.max(ctx.quick ? 1 : 3, ctx.runs);
    // One round not counted: moto has loaded ECS already (sharedMoto), this warms the page cache.
    await cliFirstFrame(ctx, target);
    if (version) await awsCall();
    const samples = [];
    for (let i = 0; i < rounds; i++) {
      const s = {};
      const order = i % 2 ? ['aws', 'cli'] : ['cli', 'aws'];
      for (const which of order) {
        if (which === 'cli') s.cliMs = await cliFirstFrame(ctx, target);
        else if (version) s.awsMs = await awsCall();
        await sleep(300);
      }
      if (s.awsMs) s.ratio = s.cliMs / s.awsMs;
      ctx.log(`  first-frame round ${i + 1}/${rounds}: cli ${Math.round(s.cliMs)} ms, aws ${Math.round(s.awsMs)} ms`);
      samples.push(s);
    }
    const cli = median(samples.map((s) => s.cliMs));
    const aws = version ? median(samples.map((s) => s.awsMs)) : NaN;
    const notes = [
      `${rounds} alternating rounds after one uncounted; ratio = median CLI / median aws`,
      version ? `aws on PATH: ${version}` : 'skipped the aws side: no aws on PATH (ratio not measured)',
    ];
    return {
      samples,
      notes,
      figures: [
        figure('cliMs', `shipwatch: first frame with ${TAG}`, cli, 'ms'),
        figure('awsMs', 'aws ecs describe-services printed', aws, 'ms'),
        figure('ratio', 'ratio shipwatch / aws', cli / aws, 'x', le(0.6)),
      ],
    };
  },
};

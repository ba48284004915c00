// moto and the seeded world, exactly as the tests have them: test/helpers/moto.ts and seedAws.ts
// are bundled once with esbuild into .bench/cache/helpers.mjs (gitignored, lint-ignored) and
// imported, so the bench never drifts from the e2e tests' set-up.
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

let helpers;

export async function loadHelpers(root) {
  if (helpers) return helpers;
  const outfile = `${root}.bench/cache/helpers.mjs`;
  mkdirSync(`${root}.bench/cache`, { recursive: true });
  await build({
    stdin: {
      contents: "export * from './test/helpers/moto.ts';\nexport * from './test/helpers/seedAws.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  helpers = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  return helpers;
}

/** Starts moto, warms it (the first ECS call loads the service: ~1 s) and returns it with helpers. */
export async function startSeededMoto(root) {
  const h = await loadHelpers(root);
  const moto = await h.startMoto();
  const fresh = async () => {
    await moto.reset();
    await h.seedWorld(moto);
  };
  await fresh();
  return { moto, h, fresh };
}

/** Flags and env that point the CLI at `endpoint` (moto, or the counting proxy in front of it). */
export function cliTarget(h, endpoint) {
  return {
    args: [
      '--cluster',
      h.SEEDED.cluster,
      '--service',
      h.SEEDED.service,
      '--region',
      'us-east-1',
      '--endpoint-url',
      endpoint,
    ],
    env: { ...h.TEST_CREDENTIALS, AWS_ENDPOINT_URL: endpoint, AWS_EC2_METADATA_DISABLED: 'true' },
  };
}

/** One moto (seeded) for every case that needs it, started on first use and stopped at the end. */
export function sharedMoto(ctx) {
  if (!ctx.motoStarted) {
    ctx.motoStarted = startSeededMoto(ctx.root);
    ctx.cleanups.push(async () => (await ctx.motoStarted.catch(() => undefined))?.moto.stop());
  }
  return ctx.motoStarted;
}

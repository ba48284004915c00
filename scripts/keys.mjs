// Prints the README's key table from the keymap registry: `npm run -s keys`.
import { build } from 'esbuild';

const out = await build({
  entryPoints: ['src/ui/keymap.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const mod = await import(`data:text/javascript,${encodeURIComponent(out.outputFiles[0].text)}`);
process.stdout.write(`${mod.keyTableMarkdown()}\n`);

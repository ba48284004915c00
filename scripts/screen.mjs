// Prints what the built CLI shows in a real terminal after N seconds, as plain text: the README's
// screen samples come from here.  node scripts/screen.mjs [--cols 120] [--rows 36] [--seconds 15] [-- ARGS]
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const { Terminal } = require('@xterm/headless');

const { values: o, positionals } = parseArgs({
  options: {
    cols: { type: 'string', default: '120' },
    rows: { type: 'string', default: '36' },
    seconds: { type: 'string', default: '15' },
  },
  allowPositionals: true,
});
const [cols, rows] = [Number(o.cols), Number(o.rows)];
const cli = fileURLToPath(new URL('../dist/shipwatch.js', import.meta.url));
const term = new Terminal({ cols, rows, allowProposedApi: true });
const env = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8' };
const child = pty.spawn(process.execPath, [cli, ...(positionals.length ? positionals : ['--demo'])], {
  cols,
  rows,
  env,
  name: 'xterm-256color',
});
child.onData((d) => term.write(d));
setTimeout(
  () => {
    const buf = term.buffer.active;
    const lines = [];
    for (let i = 0; i < rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    while (lines.length && lines.at(-1) === '') lines.pop();
    process.stdout.write(`${lines.join('\n')}\n`);
    child.kill();
    process.exit(0);
  },
  Number(o.seconds) * 1000,
);

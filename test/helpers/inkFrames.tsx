// Bundled by test/unit/ink-frames.test.ts with esbuild, once with every Ink patch and once without
// some: the same frames drawn by each copy of Ink must be the same, and keys must draw at once.
import { EventEmitter } from 'node:events';
import { Box, Text, render } from 'ink';
import React, { useState, useSyncExternalStore } from 'react';
import type { Store } from '../../src/app/store.js';
import { App } from '../../src/ui/App.js';
import { AppEnvContext, type AppEnv } from '../../src/ui/AppEnv.js';
import { InputProvider, useKeyHandler } from '../../src/ui/input.js';
import { StoreProvider } from '../../src/ui/StoreContext.js';

/** A terminal's stdout for Ink: every write recorded, the size fixed. */
export function fakeStdout(columns: number, rows: number, isTTY: boolean) {
  const out = Object.assign(new EventEmitter(), {
    columns,
    rows,
    isTTY,
    writes: [] as string[],
    write(s: string, cb?: () => void) {
      out.writes.push(s);
      cb?.();
      return true;
    },
  });
  return out;
}

/** A raw-mode terminal's stdin: `press` makes one read of `data`, as a person typing does. */
export function fakeStdin() {
  const queue: string[] = [];
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: () => stdin,
    setEncoding: () => stdin,
    ref: () => stdin,
    unref: () => stdin,
    read: () => queue.shift() ?? null,
    press(data: string) {
      queue.push(data);
      stdin.emit('readable');
    },
  });
  return stdin;
}

/** Ink's full frame of `node` on a cols x rows terminal (debug mode: every render written whole). */
async function frameOf(node: React.ReactElement, cols: number, rows: number): Promise<string> {
  const stdout = fakeStdout(cols, rows, false);
  const instance = render(node, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: fakeStdin() as unknown as NodeJS.ReadStream,
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  // Effects (a size read, a subscription) may commit once more.
  await new Promise((r) => setTimeout(r, 10));
  const frame = stdout.writes.at(-1) ?? '';
  instance.unmount();
  instance.cleanup();
  return frame;
}

/** The whole dashboard drawn from a store and an environment made outside this bundle. */
export const appFrame = (store: Store, env: AppEnv, cols: number, rows: number) =>
  frameOf(
    <StoreProvider store={store}>
      <AppEnvContext.Provider value={env}>
        <InputProvider active={false}>
          <App />
        </InputProvider>
      </AppEnvContext.Provider>
    </StoreProvider>,
    cols,
    rows,
  );

const esc = '\u001b';
/** Lines that stress slicing and measuring: colour, hyperlinks, wide and zero-width characters. */
export const HARD_LINES = [
  'plain ascii line that is long enough to be clipped by a narrow pane on the right side of it',
  '漢字とかなの混じった長い行は二桁ずつ数えられて、枠の中で切り詰められます。漢字漢字漢字漢字',
  'emoji 👍🏽 flags 🇩🇪🇯🇵 family 👨‍👩‍👧 keycap 1️⃣ text ✔︎ done and more words after them',
  `${esc}[31mred${esc}[39m ${esc}[1;4mbold underline${esc}[22;24m ${esc}[38;5;208morange${esc}[39m tail`,
  `${esc}[48;2;10;20;30mtruecolor background${esc}[49m then ${esc}[7minverse without an end`,
  `${esc}]8;;https://example.com/a/very/long/path${esc}\\a hyperlink${esc}]8;;${esc}\\ after the link`,
  'trailing zero width\u200b',
  '\u0301combining first, e\u0301 and a\u0308 later',
  'tab\there and a very long word: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl',
  '',
  '─'.repeat(150),
];

const wraps = ['wrap', 'truncate', 'truncate-middle', 'truncate-start'] as const;

/** Panes of hard lines: bordered, clipped both ways, scrolled up and left by negative margins. */
function HardPanes({ cols, rows }: { cols: number; rows: number }) {
  const half = Math.floor(cols / 2);
  return (
    <Box flexDirection="column" width={cols} height={rows}>
      <Box height={Math.floor(rows / 2)}>
        {wraps.map((wrap, i) => (
          <Box
            key={wrap}
            width={Math.floor(cols / 4)}
            borderStyle={i % 2 ? 'single' : 'round'}
            borderColor={i % 2 ? 'cyan' : 'yellow'}
            overflow="hidden"
            flexDirection="column"
          >
            {HARD_LINES.map((line, j) => (
              <Text key={j} wrap={wrap} color={j % 3 ? undefined : 'green'}>
                {line}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Box flexGrow={1}>
        <Box width={half} borderStyle="double" overflow="hidden" flexDirection="column">
          <Box marginLeft={-7} marginTop={-2} flexDirection="column" flexShrink={0}>
            {HARD_LINES.map((line, j) => (
              <Text key={j} wrap="truncate">
                {line}
              </Text>
            ))}
          </Box>
        </Box>
        <Box width={cols - half} overflowX="hidden" flexDirection="column">
          {HARD_LINES.map((line, j) => (
            <Box key={j} width={cols * 2} flexShrink={0}>
              <Text backgroundColor={j % 2 ? 'blue' : undefined}>{`${j}: ${line}`}</Text>
            </Box>
          ))}
        </Box>
      </Box>
    </Box>
  );
}

export const hardFrame = (cols: number, rows: number) => frameOf(<HardPanes cols={cols} rows={rows} />, cols, rows);

/**
 * A keyed app on a throttled Ink: `bump` is a background update, `press` a key read by the app's
 * InputProvider. The screen is Ink's incremental output as written (for a headless terminal).
 */
export function mountKeys(maxFps: number) {
  let background = 0;
  const listeners = new Set<() => void>();
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  };
  function Keys() {
    const n = useSyncExternalStore(subscribe, () => background);
    const [keys, setKeys] = useState('');
    useKeyHandler(0, (key) => {
      // "x" is a key nobody handles: no commit, so nothing to draw.
      if (key === 'x') return false;
      setKeys((k) => k + key);
      return true;
    });
    return (
      <Box flexDirection="column">
        <Text>background {n}</Text>
        <Text>keys [{keys}]</Text>
      </Box>
    );
  }
  const stdout = fakeStdout(40, 6, true);
  const stdin = fakeStdin();
  const instance = render(
    <InputProvider>
      <Keys />
    </InputProvider>,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      maxFps,
      incrementalRendering: true,
      patchConsole: false,
      exitOnCtrlC: false,
    },
  );
  return {
    writes: stdout.writes,
    press: (data: string) => stdin.press(data),
    bump() {
      background++;
      for (const l of listeners) l();
    },
    unmount() {
      instance.unmount();
      instance.cleanup();
    },
  };
}

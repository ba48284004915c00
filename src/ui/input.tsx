// One stdin subscriber for the whole app. Handlers register with a priority; the highest runs
// first and returns true to consume the key, so an open dialog swallows everything.
import { useInput, type Key } from 'ink';
import React, { createContext, useContext, useEffect, useRef } from 'react';

export type KeyHandler = (key: string, input: string) => boolean;

interface Registration {
  priority: number;
  handler: { current: KeyHandler };
}

/** Ink's (input, key) pair as one name: 'r', 'tab', 'shift+tab', 'up', 'return', 'escape', 'ctrl+c'. */
export function keyName(input: string, key: Key): string {
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl+${input}`;
  if (input === ' ') return 'space';
  return input;
}

const InputContext = createContext<Set<Registration> | null>(null);

export function InputProvider({ children, active = true }: { children: React.ReactNode; active?: boolean }) {
  const registry = useRef(new Set<Registration>()).current;
  useInput(
    (input, key) => {
      // A held key (or keys typed over a laggy SSH link) can arrive as one chunk, "jjj": each is a
      // press. Only a run of one key is split: pasted text such as "every" must not become r then y.
      const chunk =
        !key.ctrl &&
        !key.meta &&
        input.length > 1 &&
        [...input].every((c) => c === input[0]) &&
        // eslint-disable-next-line no-control-regex -- a chunk holding a control character is not a held key
        !/[\u0000-\u001f\u007f]/.test(input);
      for (const ch of chunk ? [...input] : [input]) {
        const name = chunk ? keyName(ch, {} as Key) : keyName(input, key);
        const ordered = [...registry].sort((a, b) => b.priority - a.priority);
        for (const r of ordered) if (r.handler.current(name, ch)) break;
      }
    },
    { isActive: active },
  );
  return <InputContext.Provider value={registry}>{children}</InputContext.Provider>;
}

/** Registers a handler while `enabled`; the latest handler closure is always used. */
export function useKeyHandler(priority: number, handler: KeyHandler, enabled = true): void {
  const registry = useContext(InputContext);
  if (!registry) throw new Error('useKeyHandler outside <InputProvider>');
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const reg: Registration = { priority, handler: ref };
    registry.add(reg);
    return () => {
      registry.delete(reg);
    };
  }, [registry, priority, enabled]);
}

export const PRIORITY = { dialog: 100, filter: 90, help: 80, dashboard: 0 } as const;

// One stdin subscriber for the whole app. Handlers register with a priority; the highest runs
// first and returns true to consume the key, so an open dialog swallows everything.
import { useStdin } from 'ink';
import React, { createContext, useContext, useEffect, useRef } from 'react';
import { createKeySplitter, isMixed, type Press } from './keyChunks.js';
import { KEYMAP } from './keymap.js';

/** `key` is the press's name (see keyChunks), `input` the printable text it types ('' for none). */
export type KeyHandler = (key: string, input: string) => boolean;

export interface KeyHandlerOptions {
  /** Takes text: gets every key of a read, and bracketed pastes (name 'paste'), which nobody else sees. */
  text?: boolean;
}

interface Registration {
  priority: number;
  text: boolean;
  handler: { current: KeyHandler };
}

export const PRIORITY = { dialog: 100, filter: 90, help: 80, dashboard: 0 } as const;

/** An unterminated bracketed paste ends after this long, so a terminal that lost the end marker leaves no deaf app. */
const PASTE_TIMEOUT_MS = 1000;

// Keys that change production or lead straight to the confirm (r, R, y, p, Enter in the picker).
const RISKY = new Set(KEYMAP.filter((a) => a.dangerous).flatMap((a) => a.keys));

// Several different keys in one read are typed ahead over a slow link, or text pasted by a terminal
// without bracketed paste. Each is a press ("3?" focuses and opens help), except a risky key: one
// that arrived with others was not pressed by someone who saw the screen it acts on, and a paste
// such as "every" must neither open a rollback (r) nor confirm one (y). Other keys of such a read
// reach a dialog as they would one by one: any of them only cancels it. A run of one key ("jjj",
// "yyy") is a key held down: every one is a press, risky or not. Only a handler that takes text (the
// filter prompt) gets a read's risky keys, as the characters they are, and pastes.
function reaches(r: Registration, press: Press, mixed: boolean): boolean {
  if (press.name === 'paste') return r.text;
  return r.text || !mixed || !RISKY.has(press.name);
}

const InputContext = createContext<Set<Registration> | null>(null);

export function InputProvider({
  children,
  active = true,
  pasteTimeoutMs = PASTE_TIMEOUT_MS,
}: {
  children: React.ReactNode;
  active?: boolean;
  pasteTimeoutMs?: number;
}) {
  const registry = useRef(new Set<Registration>()).current;
  // Ink's useInput hands over its parse of each sequence, which drops the ESC of ones it does not
  // know (ESC[200~ becomes the text "[200~"): read Ink's events as the terminal sent them instead.
  const { internal_eventEmitter: events, setRawMode } = useStdin();
  useEffect(() => {
    if (!active) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, setRawMode]);
  useEffect(() => {
    if (!active) return;
    const splitter = createKeySplitter();
    // Ink emits the events of one read synchronously, one per escape sequence and per run of text
    // between them. Each is delivered at once (a key right after the one that opened a view goes to
    // that view), judged by all that arrived of its read so far: in "r ESC[I y" the y came with an r.
    let read: Press[] = [];
    let readEnds = false;
    let pasteTimer: NodeJS.Timeout | undefined;
    const deliver = (presses: Press[]) => {
      read.push(...presses.filter((p) => p.name !== 'paste'));
      const mixed = isMixed(read);
      for (const press of presses) {
        const ordered = [...registry].sort((a, b) => b.priority - a.priority);
        for (const r of ordered) if (reaches(r, press, mixed) && r.handler.current(press.name, press.input)) break;
      }
    };
    const onInput = (data: string) => {
      if (!readEnds) {
        readEnds = true;
        queueMicrotask(() => {
          read = [];
          readEnds = false;
        });
      }
      clearTimeout(pasteTimer);
      deliver(splitter.push(data));
      if (splitter.pasting) pasteTimer = setTimeout(() => deliver(splitter.flush()), pasteTimeoutMs);
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      clearTimeout(pasteTimer);
    };
  }, [active, events, registry, pasteTimeoutMs]);
  return <InputContext.Provider value={registry}>{children}</InputContext.Provider>;
}

/** Registers a handler while `enabled`; the latest handler closure is always used. */
export function useKeyHandler(
  priority: number,
  handler: KeyHandler,
  enabled = true,
  { text = false }: KeyHandlerOptions = {},
): void {
  const registry = useContext(InputContext);
  if (!registry) throw new Error('useKeyHandler outside <InputProvider>');
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const reg: Registration = { priority, text, handler: ref };
    registry.add(reg);
    return () => {
      registry.delete(reg);
    };
  }, [registry, priority, enabled, text]);
}

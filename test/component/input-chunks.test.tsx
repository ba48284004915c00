// Keys that arrive in one read, as over a laggy SSH link: each stdin.write below is one read.
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { InputProvider, useKeyHandler } from '../../src/ui/input.js';
import { FakeBackend } from '../helpers/fakeBackend.js';
import { renderApp, waitForFrame } from '../helpers/renderApp.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(() => app?.stop());

const frame = () => app!.lastFrame() ?? '';
const until = (check: (f: string) => boolean) => waitForFrame(frame, check);
const state = () => app!.store.getState();
const PASTE = (text: string) => `\u001b[200~${text}\u001b[201~`;
// The frame must hold no control character but the newline.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

async function dashboard() {
  const backend = new FakeBackend();
  app = renderApp(backend);
  await until((f) => f.includes('r → web:41'));
  return backend;
}

async function filterPrompt() {
  await dashboard();
  app!.press('logs.filter');
  await until((f) => f.includes('Enter apply'));
}

describe('the filter prompt takes a read of text and keys', () => {
  it('"cart" and Enter in one read apply the filter "cart"; no CR reaches the draft or the frame', async () => {
    await filterPrompt();
    app!.stdin.write('cart\r');
    await until((f) => f.includes('filter: cart'));
    expect(state().logView.filter).toBe('cart');
    expect(state().ui.overlay).toBe('none');
    expect(frame()).not.toMatch(CONTROL);
    const widths = new Set(
      frame()
        .split('\n')
        .map((l) => l.length),
    );
    expect(Math.max(...widths)).toBeLessThanOrEqual(120);
  });

  it('a burst of Backspaces deletes that many characters, and types no ^? into the draft', async () => {
    await filterPrompt();
    app!.stdin.write('carts');
    await until((f) => f.includes('/ carts'));
    app!.stdin.write('\u007f\u007f\u007f');
    await until((f) => f.includes('/ ca ') || f.includes('/ ca\u00a0'));
    expect(state().ui.filterDraft).toBe('ca');
    app!.stdin.write('\u0008\u001b[3~t\r');
    await until((f) => f.includes('filter: t'));
    expect(state().logView.filter).toBe('t');
  });

  it('typed-ahead keys with risky letters stay text in the prompt; space is text', async () => {
    await filterPrompt();
    app!.stdin.write('ry error');
    await until((f) => f.includes('/ ry error'));
    expect(state().ui.filterDraft).toBe('ry error');
    expect(state().ui.overlay).toBe('filter');
  });

  it('a bracketed paste is text to the prompt, controls and line breaks removed, and Enter after it applies', async () => {
    await filterPrompt();
    app!.stdin.write(PASTE('GET /health\u001b[2J\u0007\r\n'));
    await until((f) => f.includes('/ GET /health'));
    expect(state().ui.filterDraft).toBe('GET /health ');
    app!.stdin.write('\r');
    await until((f) => f.includes('filter: GET /health'));
    expect(frame()).not.toMatch(CONTROL);
  });
});

describe('on the dashboard and in dialogs', () => {
  it('"3?" in one read is two presses: focus Alarms, then open the help', async () => {
    await dashboard();
    app!.stdin.write('3?');
    await until((f) => f.includes('Keys (Esc, ? or q closes)'));
    expect(state().ui.focus).toBe('alarms');
    expect(state().ui.overlay).toBe('help');
  });

  it('pasted "every" in the open rollback dialog does not confirm; a lone y still does', async () => {
    const backend = await dashboard();
    app!.press('release.rollback');
    await until((f) => f.includes('y roll back now'));
    app!.stdin.write('every');
    await new Promise((r) => setTimeout(r, 200));
    expect(backend.rollbacks).toEqual([]);
    expect(frame()).not.toContain('ROLLING BACK');
    // The paste's first letter closed the dialog ("any other key cancels") and its v opened the
    // verdict view: close that, open the dialog again, and a y pressed on its own confirms.
    if (state().ui.overlay === 'verdict') {
      app!.press('view.close');
      await until(() => state().ui.overlay === 'none');
    }
    if (state().ui.overlay !== 'rollback') app!.press('release.rollback');
    await until((f) => f.includes('y roll back now'));
    app!.press('dialog.confirm');
    await until(() => backend.rollbacks.length === 1);
  });

  it('a read is judged whole though Ink splits it at escape sequences: in "r ESC[I y" the y is not a confirm', async () => {
    const backend = await dashboard();
    app!.stdin.write('r\u001b[Iy');
    await until((f) => f.includes('y roll back now'));
    await new Promise((r) => setTimeout(r, 200));
    expect(backend.rollbacks).toEqual([]);
    expect(state().ui.overlay).toBe('rollback');
  });

  it('a bracketed paste is never key presses: on the dashboard nothing happens, an open dialog stays open', async () => {
    const backend = await dashboard();
    const before = state().ui;
    app!.stdin.write(PASTE('3?every r'));
    await new Promise((r) => setTimeout(r, 200));
    expect(state().ui.focus).toBe(before.focus);
    expect(state().ui.overlay).toBe('none');
    app!.press('release.rollback');
    await until((f) => f.includes('y roll back now'));
    app!.stdin.write(PASTE('y'));
    await new Promise((r) => setTimeout(r, 200));
    expect(state().ui.overlay).toBe('rollback');
    expect(backend.rollbacks).toEqual([]);
  });
});

describe('a paste whose end marker never comes', () => {
  function Recorder({ seen }: { seen: string[] }) {
    useKeyHandler(0, (key, input) => (seen.push(`${key}:${input}`), true), true, { text: true });
    return null;
  }

  it('ends after the timeout, so the next key is a key again', async () => {
    const seen: string[] = [];
    const ui = render(
      <InputProvider pasteTimeoutMs={30}>
        <Recorder seen={seen} />
      </InputProvider>,
    );
    try {
      await new Promise((r) => setTimeout(r, 20));
      ui.stdin.write('\u001b[200~abc');
      await new Promise((r) => setTimeout(r, 100));
      ui.stdin.write('q');
      await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual(['paste:abc', 'q:q']);
    } finally {
      ui.unmount();
    }
  });
});

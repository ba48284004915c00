import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/app/reducers/rootReducer.js';
import { PANES, type AppState } from '../../src/app/state.js';
import { hasHandler } from '../../src/ui/keyActions.js';
import { actionForKey, applies, KEYMAP, keyTableMarkdown, type Context } from '../../src/ui/keymap.js';

/** A state for each pane focused: what decides which of two actions sharing a key is meant. */
const focusStates = (): AppState[] =>
  PANES.map((focus) => {
    const s = initialState();
    return { ...s, ui: { ...s.ui, focus } };
  });

describe('keymap registry', () => {
  it('describes every action and gives each a handler', () => {
    for (const a of KEYMAP) {
      expect(a.description.length, a.id).toBeGreaterThan(8);
      expect(a.keys.length, a.id).toBeGreaterThan(0);
      expect(hasHandler(a.id), `handler for ${a.id}`).toBe(true);
    }
  });

  it('binds no key twice in one context, unless `when` tells them apart in every state', () => {
    const bound = new Map<string, string[]>();
    for (const a of KEYMAP)
      for (const k of a.keys) {
        const slot = `${a.context as Context}:${k}`;
        bound.set(slot, [...(bound.get(slot) ?? []), a.id]);
      }
    for (const [slot, ids] of bound) {
      if (ids.length === 1) continue;
      const actions = ids.map((id) => KEYMAP.find((a) => a.id === id)!);
      for (const a of actions)
        expect(a.when, `${slot} bound to ${ids.join(' and ')}; ${a.id} has no when`).toBeDefined();
      for (const s of focusStates()) {
        const meant = actions.filter((a) => applies(a, s)).map((a) => a.id);
        expect(meant.length, `${slot} on ${s.ui.focus}: ${meant.join(', ')}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('Enter runs a step on the Checklist and opens a row elsewhere; o shows the step output or a row', () => {
    const on = (pane: string) => focusStates().find((s) => s.ui.focus === pane)!;
    expect(actionForKey('global', 'return', on('checklist'))?.id).toBe('checklist.run');
    expect(actionForKey('global', 'return', on('alarms'))?.id).toBe('row.open');
    expect(actionForKey('global', 'o', on('checklist'))?.id).toBe('checklist.output');
    expect(actionForKey('global', 'o', on('logs'))?.id).toBe('row.open');
    // c means one thing only: off the Checklist it still reaches checklist.run, whose reason says why not.
    expect(actionForKey('global', 'c', on('alarms'))?.id).toBe('checklist.run');
    expect(actionForKey('output', 'pagedown')?.id).toBe('output.pageDown');
    expect(actionForKey('output', 'G')?.id).toBe('output.end');
  });

  it('has the keys the on-call expects', () => {
    const keys = (id: string) => KEYMAP.find((a) => a.id === id)?.keys;
    expect(keys('release.rollback')).toEqual(['r']);
    expect(keys('dialog.confirm')).toEqual(['y']);
    expect(keys('checklist.run')).toEqual(['c', 'return']);
    expect(KEYMAP.filter((a) => a.id.startsWith('pane.focus.')).map((a) => a.keys[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(KEYMAP.find((a) => a.id === 'release.rollback')?.dangerous).toBe(true);
  });

  it('the README key table is the one generated from the registry', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(keyTableMarkdown());
  });
});

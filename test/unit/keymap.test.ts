import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasHandler } from '../../src/ui/keyActions.js';
import { KEYMAP, keyTableMarkdown, type Context } from '../../src/ui/keymap.js';

describe('keymap registry', () => {
  it('describes every action and gives each a handler', () => {
    for (const a of KEYMAP) {
      expect(a.description.length, a.id).toBeGreaterThan(8);
      expect(a.keys.length, a.id).toBeGreaterThan(0);
      expect(hasHandler(a.id), `handler for ${a.id}`).toBe(true);
    }
  });

  it('binds no key twice in one context', () => {
    const seen = new Map<string, string>();
    for (const a of KEYMAP) {
      for (const k of a.keys) {
        const slot = `${a.context as Context}:${k}`;
        expect(seen.get(slot), `${slot} bound to ${seen.get(slot)} and ${a.id}`).toBeUndefined();
        seen.set(slot, a.id);
      }
    }
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

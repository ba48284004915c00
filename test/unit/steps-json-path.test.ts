import { describe, expect, it } from 'vitest';
import { getJsonPath, parseJsonPath } from '../../src/checklist/steps/jsonPath.js';

const doc = {
  status: 'healthy',
  checks: { db: { state: 'up', latencyMs: 3 } },
  items: [{ name: 'first' }, { name: 'second' }],
  networks: ['base', 'base-sepolia'],
  kinds: [{ network: 'base' }, { network: 'solana' }, { scheme: 'exact' }],
  'key with.dot': { inner: true },
  $schema: 'v1',
  nothing: null,
  zero: 0,
};

describe('getJsonPath', () => {
  it('reads top-level keys and nested dotted paths', () => {
    expect(getJsonPath(doc, 'status')).toEqual({ found: true, value: 'healthy' });
    expect(getJsonPath(doc, 'checks.db.state')).toEqual({ found: true, value: 'up' });
    expect(getJsonPath(doc, 'checks.db.latencyMs')).toEqual({ found: true, value: 3 });
  });

  it('indexes arrays with [n] (and .n)', () => {
    expect(getJsonPath(doc, 'items[0].name')).toEqual({ found: true, value: 'first' });
    expect(getJsonPath(doc, 'items[1].name')).toEqual({ found: true, value: 'second' });
    expect(getJsonPath(doc, 'items.1.name')).toEqual({ found: true, value: 'second' });
    expect(getJsonPath(doc, 'items[2].name')).toEqual({ found: false });
  });

  it('accepts a leading $ or $.', () => {
    expect(getJsonPath(doc, '$.networks')).toEqual({ found: true, value: ['base', 'base-sepolia'] });
    expect(getJsonPath(doc, '$')).toEqual({ found: true, value: doc });
    expect(getJsonPath([1, 2], '$[1]')).toEqual({ found: true, value: 2 });
    // `$schema` is a key, not the root.
    expect(getJsonPath(doc, '$schema')).toEqual({ found: true, value: 'v1' });
  });

  it('reads bracket-quoted keys containing dots', () => {
    expect(getJsonPath(doc, "['key with.dot'].inner")).toEqual({ found: true, value: true });
    expect(getJsonPath(doc, '$["key with.dot"]')).toEqual({ found: true, value: { inner: true } });
  });

  it('collects every element with [*]', () => {
    expect(getJsonPath(doc, 'kinds[*].network')).toEqual({ found: true, value: ['base', 'solana'] });
    expect(getJsonPath(doc, 'status[*]')).toEqual({ found: false });
  });

  it('finds null and falsy values, and tells absent from null', () => {
    expect(getJsonPath(doc, 'nothing')).toEqual({ found: true, value: null });
    expect(getJsonPath(doc, 'zero')).toEqual({ found: true, value: 0 });
    expect(getJsonPath(doc, 'missing')).toEqual({ found: false });
    expect(getJsonPath(doc, 'nothing.deeper')).toEqual({ found: false });
    expect(getJsonPath(doc, 'status.length')).toEqual({ found: false });
    expect(getJsonPath(doc, 'checks.toString')).toEqual({ found: false });
  });

  it('rejects malformed paths instead of guessing', () => {
    for (const p of ['', 'a..b', 'a.', 'items[x]', 'items[0', "['unterminated]", 'a[0]b', 'a.[0]']) {
      expect(parseJsonPath(p), p).toBeUndefined();
      expect(getJsonPath(doc, p).found, p).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Drain } from '../../src/domain/health/signatures/drain.js';

const t = (s: string): string[] => s.split(' ');
/** A distinct word with no digit in it (tokens with digits share a branch). */
const word = (n: number) => n.toString(26).replace(/\d/g, (c) => String.fromCharCode(113 + Number(c)));

describe('Drain', () => {
  it('merges variants of one message, the differing tokens becoming <*>', () => {
    const d = new Drain();
    const a = d.add(t('user not found: alice in region eu-west'));
    const b = d.add(t('user not found: bob in region us-east'));
    expect(b).toBe(a);
    expect(d.template(a)).toBe('user not found: <*> in region <*>');
    expect(d.size).toBe(1);
  });

  it('keeps different errors apart: other leading tokens, other lengths, too little in common', () => {
    const d = new Drain();
    const pool = d.add(t('db pool exhausted: timed out after <dur>'));
    const upstream = d.add(t('checkout upstream timeout: POST after <dur>'));
    const longer = d.add(t('db pool exhausted: timed out after <dur> again'));
    const unlike = d.add(t('db pool closed by operator during drain'));
    expect(new Set([pool, upstream, longer, unlike]).size).toBe(4);
    expect(d.template(pool)).toBe('db pool exhausted: timed out after <dur>');
  });

  it('routes tokens with digits through one branch, so an id in the head does not split a cluster', () => {
    const d = new Drain();
    expect(d.add(t('job a1 failed: deadline exceeded'))).toBe(d.add(t('job b2 failed: deadline exceeded')));
  });

  it('takes the similarity threshold as given', () => {
    const lines = ['cache miss for cart key one', 'cache miss for cart key two'];
    const loose = new Drain({ similarity: 0.5 });
    const strict = new Drain({ similarity: 0.9 });
    expect(new Set(lines.map((l) => loose.add(t(l)))).size).toBe(1);
    expect(new Set(lines.map((l) => strict.add(t(l)))).size).toBe(2);
  });

  it('takes the depth as given: depth 4 routes on two leading tokens, depth 3 on one', () => {
    const lines = ['worker alpha crashed with signal kill', 'worker beta crashed with signal kill'];
    const four = new Drain({ depth: 4 });
    const three = new Drain({ depth: 3 });
    expect(new Set(lines.map((l) => four.add(t(l)))).size).toBe(2);
    expect(new Set(lines.map((l) => three.add(t(l)))).size).toBe(1);
  });

  it('truncates lines past 60 tokens: what differs after that does not split them', () => {
    const d = new Drain();
    const head = Array.from({ length: 60 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}`);
    const a = d.add([...head, ...t('tail one')]);
    const b = d.add([...head, ...t('tail two entirely different and longer')]);
    expect(b).toBe(a);
    expect(d.template(a)!.split(' ')).toHaveLength(60);
  });

  it('when full, evicts the lowest count first, and the least recently seen of those', () => {
    const evicted: number[] = [];
    const d = new Drain({ maxClusters: 3 }, (id) => evicted.push(id));
    const a = d.add(t('alpha failed'));
    d.add(t('alpha failed'));
    const b = d.add(t('bravo failed'));
    const c = d.add(t('charlie failed'));
    d.add(t('delta failed'));
    expect(evicted).toEqual([b]);
    expect(d.template(b)).toBeUndefined();
    d.add(t('echo failed'));
    expect(evicted).toEqual([b, c]);
    expect(d.template(a)).toBe('alpha failed');
    expect(d.size).toBe(3);
  });

  it('evicts the lowest count when no cluster is down to one line', () => {
    const d = new Drain({ maxClusters: 2 });
    const a = d.add(t('alpha failed'));
    d.add(t('alpha failed'));
    const b = d.add(t('bravo failed'));
    d.add(t('bravo failed'));
    d.add(t('bravo failed'));
    d.add(t('charlie failed'));
    expect([d.template(a), d.template(b)]).toEqual([undefined, 'bravo failed']);
  });

  it('finds a cluster again after an eviction emptied the leaf it was made in', () => {
    const d = new Drain({ maxClusters: 1 });
    d.add(t('a b c d e'));
    const second = d.add(t('a b x y z'));
    expect(d.add(t('a b x y z'))).toBe(second);
  });

  it('holds at most maxClusters after 100,000 distinct lines, and keeps the error that recurs', () => {
    const d = new Drain({ maxClusters: 500 });
    const recurring = d.add(t('payments upstream refused the charge'));
    let most = 0;
    for (let i = 0; i < 100_000; i++) {
      d.add([word(i), word(i * 7 + 3), 'vanished']);
      if (i % 50 === 0) expect(d.add(t('payments upstream refused the charge'))).toBe(recurring);
      most = Math.max(most, d.size);
    }
    expect(most).toBe(500);
    expect(d.template(recurring)).toBe('payments upstream refused the charge');
  });

  it('prunes the tree as clusters leave: its nodes stay bounded by the clusters held', () => {
    const d = new Drain({ maxClusters: 500 });
    for (let i = 0; i < 20_000; i++) d.add(Array.from({ length: 1 + (i % 40) }, (_, j) => word(i * 41 + j)));
    expect(d.size).toBe(500);
    // The root, then at most depth - 1 = 3 nodes on each cluster's path.
    expect(d.treeNodes).toBeLessThanOrEqual(1 + 500 * 3);
  });
});

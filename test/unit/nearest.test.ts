import { describe, expect, it } from 'vitest';
import { didYouMean, nearest } from '../../src/domain/nearest.js';

describe('nearest name', () => {
  const names = ['prod-api', 'prod-worker', 'staging-api', 'audit', 'report'];
  it('finds typos, swaps and prefixes, closest first', () => {
    expect(nearest('prod-apu', names)).toEqual(['prod-api']);
    expect(nearest('prdo-api', names)).toEqual(['prod-api']);
    expect(nearest('PROD-API', names)).toEqual(['prod-api']);
    expect(nearest('prod', names)).toEqual(['prod-api', 'prod-worker']);
    expect(nearest('staging', names)).toEqual(['staging-api']);
  });
  it('suggests nothing for a name far from all', () => {
    expect(nearest('zzzzzz', names)).toEqual([]);
    expect(didYouMean('zzzzzz', names)).toBe('');
    expect(didYouMean('reprot', names)).toBe(': did you mean report?');
  });
});

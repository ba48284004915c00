// The rank test against scipy 1.17. Each case gives the Python that produced its numbers:
//   from scipy.stats import mannwhitneyu
//   r = {a: mannwhitneyu(x, y, alternative=a) for a in ['greater', 'less', 'two-sided']}
//   r['greater'].statistic, r['greater'].pvalue, r['less'].pvalue, r['two-sided'].pvalue
// (method='auto', use_continuity=True: scipy's defaults).
import { describe, expect, it } from 'vitest';
import { erfc, normalSf } from '../../src/domain/health/normal.js';
import { mannWhitney } from '../../src/domain/health/rankTest.js';

interface Expected {
  u1: number;
  greater: number;
  less: number;
  twoSided: number;
  method: 'exact' | 'asymptotic';
}

const closeTo = (actual: number, expected: number): void =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));

function expectScipy(x: number[], y: number[], e: Expected): void {
  const r = mannWhitney(x, y);
  expect(r.method).toBe(e.method);
  expect(r.u1).toBe(e.u1);
  closeTo(r.pGreater, e.greater);
  closeTo(r.pLess, e.less);
  closeTo(r.pTwoSided, e.twoSided);
}

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

describe('mannWhitney matches scipy.stats.mannwhitneyu', () => {
  it('small samples without ties: exact', () => {
    // x=[1.1,2.3,3.5,4.2,5.9]; y=[0.5,0.9,1.7,2.0]
    expectScipy([1.1, 2.3, 3.5, 4.2, 5.9], [0.5, 0.9, 1.7, 2.0], {
      u1: 18,
      greater: 0.031746031746031744,
      less: 0.9841269841269842,
      twoSided: 0.06349206349206349,
      method: 'exact',
    });
    // x=[1,3,5,7,9,11,13,15]; y=[2,4,6,8,10,12,14,16]
    expectScipy([1, 3, 5, 7, 9, 11, 13, 15], [2, 4, 6, 8, 10, 12, 14, 16], {
      u1: 28,
      greater: 0.6773115773115774,
      less: 0.3604506604506604,
      twoSided: 0.7209013209013208,
      method: 'exact',
    });
  });

  it('unequal sizes: exact while the smaller sample has at most 8 values, as scipy decides', () => {
    // x=[10.5,12.5,15.5]; y=[float(i) for i in range(1,21)]
    expectScipy(
      [10.5, 12.5, 15.5],
      range(20, (i) => i + 1),
      {
        u1: 37,
        greater: 0.28627893845285146,
        less: 0.7430830039525692,
        twoSided: 0.5725578769057029,
        method: 'exact',
      },
    );
    // x=[3.0]; y=[1.0,2.0]
    expectScipy([3], [1, 2], {
      u1: 2,
      greater: 0.3333333333333333,
      less: 1,
      twoSided: 0.6666666666666666,
      method: 'exact',
    });
  });

  it('ties: asymptotic with the tie correction, even for small samples', () => {
    // x=[1,2,2,3,4]; y=[2,3,3,5,6,7]
    expectScipy([1, 2, 2, 3, 4], [2, 3, 3, 5, 6, 7], {
      u1: 6,
      greater: 0.9613756091726351,
      less: 0.05695157229426534,
      twoSided: 0.11390314458853068,
      method: 'asymptotic',
    });
    // x=[0,0,1,0,2,0,0,1,3,0,4,2]; y=[0,0,0,0,1,0,0,0,0,1,0,0,0,0] (error counts: mostly zero)
    expectScipy([0, 0, 1, 0, 2, 0, 0, 1, 3, 0, 4, 2], [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0], {
      u1: 118,
      greater: 0.01729985456971762,
      less: 0.985225635784136,
      twoSided: 0.03459970913943524,
      method: 'asymptotic',
    });
  });

  it('large samples: asymptotic, both directions', () => {
    // x=[((i*7919)%101)/10 for i in range(40)]; y=[((i*104729)%97)/10+1.5 for i in range(50)]
    const x = range(40, (i) => ((i * 7919) % 101) / 10);
    const y = range(50, (i) => ((i * 104729) % 97) / 10 + 1.5);
    const e = { u1: 759.5, greater: 0.9748302681982255, less: 0.025650848860669814, twoSided: 0.05130169772133963 };
    expectScipy(x, y, { ...e, method: 'asymptotic' });
    // Swapping the samples swaps the one-sided p-values and mirrors U.
    expectScipy(y, x, { ...e, u1: 40 * 50 - e.u1, greater: e.less, less: e.greater, method: 'asymptotic' });
  });

  it('keeps relative accuracy far in the tail', () => {
    // x=[i+100.0 for i in range(30)]; y=[float(i) for i in range(30)]
    expectScipy(
      range(30, (i) => i + 100),
      range(30, (i) => i),
      {
        u1: 900,
        greater: 1.5099296795810785e-11,
        less: 0.9999999999863444,
        twoSided: 3.019859359162157e-11,
        method: 'asymptotic',
      },
    );
  });

  it('a constant series has zero variance: p = 1 every way', () => {
    // x=[5,5,5,5,5]; y=[5,5,5,5]
    expectScipy([5, 5, 5, 5, 5], [5, 5, 5, 5], { u1: 10, greater: 1, less: 1, twoSided: 1, method: 'asymptotic' });
    expect(mannWhitney([7], [7])).toMatchObject({ pGreater: 1, pLess: 1, pTwoSided: 1 });
  });

  it('refuses an empty sample or NaN instead of answering "no change"', () => {
    expect(() => mannWhitney([], [1, 2])).toThrow(RangeError);
    expect(() => mannWhitney([1, 2], [])).toThrow(RangeError);
    expect(() => mannWhitney([1, NaN], [1, 2])).toThrow(/NaN/);
  });
});

describe('erfc (Cody) matches scipy.special.erfc', () => {
  it('in each of its three ranges and in the tail', () => {
    // [repr(float(erfc(v))) for v in (0.3, -0.3, 1.7, -2.5, 5.5, 20.0)]
    const expected: [number, number][] = [
      [0.3, 0.6713732405408726],
      [-0.3, 1.3286267594591274],
      [1.7, 0.01620954140922544],
      [-2.5, 1.999593047982555],
      [5.5, 7.357847917974398e-15],
      [20, 5.395865611607901e-176],
    ];
    for (const [x, e] of expected) closeTo(erfc(x), e);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalSf(Infinity)).toBe(0);
  });
});

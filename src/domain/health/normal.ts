// The standard normal tail for the rank test's large-sample p-values. Math has no erfc, and
// 1 − Φ(z) loses every digit in the tail, where the p-values that matter (p<0.001) live, so this is
// W. J. Cody's rational Chebyshev erfc (SPECFUN CALERF, ACM TOMS 715): ~1e-16 relative everywhere.
// Its 18-digit coefficients are written as the doubles they round to.

const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707,
  2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247,
  3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];
const ONE_OVER_SQRT_PI = 0.5641895835477563;
/** Beyond this erfc(y) underflows to 0. */
const Y_BIG = 26.543;

/** `xnum / xden` of Cody's form: num[last]·yⁿ⁺¹ + Σ num[i]·yⁿ⁻ⁱ over yⁿ⁺¹ + Σ den[i]·yⁿ⁻ⁱ. */
function rational(num: number[], den: number[], y: number): number {
  let xnum = num[num.length - 1]! * y;
  let xden = y;
  for (let i = 0; i < den.length - 1; i++) {
    xnum = (xnum + num[i]!) * y;
    xden = (xden + den[i]!) * y;
  }
  return (xnum + num[den.length - 1]!) / (xden + den[den.length - 1]!);
}

/** exp(−y²) split so the rounding of y² does not cost relative accuracy in the tail. */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  return Math.exp(-ysq * ysq) * Math.exp(-(y - ysq) * (y + ysq));
}

/** Complementary error function, erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.46875) return 1 - x * rational(A, B, y * y);
  if (y <= 4) r = expMinusSquare(y) * rational(C, D, y);
  else if (y >= Y_BIG) r = 0;
  else {
    const inv = 1 / (y * y);
    r = (expMinusSquare(y) * (ONE_OVER_SQRT_PI - inv * rational(P, Q, inv))) / y;
  }
  return x < 0 ? 2 - r : r;
}

/** P(Z > z) for a standard normal Z (scipy's `norm.sf`, `ndtr(−z)`); ±Infinity give 0 and 1. */
export const normalSf = (z: number): number => 0.5 * erfc(z / Math.SQRT2);

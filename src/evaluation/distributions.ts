import jStat from 'jstat';

/**
 * The distributions the evaluation core needs, from jStat (a maintained library), so that no
 * hand-written approximation decides a confidence interval.
 */

/** Two-sided critical value of the standard normal for a confidence level (0.95 gives 1.959964). */
export function normalCritical(level: number): number {
  return jStat.normal.inv(1 - (1 - level) / 2, 0, 1);
}

/** Two-sided critical value of Student's t with df degrees of freedom. */
export function tCritical(level: number, df: number): number {
  return jStat.studentt.inv(1 - (1 - level) / 2, df);
}

/** Two-sided p-value of a z statistic. */
export function normalTwoSidedP(z: number): number {
  return 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
}

/** Two-sided p-value of a t statistic. */
export function tTwoSidedP(t: number, df: number): number {
  return 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));
}

/**
 * Upper tail P(X > x) of chi-square with df degrees of freedom. Taken as 1 - P(a, x/2) from the
 * regularised lower incomplete gamma; it underflows to 0 below about 1e-16, which reports as p < 1e-15.
 */
export function chiSquareUpperP(x: number, df: number): number {
  if (x <= 0) return 1;
  return Math.max(0, 1 - jStat.lowRegGamma(df / 2, x / 2));
}

/** Log of the gamma function. */
export function logGamma(x: number): number {
  return jStat.gammaln(x);
}

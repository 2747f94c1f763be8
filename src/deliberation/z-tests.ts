/** Pol.is' one-sample proportion test, with a +1 pseudo-count on successes and trials. */
export function proportionTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/** Pol.is' two-proportion test (in-group vs the rest), with +1 pseudo-counts. */
export function twoProportionTest(
  successIn: number,
  successOut: number,
  trialsIn: number,
  trialsOut: number,
): number {
  const s1 = successIn + 1;
  const s2 = successOut + 1;
  const n1 = trialsIn + 1;
  const n2 = trialsOut + 1;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/** One-sided significance at 90%: z > 1.2816. */
export function significantAt90(z: number): boolean {
  return z > 1.2816;
}

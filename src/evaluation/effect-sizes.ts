import { TrackTwoError } from '../domain/errors.js';
import { logGamma, normalCritical, tCritical, tTwoSidedP } from './distributions.js';

/**
 * Standardised effects of contact on attitudes: paired pre/post change, two independent groups,
 * Morris's (2008) pre-post-control d_ppc2 and the raw difference-in-differences.
 * Formulas follow metafor's escalc() where it has them, and Borenstein, Hedges, Higgins & Rothstein
 * (2009, ch. 4) and Lakens (2013) where it does not; each function names its source.
 */

/** A standardised effect: Cohen's d, its small-sample corrected Hedges' g, and g's uncertainty. */
export interface StandardisedEffect {
  d: number;
  varianceD: number;
  g: number;
  varianceG: number;
  se: number;
  ciLower: number;
  ciUpper: number;
}

/**
 * Hedges' exact small-sample correction c(m) = sqrt(2/m) Γ(m/2) / Γ((m-1)/2), as metafor's .cmicalc;
 * the familiar 1 - 3/(4m - 1) approximates it to four decimals from m = 10 on.
 */
export function hedgesCorrection(df: number): number {
  if (!(df > 1)) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'n',
      reason: 'at least 2 degrees of freedom are needed for Hedges\u2019 correction',
    });
  }
  return Math.exp(logGamma(df / 2) - Math.log(Math.sqrt(df / 2)) - logGamma((df - 1) / 2));
}

function withInterval(
  d: number,
  varianceD: number,
  g: number,
  varianceG: number,
  level: number,
): StandardisedEffect {
  const se = Math.sqrt(varianceG);
  const z = normalCritical(level);
  return { d, varianceD, g, varianceG, se, ciLower: g - z * se, ciUpper: g + z * se };
}

function requirePositive(value: number, field: string): void {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field,
      reason: `must be a positive number, got ${value}`,
    });
  }
}

function requireCorrelation(r: number, field = 'r'): void {
  if (!(r > -1 && r < 1)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field,
      reason: `a correlation must lie in (-1, 1), got ${r}`,
    });
  }
}

export interface PairedSummary {
  n: number;
  meanPre: number;
  meanPost: number;
  sdPre: number;
  sdPost: number;
  /** Correlation of pre and post scores of the same respondents. */
  r: number;
}

export interface PairedChange {
  n: number;
  r: number;
  meanChange: number;
  sdChange: number;
  /** Raw mean change with its t interval (n - 1 df), as R's t.test(post, pre, paired = TRUE). */
  meanChangeCiLower: number;
  meanChangeCiUpper: number;
  t: number;
  pValue: number;
  /** Standardised by the SD of the change scores (metafor SMCC; Lakens' d_z). */
  dz: StandardisedEffect;
  /**
   * Repeated-measures d (Lakens 2013, eq. 9; Borenstein et al. 2009, eq. 4.28-4.30): the change over
   * the within-group SD S_diff / sqrt(2(1 - r)), with variance (1/n + d^2/2n) 2(1 - r).
   */
  drm: StandardisedEffect;
  /** Change over the average of the pre and post SDs (Lakens' d_av), with the d_rm variance. */
  dav: StandardisedEffect;
  /** Change over the pre-test SD (Becker 1988; metafor SMCR), variance 2(1 - r)/n + g^2/2n. */
  dpre: StandardisedEffect;
}

/** Paired pre/post change of one group of respondents, from summary statistics. */
export function pairedChange(input: PairedSummary, level = 0.95): PairedChange {
  const { n, meanPre, meanPost, sdPre, sdPost, r } = input;
  if (!(n >= 3))
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'n',
      reason: `n = ${n}; at least 3 respondents answered both waves are needed`,
    });
  requirePositive(sdPre, 'sdPre');
  requirePositive(sdPost, 'sdPost');
  requireCorrelation(r);
  const meanChange = meanPost - meanPre;
  const sdChange = Math.sqrt(sdPre * sdPre + sdPost * sdPost - 2 * r * sdPre * sdPost);
  const c = hedgesCorrection(n - 1);
  const seMean = sdChange / Math.sqrt(n);
  const tc = tCritical(level, n - 1);
  const t = meanChange / seMean;

  const dzD = meanChange / sdChange;
  const dzG = c * dzD;
  const dz = withInterval(dzD, 1 / n + (dzD * dzD) / (2 * n), dzG, 1 / n + (dzG * dzG) / (2 * n), level);

  const rmFactor = 2 * (1 - r);
  const drmD = dzD * Math.sqrt(rmFactor);
  const drmVar = (1 / n + (drmD * drmD) / (2 * n)) * rmFactor;
  const drm = withInterval(drmD, drmVar, c * drmD, c * c * drmVar, level);

  const davD = meanChange / ((sdPre + sdPost) / 2);
  const davVar = (1 / n + (davD * davD) / (2 * n)) * rmFactor;
  const dav = withInterval(davD, davVar, c * davD, c * c * davVar, level);

  const dpreD = meanChange / sdPre;
  const dpreG = c * dpreD;
  const dpre = withInterval(
    dpreD,
    rmFactor / n + (dpreD * dpreD) / (2 * n),
    dpreG,
    rmFactor / n + (dpreG * dpreG) / (2 * n),
    level,
  );

  return {
    n,
    r,
    meanChange,
    sdChange,
    meanChangeCiLower: meanChange - tc * seMean,
    meanChangeCiUpper: meanChange + tc * seMean,
    t,
    pValue: tTwoSidedP(t, n - 1),
    dz,
    drm,
    dav,
    dpre,
  };
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function sampleSd(xs: readonly number[], m = mean(xs)): number {
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Summary statistics of respondents who answered both waves; the correlation is Pearson's. */
export function pairedSummary(pre: readonly number[], post: readonly number[]): PairedSummary {
  if (pre.length !== post.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'post',
      reason: 'pre and post must pair one to one',
    });
  }
  const n = pre.length;
  const meanPre = mean(pre);
  const meanPost = mean(post);
  const sdPre = sampleSd(pre, meanPre);
  const sdPost = sampleSd(post, meanPost);
  let cov = 0;
  for (let i = 0; i < n; i++) cov += (pre[i] - meanPre) * (post[i] - meanPost);
  cov /= n - 1;
  return { n, meanPre, meanPost, sdPre, sdPost, r: cov / (sdPre * sdPost) };
}

export interface GroupSummary {
  n: number;
  mean: number;
  sd: number;
}

/**
 * Two independent groups (e.g. participants against a comparison group after the meeting): Cohen's d
 * over the pooled SD with Borenstein et al.'s (2009, eq. 4.18-4.24) variances; g = c(n1 + n2 - 2) d.
 */
export function independentGroupsEffect(
  treated: GroupSummary,
  comparison: GroupSummary,
  level = 0.95,
): StandardisedEffect {
  const n1 = treated.n;
  const n2 = comparison.n;
  if (!(n1 >= 2 && n2 >= 2))
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'n',
      reason: 'each group needs at least 2 respondents',
    });
  requirePositive(treated.sd, 'sd');
  requirePositive(comparison.sd, 'sd');
  const df = n1 + n2 - 2;
  const sWithin = Math.sqrt(((n1 - 1) * treated.sd ** 2 + (n2 - 1) * comparison.sd ** 2) / df);
  const d = (treated.mean - comparison.mean) / sWithin;
  const varianceD = (n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2));
  const c = hedgesCorrection(df);
  return withInterval(d, varianceD, c * d, c * c * varianceD, level);
}

export interface PrePostControlSummary {
  nT: number;
  nC: number;
  mPreT: number;
  mPostT: number;
  sdPreT: number;
  mPreC: number;
  mPostC: number;
  sdPreC: number;
  /** Pre-post correlation, assumed equal in both groups (Morris 2008). */
  r: number;
}

export interface PrePostControlEffect {
  /** d_ppc2: bias-corrected difference in mean change over the pooled pre-test SD. */
  d: number;
  /** Morris (2008, eq. 25) sampling variance, with d standing in for delta. */
  variance: number;
  /** The large-sample variance 2(1-r)(1/nT + 1/nC) + d^2 / 2(nT + nC) of the metafor project's page. */
  varianceLargeSample: number;
  sdPooledPre: number;
  correction: number;
  ciLower: number;
  ciUpper: number;
}

/** Morris (2008) d_ppc2 for a pre-post design with a comparison group, and its variance. */
export function morrisPrePostControl(input: PrePostControlSummary, level = 0.95): PrePostControlEffect {
  const { nT, nC, r } = input;
  if (!(nT >= 2 && nC >= 2 && nT + nC > 4)) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'n',
      reason: 'each group needs at least 2 respondents and more than 4 in all',
    });
  }
  requirePositive(input.sdPreT, 'sd_pre_t');
  requirePositive(input.sdPreC, 'sd_pre_c');
  requireCorrelation(r);
  const df = nT + nC - 2;
  const sdPooledPre = Math.sqrt(((nT - 1) * input.sdPreT ** 2 + (nC - 1) * input.sdPreC ** 2) / df);
  const correction = hedgesCorrection(df);
  const d = (correction * (input.mPostT - input.mPreT - (input.mPostC - input.mPreC))) / sdPooledPre;
  const nRatio = (nT + nC) / (nT * nC);
  const variance =
    2 * correction ** 2 * (1 - r) * nRatio * (df / (nT + nC - 4)) * (1 + (d * d) / (2 * (1 - r) * nRatio)) -
    d * d;
  const varianceLargeSample = 2 * (1 - r) * nRatio + (d * d) / (2 * (nT + nC));
  const z = normalCritical(level);
  const se = Math.sqrt(variance);
  return {
    d,
    variance,
    varianceLargeSample,
    sdPooledPre,
    correction,
    ciLower: d - z * se,
    ciUpper: d + z * se,
  };
}

export interface ChangeSummary {
  n: number;
  meanChange: number;
  sdChange: number;
}

export interface DifferenceInDifferences {
  /** Mean change of the participants minus mean change of the comparison group, in scale points. */
  estimate: number;
  se: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  pValue: number;
  ciLower: number;
  ciUpper: number;
}

/** Summary of change scores (post - pre) of respondents who answered both waves. */
export function changeSummary(pre: readonly number[], post: readonly number[]): ChangeSummary {
  if (pre.length !== post.length) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'post',
      reason: 'pre and post must pair one to one',
    });
  }
  const changes = post.map((p, i) => p - pre[i]);
  return {
    n: changes.length,
    meanChange: mean(changes),
    sdChange: changes.length > 1 ? sampleSd(changes) : Number.NaN,
  };
}

/**
 * Difference-in-differences against the comparison group: the Welch two-sample t interval on the
 * change scores, so it equals R's t.test(changeT, changeC) and allows unequal variances.
 */
export function differenceInDifferences(
  treated: ChangeSummary,
  comparison: ChangeSummary,
  level = 0.95,
): DifferenceInDifferences {
  if (!(treated.n >= 2 && comparison.n >= 2)) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'n',
      reason: 'each group needs at least 2 respondents who answered both waves',
    });
  }
  const vT = treated.sdChange ** 2 / treated.n;
  const vC = comparison.sdChange ** 2 / comparison.n;
  const se = Math.sqrt(vT + vC);
  if (!(se > 0))
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'sdChange',
      reason: 'no variation in the change scores',
    });
  const df = (vT + vC) ** 2 / (vT ** 2 / (treated.n - 1) + vC ** 2 / (comparison.n - 1));
  const estimate = treated.meanChange - comparison.meanChange;
  const t = estimate / se;
  const tc = tCritical(level, df);
  return {
    estimate,
    se,
    df,
    t,
    pValue: tTwoSidedP(t, df),
    ciLower: estimate - tc * se,
    ciUpper: estimate + tc * se,
  };
}

import { TrackTwoError } from '../domain/errors.js';
import { chiSquareUpperP, normalCritical, normalTwoSidedP } from './distributions.js';

/**
 * Fixed-effect and random-effects meta-analysis of effect sizes with known sampling variances,
 * computed as metafor's rma.uni() computes them (Viechtbauer 2010), so its figures are the oracle:
 * DerSimonian-Laird's moment estimator, REML by Fisher scoring with step halving, I^2 and H^2 from
 * the "typical" within-study variance, and a prediction interval from the normal distribution, which
 * is metafor's predict() default (a t with k - 1 df is used there only with test = "knha" or "t").
 */

export type MetaMethod = 'fe' | 'dl' | 'reml';

export interface StudyEffect {
  effect: number;
  variance: number;
  label?: string;
}

export interface MetaAnalysisOptions {
  method?: MetaMethod;
  level?: number;
  /** REML: stop when tau^2 moves by less than this (metafor's threshold is 1e-5; ours is tighter). */
  threshold?: number;
  maxIterations?: number;
}

export interface MetaAnalysisResult {
  method: MetaMethod;
  k: number;
  estimate: number;
  se: number;
  z: number;
  pValue: number;
  ciLower: number;
  ciUpper: number;
  tau2: number;
  /** Standard error of tau^2 (REML only: sqrt(2 / tr(P^2)), as metafor reports it). */
  tau2Se: number | null;
  tau: number;
  /** Percent of total variability due to heterogeneity. */
  i2: number;
  h2: number;
  /** Cochran's Q, its degrees of freedom and p-value (chi-square, k - 1 df). */
  q: number;
  qDf: number;
  qp: number;
  predictionInterval: { lower: number; upper: number; distribution: 'normal' };
  /** Each study's weight in percent, in input order. */
  weights: number[];
  labels: (string | null)[];
  /** Fisher-scoring iterations (REML), else 0. */
  iterations: number;
  level: number;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function weightedMean(effects: readonly number[], weights: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < effects.length; i++) s += weights[i] * effects[i];
  return s / sum(weights);
}

function validate(studies: readonly StudyEffect[]): void {
  studies.forEach((study, i) => {
    if (!Number.isFinite(study.effect)) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: `studies[${i}].effect`,
        reason: 'not a finite number',
      });
    }
    if (!(study.variance > 0) || !Number.isFinite(study.variance)) {
      throw new TrackTwoError('TT_ERR_EVIDENCE_BAD_VARIANCE', {
        field: `studies[${i}].variance`,
        reason: `${study.variance} is not a positive number`,
      });
    }
  });
}

/** Cochran's Q of the effects under the fixed-effect model. */
export function cochranQ(studies: readonly StudyEffect[]): number {
  const w = studies.map((s) => 1 / s.variance);
  const y = studies.map((s) => s.effect);
  const mu = weightedMean(y, w);
  let q = 0;
  for (let i = 0; i < y.length; i++) q += w[i] * (y[i] - mu) ** 2;
  return q;
}

/** DerSimonian-Laird (1986) moment estimator of tau^2, truncated at zero. */
export function tau2DerSimonianLaird(studies: readonly StudyEffect[]): number {
  const w = studies.map((s) => 1 / s.variance);
  const sw = sum(w);
  const c = sw - sum(w.map((x) => x * x)) / sw;
  return Math.max(0, (cochranQ(studies) - (studies.length - 1)) / c);
}

/**
 * REML estimate of tau^2 by Fisher scoring (metafor's rma.uni, method = "REML"): the update is
 * (y'PPy - tr P) / tr(PP), halved while it would make tau^2 negative.
 */
export function tau2Reml(
  studies: readonly StudyEffect[],
  options: { threshold?: number; maxIterations?: number } = {},
): { tau2: number; iterations: number; trPP: number } {
  const threshold = options.threshold ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const y = studies.map((s) => s.effect);
  const v = studies.map((s) => s.variance);
  let tau2 = tau2DerSimonianLaird(studies);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { yPPy, trP, trPP } = remlScores(y, v, tau2);
    let adjustment = (yPPy - trP) / trPP;
    while (tau2 + adjustment < 0) adjustment /= 2;
    tau2 += adjustment;
    if (Math.abs(adjustment) < threshold)
      return { tau2: Math.max(0, tau2), iterations: iteration, trPP: remlScores(y, v, tau2).trPP };
  }
  throw new TrackTwoError('TT_ERR_EVIDENCE_NOT_CONVERGED', {
    reason: `no convergence in ${maxIterations} iterations`,
  });
}

function remlScores(y: readonly number[], v: readonly number[], tau2: number) {
  const w = v.map((vi) => 1 / (vi + tau2));
  const sw = sum(w);
  const sw2 = sum(w.map((x) => x * x));
  const sw3 = sum(w.map((x) => x * x * x));
  const mu = weightedMean(y, w);
  let yPPy = 0;
  for (let i = 0; i < y.length; i++) yPPy += (w[i] * (y[i] - mu)) ** 2;
  const trP = sw - sw2 / sw;
  const trPP = sw2 - (2 * sw3) / sw + (sw2 * sw2) / (sw * sw);
  return { yPPy, trP, trPP };
}

/** Pools study effects; throws a coded error for bad variances or too few studies. */
export function metaAnalysis(
  studies: readonly StudyEffect[],
  options: MetaAnalysisOptions = {},
): MetaAnalysisResult {
  const method = options.method ?? 'reml';
  const level = options.level ?? 0.95;
  validate(studies);
  const k = studies.length;
  if (k < 1 || (method !== 'fe' && k < 2)) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'studies',
      reason: `k = ${k}; estimating tau^2 needs at least 2 studies (the fixed-effect model needs 1)`,
    });
  }
  const y = studies.map((s) => s.effect);
  const v = studies.map((s) => s.variance);
  const w0 = v.map((vi) => 1 / vi);
  const q = cochranQ(studies);
  const qDf = k - 1;

  let tau2 = 0;
  let tau2Se: number | null = null;
  let iterations = 0;
  if (method === 'dl') tau2 = tau2DerSimonianLaird(studies);
  if (method === 'reml') {
    const fit = tau2Reml(studies, options);
    tau2 = fit.tau2;
    tau2Se = Math.sqrt(2 / fit.trPP);
    iterations = fit.iterations;
  }

  const w = v.map((vi) => 1 / (vi + tau2));
  const sw = sum(w);
  const estimate = weightedMean(y, w);
  const se = Math.sqrt(1 / sw);
  const zCrit = normalCritical(level);
  const z = estimate / se;

  // The "typical" within-study variance (Higgins & Thompson 2002), as metafor uses for I^2 and H^2.
  const sw0 = sum(w0);
  const typicalVariance = qDf / (sw0 - sum(w0.map((x) => x * x)) / sw0);
  let i2: number;
  let h2: number;
  if (method === 'fe') {
    i2 = k > 1 && q > 0 ? Math.max(0, (100 * (q - qDf)) / q) : 0;
    h2 = k > 1 ? q / qDf : 1;
  } else {
    i2 = (100 * tau2) / (typicalVariance + tau2);
    h2 = (typicalVariance + tau2) / typicalVariance;
  }
  const piHalf = zCrit * Math.sqrt(se * se + tau2);

  return {
    method,
    k,
    estimate,
    se,
    z,
    pValue: normalTwoSidedP(z),
    ciLower: estimate - zCrit * se,
    ciUpper: estimate + zCrit * se,
    tau2,
    tau2Se,
    tau: Math.sqrt(tau2),
    i2,
    h2,
    q,
    qDf,
    qp: k > 1 ? chiSquareUpperP(q, qDf) : 1,
    predictionInterval: { lower: estimate - piHalf, upper: estimate + piHalf, distribution: 'normal' },
    weights: w.map((wi) => (100 * wi) / sw),
    labels: studies.map((s) => s.label ?? null),
    iterations,
    level,
  };
}

export interface SubgroupDifference {
  qBetween: number;
  df: number;
  pValue: number;
}

/**
 * Test of differences between subgroup estimates (Borenstein et al. 2009, ch. 19): Q among the
 * subgroup summaries treated as fixed, chi-square with (groups - 1) df.
 */
export function subgroupDifference(groups: readonly { estimate: number; se: number }[]): SubgroupDifference {
  if (groups.length < 2) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'groups',
      reason: 'at least 2 subgroups are needed',
    });
  }
  const qBetween = cochranQ(groups.map((g) => ({ effect: g.estimate, variance: g.se * g.se })));
  const df = groups.length - 1;
  return { qBetween, df, pValue: chiSquareUpperP(qBetween, df) };
}

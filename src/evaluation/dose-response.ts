import { TrackTwoError } from '../domain/errors.js';
import { normalCritical, normalTwoSidedP } from './distributions.js';

/**
 * Dose-response: does attitude change grow with the number of meetings attended? A weighted least
 * squares line through per-dose mean changes weighted by their inverse variance, i.e. the
 * fixed-effect meta-regression of metafor's rma(yi, vi, mods = ~ dose, method = "FE"), whose
 * figures it reproduces (z-based intervals, as metafor's default).
 */

export interface TrendPoint {
  x: number;
  y: number;
  variance: number;
}

export interface WeightedTrend {
  intercept: number;
  interceptSe: number;
  slope: number;
  slopeSe: number;
  slopeCiLower: number;
  slopeCiUpper: number;
  slopeZ: number;
  slopePValue: number;
  /** Residual heterogeneity Q_E on (points - 2) df. */
  residualQ: number;
  points: number;
}

export function weightedLinearTrend(points: readonly TrendPoint[], level = 0.95): WeightedTrend {
  points.forEach((p, i) => {
    if (!(p.variance > 0)) {
      throw new TrackTwoError('TT_ERR_EVIDENCE_BAD_VARIANCE', {
        field: `points[${i}].variance`,
        reason: `${p.variance}`,
      });
    }
  });
  const distinctX = new Set(points.map((p) => p.x));
  if (distinctX.size < 2) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      field: 'points',
      reason: 'a slope needs at least two different doses',
    });
  }
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (const p of points) {
    const w = 1 / p.variance;
    sw += w;
    swx += w * p.x;
    swy += w * p.y;
  }
  const xBar = swx / sw;
  const yBar = swy / sw;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const w = 1 / p.variance;
    sxx += w * (p.x - xBar) ** 2;
    sxy += w * (p.x - xBar) * (p.y - yBar);
  }
  const slope = sxy / sxx;
  const intercept = yBar - slope * xBar;
  const slopeSe = Math.sqrt(1 / sxx);
  const interceptSe = Math.sqrt(1 / sw + (xBar * xBar) / sxx);
  let residualQ = 0;
  for (const p of points) residualQ += (p.y - intercept - slope * p.x) ** 2 / p.variance;
  const z = normalCritical(level);
  return {
    intercept,
    interceptSe,
    slope,
    slopeSe,
    slopeCiLower: slope - z * slopeSe,
    slopeCiUpper: slope + z * slopeSe,
    slopeZ: slope / slopeSe,
    slopePValue: normalTwoSidedP(slope / slopeSe),
    residualQ,
    points: points.length,
  };
}

export interface DoseLevel {
  dose: number;
  n: number;
  meanChange: number;
  variance: number;
}

export interface DoseResponse {
  levels: DoseLevel[];
  /** Doses left out because fewer than two respondents had them (no variance to weigh by). */
  skippedDoses: number[];
  trend: WeightedTrend;
}

/** Groups respondents' changes by meetings attended and fits the weighted trend. */
export function doseResponse(
  changes: readonly { dose: number; change: number }[],
  level = 0.95,
): DoseResponse {
  const byDose = new Map<number, number[]>();
  for (const c of changes) {
    if (!Number.isFinite(c.change) || !Number.isFinite(c.dose)) continue;
    const list = byDose.get(c.dose) ?? [];
    list.push(c.change);
    byDose.set(c.dose, list);
  }
  const levels: DoseLevel[] = [];
  const skippedDoses: number[] = [];
  for (const [dose, list] of [...byDose].sort((a, b) => a[0] - b[0])) {
    const n = list.length;
    const m = list.reduce((a, b) => a + b, 0) / n;
    const v = n > 1 ? list.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1) : 0;
    if (n < 2 || !(v > 0)) {
      skippedDoses.push(dose);
      continue;
    }
    levels.push({ dose, n, meanChange: m, variance: v / n });
  }
  const trend = weightedLinearTrend(
    levels.map((l) => ({ x: l.dose, y: l.meanChange, variance: l.variance })),
    level,
  );
  return { levels, skippedDoses, trend };
}

import type { MetaAnalysisResult, StudyEffect } from './meta-analysis.js';
import { normalCritical } from './distributions.js';

/**
 * A forest plot as an SVG string: one row per study (label, square sized by its weight, whiskers for
 * its confidence interval, the figures in text), a diamond for the pooled estimate, a dotted line for
 * the prediction interval, and an axis with ticks. Black and greys only, so it prints and reads in
 * greyscale; text carries every figure, so nothing depends on seeing the marks.
 */

export interface ForestPlotOptions {
  title?: string;
  /** What the effect is, under the axis (e.g. "Standardised mean difference (d)"). */
  effectLabel?: string;
  width?: number;
  /** Decimal places of the figures in text. */
  digits?: number;
}

const ROW = 22;
const LABEL_WIDTH = 230;
const TEXT_WIDTH = 210;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Ticks at 1, 2 or 5 times a power of ten, about `count` of them over [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => span / s <= count) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  }
  return ticks;
}

/** About how many characters of 12 px sans-serif fit the label column; longer labels end in an ellipsis. */
const LABEL_CHARS = Math.floor((LABEL_WIDTH - 24) / 6.6);

/** Shortens a study label to the label column, so it never runs over the marks; the full label stays in a tooltip. */
export function fitLabel(label: string, maxChars = LABEL_CHARS): string {
  return label.length <= maxChars ? label : `${label.slice(0, maxChars - 1).trimEnd()}\u2026`;
}

function fmt(x: number, digits: number): string {
  return x.toFixed(digits).replace(/^-(0\.0*)$/, '$1');
}

export function forestPlotSvg(
  studies: readonly StudyEffect[],
  result: MetaAnalysisResult,
  options: ForestPlotOptions = {},
): string {
  const width = options.width ?? 760;
  const digits = options.digits ?? 2;
  const plotLeft = LABEL_WIDTH;
  const plotRight = width - TEXT_WIDTH;
  const z = normalCritical(result.level);
  const rows = studies.map((s, i) => {
    const se = Math.sqrt(s.variance);
    return {
      label: s.label ?? `Study ${i + 1}`,
      effect: s.effect,
      lower: s.effect - z * se,
      upper: s.effect + z * se,
      weight: result.weights[i],
    };
  });
  const pi = result.predictionInterval;
  const values = [
    0,
    ...rows.flatMap((r) => [r.lower, r.upper]),
    result.ciLower,
    result.ciUpper,
    ...(result.tau2 > 0 ? [pi.lower, pi.upper] : []),
  ];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const axisMin = Math.min(ticks[0], ...values);
  const axisMax = Math.max(ticks[ticks.length - 1], ...values);
  const x = (v: number) => plotLeft + ((v - axisMin) / (axisMax - axisMin || 1)) * (plotRight - plotLeft);

  const top = options.title ? 44 : 16;
  const headerY = top + 12;
  const firstRowY = headerY + ROW;
  const pooledY = firstRowY + rows.length * ROW + ROW / 2;
  const axisY = pooledY + ROW * (result.tau2 > 0 ? 1.6 : 1);
  const height = axisY + 74;
  const maxWeight = Math.max(...rows.map((r) => r.weight), 1e-12);
  const methodName = {
    fe: 'Fixed effect',
    dl: 'Random effects (DerSimonian-Laird)',
    reml: 'Random effects (REML)',
  }[result.method];
  const level = Math.round(result.level * 100);
  const parts: string[] = [];
  const title = options.title ?? 'Forest plot';
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="forest-title forest-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title id="forest-title">${escapeXml(title)}</title>`,
    `<desc id="forest-desc">${escapeXml(
      `${methodName} meta-analysis of ${result.k} studies: pooled estimate ${fmt(result.estimate, digits)} (${level}% CI ${fmt(result.ciLower, digits)} to ${fmt(result.ciUpper, digits)}), tau squared ${fmt(result.tau2, 4)}, I squared ${result.i2.toFixed(1)}%.`,
    )}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  if (options.title) {
    parts.push(
      `<text x="12" y="24" font-size="15" font-weight="bold" fill="#000000">${escapeXml(options.title)}</text>`,
    );
  }
  parts.push(
    `<text x="12" y="${headerY}" font-weight="bold" fill="#000000">Study</text>`,
    `<text x="${width - 12}" y="${headerY}" font-weight="bold" text-anchor="end" fill="#000000">Estimate [${level}% CI]  Weight</text>`,
  );
  // The line of no effect, solid, behind the marks.
  parts.push(
    `<line x1="${x(0).toFixed(1)}" y1="${headerY + 6}" x2="${x(0).toFixed(1)}" y2="${axisY}" stroke="#555555" stroke-width="1"/>`,
  );
  rows.forEach((r, i) => {
    const y = firstRowY + i * ROW;
    const side = 4 + 10 * Math.sqrt(r.weight / maxWeight);
    parts.push(
      `<g class="study">`,
      `<text x="12" y="${y + 4}" fill="#000000"><title>${escapeXml(r.label)}</title>${escapeXml(fitLabel(r.label))}</text>`,
      `<line x1="${x(r.lower).toFixed(1)}" y1="${y}" x2="${x(r.upper).toFixed(1)}" y2="${y}" stroke="#000000" stroke-width="1.2"/>`,
      `<rect x="${(x(r.effect) - side / 2).toFixed(1)}" y="${(y - side / 2).toFixed(1)}" width="${side.toFixed(1)}" height="${side.toFixed(1)}" fill="#000000"/>`,
      `<text x="${width - 12}" y="${y + 4}" text-anchor="end" fill="#000000">${fmt(r.effect, digits)} [${fmt(r.lower, digits)}, ${fmt(r.upper, digits)}]  ${r.weight.toFixed(1)}%</text>`,
      `</g>`,
    );
  });
  const cx = x(result.estimate);
  parts.push(
    `<line x1="12" y1="${pooledY - ROW / 2 - 2}" x2="${width - 12}" y2="${pooledY - ROW / 2 - 2}" stroke="#999999" stroke-width="0.8"/>`,
    `<text x="12" y="${pooledY + 4}" font-weight="bold" fill="#000000">${escapeXml(methodName)}</text>`,
    `<polygon class="pooled" points="${x(result.ciLower).toFixed(1)},${pooledY} ${cx.toFixed(1)},${pooledY - 7} ${x(result.ciUpper).toFixed(1)},${pooledY} ${cx.toFixed(1)},${pooledY + 7}" fill="#444444" stroke="#000000" stroke-width="1"/>`,
    `<text x="${width - 12}" y="${pooledY + 4}" text-anchor="end" font-weight="bold" fill="#000000">${fmt(result.estimate, digits)} [${fmt(result.ciLower, digits)}, ${fmt(result.ciUpper, digits)}]  100%</text>`,
  );
  if (result.tau2 > 0) {
    const py = pooledY + ROW * 0.8;
    parts.push(
      `<text x="12" y="${py + 4}" fill="#333333">Prediction interval</text>`,
      `<line class="prediction" x1="${x(pi.lower).toFixed(1)}" y1="${py}" x2="${x(pi.upper).toFixed(1)}" y2="${py}" stroke="#000000" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      `<text x="${width - 12}" y="${py + 4}" text-anchor="end" fill="#333333">[${fmt(pi.lower, digits)}, ${fmt(pi.upper, digits)}]</text>`,
    );
  }
  parts.push(
    `<line x1="${x(axisMin).toFixed(1)}" y1="${axisY}" x2="${x(axisMax).toFixed(1)}" y2="${axisY}" stroke="#000000" stroke-width="1"/>`,
  );
  for (const t of ticks) {
    parts.push(
      `<line class="tick" x1="${x(t).toFixed(1)}" y1="${axisY}" x2="${x(t).toFixed(1)}" y2="${axisY + 5}" stroke="#000000"/>`,
      `<text x="${x(t).toFixed(1)}" y="${axisY + 18}" text-anchor="middle" fill="#000000">${escapeXml(String(t))}</text>`,
    );
  }
  parts.push(
    `<text x="${((plotLeft + plotRight) / 2).toFixed(1)}" y="${axisY + 38}" text-anchor="middle" fill="#000000">${escapeXml(options.effectLabel ?? 'Effect size')}</text>`,
    `<text class="heterogeneity" x="12" y="${axisY + 60}" fill="#333333">${escapeXml(
      `k = ${result.k}; tau\u00b2 = ${fmt(result.tau2, 4)}, I\u00b2 = ${result.i2.toFixed(1)}%, Q = ${result.q.toFixed(2)} (df ${result.qDf}), p ${result.qp < 1e-4 ? '< 0.0001' : `= ${result.qp.toFixed(4)}`}`,
    )}</text>`,
    `</svg>`,
  );
  return parts.join('\n') + '\n';
}

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

/**
 * Advance widths of Helvetica/Arial (Liberation Sans, the same metrics) in thousandths of an em, for
 * printable ASCII from the space (32) to the tilde (126). The server has no font engine, so the label
 * column is sized from these; other scripts take a conservative width (see `charWidth`).
 */
// prettier-ignore
const HELVETICA: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
  722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
  278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** One character's width in ems: measured for ASCII, generous for the rest, so a label never overruns. */
function charWidth(code: number): number {
  if (code >= 32 && code <= 126) return HELVETICA[code - 32] / 1000;
  // Combining marks (Latin accents, Arabic harakat, Hebrew points) and joiners take no room of their own.
  if (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x591 && code <= 0x5c7) ||
    (code >= 0x610 && code <= 0x61a) ||
    (code >= 0x64b && code <= 0x65f) ||
    code === 0x670 ||
    (code >= 0x200b && code <= 0x200f)
  )
    return 0;
  // East Asian wide characters and emoji take a whole em.
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || code >= 0xac00) return 1;
  // Dashes, quotes and ellipsis of General Punctuation; everything else (accented Latin, Arabic, Hebrew,
  // Cyrillic, Greek) as a wide Latin capital, which no such letter exceeds in these fonts.
  if (code >= 0x2010 && code <= 0x2027) return code === 0x2014 ? 1 : 0.56;
  return 0.78;
}

/** The width in pixels of `text` set in Helvetica/Arial at `size` pixels, rounded up (see below). */
export function textWidth(text: string, size = 12): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch.codePointAt(0)!);
  // A tenth more, for a reader whose sans-serif is wider than Helvetica (DejaVu Sans, say).
  return ems * size * 1.1;
}

/** Label column bounds: at least the "Study" header and method names, at most 40% of the figure. */
const LABEL_MIN = 150;
const LABEL_SHARE = 0.4;
const LABEL_MARGIN = 12;
const LABEL_GAP = 14;

/**
 * Shortens a study label to `maxWidth` pixels of 12 px text, ending it in an ellipsis, so it never runs
 * over the marks; the full label stays in a tooltip.
 */
export function fitLabel(label: string, maxWidth = LABEL_SHARE * 760 - LABEL_MARGIN - LABEL_GAP): string {
  if (textWidth(label) <= maxWidth) return label;
  const room = maxWidth - textWidth('\u2026');
  let used = 0;
  let kept = '';
  for (const ch of label) {
    const w = textWidth(ch);
    if (used + w > room) break;
    used += w;
    kept += ch;
  }
  return `${kept.trimEnd()}\u2026`;
}

function fmt(x: number, digits: number): string {
  return x.toFixed(digits).replace(/^-(0\.0*)$/, '$1');
}

const METHOD_NAMES: Record<MetaAnalysisResult['method'], string> = {
  fe: 'Fixed effect',
  dl: 'Random effects (DerSimonian-Laird)',
  reml: 'Random effects (REML)',
};

export function forestPlotSvg(
  studies: readonly StudyEffect[],
  result: MetaAnalysisResult,
  options: ForestPlotOptions = {},
): string {
  const width = options.width ?? 760;
  const digits = options.digits ?? 2;
  const labelOf = (s: StudyEffect, i: number) => s.label ?? `Study ${i + 1}`;
  // The label column takes the width of the longest label (measured), within its bounds; a label longer
  // than the widest column is shortened, with the whole label in its tooltip.
  const maxLabel = LABEL_SHARE * width - LABEL_MARGIN - LABEL_GAP;
  const widest = Math.max(
    ...studies.map((s, i) => textWidth(labelOf(s, i))),
    // The pooled row's method name is bold (about 8% wider); the prediction row's label is regular.
    textWidth(METHOD_NAMES[result.method]) * 1.08,
    result.tau2 > 0 ? textWidth('Prediction interval') : 0,
  );
  const labelWidth = Math.max(LABEL_MIN, Math.min(maxLabel, widest) + LABEL_MARGIN + LABEL_GAP);
  const plotLeft = labelWidth;
  const plotRight = width - TEXT_WIDTH;
  const z = normalCritical(result.level);
  const rows = studies.map((s, i) => {
    const se = Math.sqrt(s.variance);
    return {
      label: labelOf(s, i),
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
  const methodName = METHOD_NAMES[result.method];
  const level = Math.round(result.level * 100);
  const parts: string[] = [];
  const title = options.title ?? 'Forest plot';
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="forest-title forest-desc" direction="ltr" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
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
      `<text class="study-label" x="${LABEL_MARGIN}" y="${y + 4}" fill="#000000"><title>${escapeXml(r.label)}</title>${escapeXml(fitLabel(r.label, maxLabel))}</text>`,
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

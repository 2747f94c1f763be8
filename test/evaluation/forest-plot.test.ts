import { describe, expect, it } from 'vitest';
import { fitLabel, forestPlotSvg, niceTicks, textWidth } from '../../src/evaluation/forest-plot.js';
import { metaAnalysis } from '../../src/evaluation/meta-analysis.js';

const studies = [
  { label: 'Alpha & <Beta>', effect: 0.5, variance: 0.04 },
  { label: 'Gamma', effect: 0.1, variance: 0.01 },
  { label: 'Delta', effect: 0.9, variance: 0.09 },
];

describe('forest plot', () => {
  const result = metaAnalysis(studies, { method: 'dl' });
  const svg = forestPlotSvg(studies, result, { title: 'Test plot', effectLabel: 'd' });

  it('draws one row per study, weighted squares, whiskers, a diamond and an axis', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="study">/g)).toHaveLength(3);
    expect(svg.match(/<polygon class="pooled"/g)).toHaveLength(1);
    expect(svg).toContain('class="tick"');
    const sides = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="([^"]+)"/g)].map((m) => Number(m[1]));
    // The first rect is the background; the heaviest study (Gamma) has the largest square.
    expect(sides[2]).toBeGreaterThan(sides[1]);
    expect(sides[2]).toBeGreaterThan(sides[3]);
  });

  it('escapes labels and states every figure in text, in greyscale only', () => {
    expect(svg).toContain('Alpha &amp; &lt;Beta&gt;');
    expect(svg).toContain(
      `${result.estimate.toFixed(2)} [${result.ciLower.toFixed(2)}, ${result.ciUpper.toFixed(2)}]`,
    );
    const colours = new Set([...svg.matchAll(/#([0-9a-f]{6})/gi)].map((m) => m[1].toLowerCase()));
    for (const c of colours)
      expect(c.slice(0, 2) === c.slice(2, 4) && c.slice(2, 4) === c.slice(4, 6)).toBe(true);
    expect(svg).toContain('<title id="forest-title">Test plot</title>');
    expect(svg).toContain('class="prediction"');
  });

  it('chooses round ticks', () => {
    expect(niceTicks(-0.35, 1.14)).toEqual([0, 0.5, 1]);
    expect(niceTicks(-1.2, 0.45, 6)).toEqual([-1, -0.5, 0]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
  });
});

describe('forest plot labels', () => {
  it('shortens a long study label to its column and keeps the whole label in a tooltip', () => {
    const long = 'Highlands–Coast Dialogue: Highlands–Coast Dialogue: attitudes across the divide';
    const studies = [
      { label: long, effect: 0.6, variance: 0.04 },
      { label: 'Short', effect: 0.3, variance: 0.05 },
    ];
    const svg = forestPlotSvg(studies, metaAnalysis(studies, { method: 'dl' }));
    expect(fitLabel(long).length).toBeLessThan(long.length);
    expect(fitLabel(long).endsWith('\u2026')).toBe(true);
    expect(svg).toContain(`<title>${long}</title>${fitLabel(long)}</text>`);
    expect(svg).toContain('>Short</text>');
  });

  it('sizes the label column to the longest label, within bounds, and shortens only what cannot fit', () => {
    const plotLeftOf = (svg: string) =>
      Math.min(
        ...[
          ...svg.matchAll(
            /<line x1="([\d.]+)" y1="\d+" x2="[\d.]+" y2="\d+" stroke="#000000" stroke-width="1.2"/g,
          ),
        ].map((m) => Number(m[1])),
      );
    const medium = 'WWW Women’s dialogue, Mombasa 2024';
    const wide = [
      { label: medium, effect: 0, variance: 0.04 },
      { label: 'Short', effect: 0.3, variance: 0.05 },
    ];
    const svg = forestPlotSvg(wide, metaAnalysis(wide, { method: 'fe' }));
    // Whole, since it fits the widest column; the marks start right of it.
    expect(svg).toContain(`</title>${medium.replace('’', '’')}</text>`);
    expect(plotLeftOf(svg)).toBeGreaterThan(12 + textWidth(medium));
    const arabic = 'حوار نساء الساحل والمرتفعات حول الطريق الساحلي والمياه والمراعي 2024';
    const rtl = [
      { label: arabic, effect: 0.2, variance: 0.04 },
      { label: 'Short', effect: 0.3, variance: 0.05 },
    ];
    const shortened = fitLabel(arabic, 0.4 * 760 - 26);
    expect(shortened.endsWith('\u2026')).toBe(true);
    expect(textWidth(shortened)).toBeLessThanOrEqual(0.4 * 760 - 26);
    expect(forestPlotSvg(rtl, metaAnalysis(rtl, { method: 'fe' }))).toContain(
      `<title>${arabic}</title>${shortened}</text>`,
    );
    expect(textWidth('WWWW')).toBeGreaterThan(textWidth('iiii') * 3);
  });
});

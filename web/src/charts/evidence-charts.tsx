import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

/**
 * The evidence screen's charts, drawn with Chart.js. Only this module imports it, and the evidence screen
 * loads this module lazily: nobody else downloads the charting library. Everything is black or grey and
 * told apart by dashes and marker shapes, so the charts read in greyscale and on a black-and-white print.
 */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

const INK = '#000';
const GRID = '#d0d0d0';

/** A dashed vertical line at zero: to its right, an improvement. */
const zeroLine: Plugin<'bar'> = {
  id: 'zeroLine',
  afterDatasetsDraw(chart) {
    const x = chart.scales.x;
    if (!x || x.min > 0 || x.max < 0) return;
    const at = x.getPixelForValue(0);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = INK;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(at, top);
    ctx.lineTo(at, bottom);
    ctx.stroke();
    ctx.restore();
  },
};

/** White behind the chart, so a copied or printed canvas is not transparent. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

function useChart(config: () => ChartConfiguration<'bar' | 'line'>, deps: readonly unknown[]) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config() as ChartConfiguration);
    return () => chart.destroy();
    // The config is rebuilt from the deps the caller names.
  }, deps);
  return canvas;
}

export interface IntervalRow {
  label: string;
  estimate: number;
  low: number;
  high: number;
}

/** Effects with their 95% intervals: a whisker from low to high and a square at the estimate. */
export function EffectChart({
  rows,
  label,
  axisLabel,
  format,
}: {
  rows: readonly IntervalRow[];
  label: string;
  axisLabel: string;
  format: (value: number) => string;
}) {
  const canvas = useChart(
    () => ({
      type: 'bar',
      data: {
        labels: rows.map((row) => row.label),
        datasets: [
          {
            type: 'bar',
            label: '95%',
            data: rows.map((row) => [row.low, row.high]),
            backgroundColor: INK,
            barThickness: 2,
          },
          {
            type: 'line',
            label: axisLabel,
            data: rows.map((row) => row.estimate),
            showLine: false,
            pointStyle: 'rect',
            pointRadius: 5,
            pointBackgroundColor: INK,
            pointBorderColor: INK,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (item) => {
                const row = rows[item.dataIndex];
                return `${format(row.estimate)} [${format(row.low)}, ${format(row.high)}]`;
              },
            },
          },
        },
        scales: {
          x: {
            title: { display: true, text: axisLabel, color: INK },
            grid: { color: GRID },
            ticks: { color: INK, callback: (value) => format(Number(value)) },
            suggestedMin: Math.min(0, ...rows.map((row) => row.low)),
            suggestedMax: Math.max(0, ...rows.map((row) => row.high)),
          },
          y: { grid: { display: false }, ticks: { color: INK } },
        },
      },
      plugins: [whiteBackground, zeroLine as Plugin<'bar' | 'line'>],
    }),
    // By content: the screen rebuilds its rows on every render, and a chart is redrawn only when they change.
    [JSON.stringify(rows), label, axisLabel, format],
  );
  return (
    <div className="chart" style={{ height: `${3 + rows.length * 2}rem` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

/** Women's share over time, against the convener's target and the Track-I baseline (a fixed share). */
export function InclusionChart({
  rows,
  target,
  baseline,
  label,
  names,
  format,
}: {
  rows: readonly { period: string; share: number }[];
  target: number | null;
  baseline: number;
  label: string;
  names: { share: string; target: string; baseline: string; axis: string };
  format: (value: number) => string;
}) {
  const canvas = useChart(
    () => ({
      type: 'line',
      data: {
        labels: rows.map((row) => row.period),
        datasets: [
          {
            label: names.share,
            data: rows.map((row) => row.share),
            borderColor: INK,
            backgroundColor: INK,
            borderWidth: 2,
            pointStyle: 'circle',
            pointRadius: 4,
          },
          ...(target === null
            ? []
            : [
                {
                  label: names.target,
                  data: rows.map(() => target),
                  borderColor: INK,
                  borderDash: [8, 4],
                  borderWidth: 1.5,
                  pointRadius: 0,
                },
              ]),
          {
            label: names.baseline,
            data: rows.map(() => baseline),
            borderColor: '#555',
            borderDash: [2, 3],
            borderWidth: 1.5,
            pointRadius: 0,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          legend: {
            position: 'bottom',
            labels: { color: INK, usePointStyle: true, pointStyle: 'line' },
          },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.raw))}` } },
        },
        scales: {
          y: {
            min: 0,
            max: 1,
            title: { display: true, text: names.axis, color: INK },
            grid: { color: GRID },
            ticks: { color: INK, callback: (value) => format(Number(value)) },
          },
          x: { grid: { display: false }, ticks: { color: INK } },
        },
      },
      plugins: [whiteBackground],
    }),
    [JSON.stringify({ rows, target, baseline, names }), label, format],
  );
  return (
    <div className="chart" style={{ height: '16rem' }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

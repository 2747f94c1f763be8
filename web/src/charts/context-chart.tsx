import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

/**
 * The context view's chart: fatalities per month, stacked by admin area or violence type. Loaded lazily
 * with the screen, so only those who open it download Chart.js.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Greys and one blue step apart, so the stacks read in greyscale and on a black-and-white print. */
const SHADES = ['#1f2937', '#4b5563', '#9ca3af', '#1d4ed8', '#93c5fd', '#d1d5db', '#111827'];

export interface ContextSeries {
  label: string;
  values: number[];
}

export function FatalityChart({
  months,
  series,
  label,
  rtl,
}: {
  months: string[];
  series: ContextSeries[];
  label: string;
  rtl: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: months,
        datasets: series.map((one, index) => ({
          label: one.label,
          data: one.values,
          backgroundColor: SHADES[index % SHADES.length],
          borderWidth: 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, reverse: rtl, ticks: { maxRotation: 60, autoSkip: true } },
          y: { stacked: true, beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0 } },
        },
        plugins: { legend: { position: 'bottom', rtl }, tooltip: { rtl } },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [months, series, rtl]);
  return (
    <div className="chart context-chart" style={{ position: 'relative', height: '320px' }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

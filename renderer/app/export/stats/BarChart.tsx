import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * One bar chart drawn with uPlot on a canvas. uPlot sets element styles through the DOM (no
 * `style` attributes in markup, no `<style>` elements, no eval), so it runs under the app's CSP.
 * The canvas is hidden from screen readers: every chart comes with its table (StatsFigure).
 */
export function BarChart({ labels, values }: { labels: string[]; values: number[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const css = getComputedStyle(el);
    const accent = css.getPropertyValue('--accent').trim() || '#1f5fa8';
    const text = css.color || '#222';
    const grid = css.getPropertyValue('--border').trim() || '#ddd';
    const xs = labels.map((_, i) => i);
    // Label every bar when they fit; otherwise about a dozen evenly spaced ones.
    const step = Math.max(1, Math.ceil(labels.length / 12));
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const chart = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: 220,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
        },
        axes: [
          {
            ...axis,
            grid: { show: false },
            splits: () => xs.filter((i) => i % step === 0),
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          },
          {
            ...axis,
            values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')),
          },
        ],
        series: [
          {},
          {
            stroke: accent,
            fill: accent,
            width: 0,
            paths: uPlot.paths.bars!({ size: [0.7, 48], align: 0 }),
            points: { show: false },
          },
        ],
      },
      [xs, values],
      el,
    );
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(200, el.clientWidth), height: 220 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, values]);
  return <div ref={box} className="stats__chart" aria-hidden="true" />;
}

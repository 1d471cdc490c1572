import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n.ts';

/**
 * A chart drawn by ECharts (as SVG, so it prints sharply), imported only when a page shows one.
 * `label` names it for screen readers and as its caption.
 */
export function Chart({
  option,
  label,
  height = 320,
  name,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  /** identifies the chart to tests and print rules */
  name: string;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    import('./echarts.ts').then(
      ({ init }) => {
        if (disposed || box.current === null) return;
        const chart = init(box.current, null, { renderer: 'svg' });
        chart.setOption(option);
        const resize = () => chart.resize();
        window.addEventListener('resize', resize);
        dispose = () => {
          window.removeEventListener('resize', resize);
          chart.dispose();
        };
        setState('drawn');
      },
      () => {
        if (!disposed) setState('failed');
      },
    );
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return (
    <figure className="chart" data-chart={name} data-state={state}>
      <div ref={box} role="img" aria-label={label} style={{ height }} />
      <figcaption>
        {label}
        {state === 'failed' && t(' · không tải được biểu đồ')}
      </figcaption>
    </figure>
  );
}

/** A decimal string of the API as a chart coordinate; the shown figures stay the exact strings. */
export const chartNumber = (value: string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartClick = { seriesId?: string; seriesName?: string; dataIndex: number; name: string };

/** One ECharts instance bound to a div; resized with the window, disposed with the component. */
export function EChart({
  option,
  label,
  onClick,
  height = 320,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  onClick?: (e: ChartClick) => void;
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (e) => click.current?.(e as unknown as ChartClick));
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, []);
  useEffect(() => chart.current?.setOption(option, true), [option]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

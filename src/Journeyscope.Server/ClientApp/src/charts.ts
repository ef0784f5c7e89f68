import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, SankeyChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TitleComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Handle } from './types';
import { formatDuration, resolve } from './format';

echarts.use([BarChart, FunnelChart, LineChart, SankeyChart, AriaComponent, GridComponent, TitleComponent, TooltipComponent, DataZoomComponent, SVGRenderer]);

export interface ChartOptions {
  title?: string;
  /** Values are seconds: axes and tooltips show durations. */
  durations?: boolean;
  height?: number;
}

type EChartsOption = echarts.EChartsCoreOption;

function chart(target: HTMLElement | string, option: (data: unknown) => EChartsOption, data: unknown, options: ChartOptions): Handle {
  const el = resolve(target);
  if (!el.style.height) el.style.height = `${options.height ?? 280}px`;
  const instance = echarts.init(el, undefined, { renderer: 'svg' });
  const base = (o: EChartsOption): EChartsOption => ({
    aria: { enabled: true },
    title: options.title ? { text: options.title, left: 'center', textStyle: { fontSize: 13 } } : undefined,
    tooltip: { trigger: 'item' },
    ...o,
  });
  instance.setOption(base(option(data)));
  const onResize = () => instance.resize();
  window.addEventListener('resize', onResize);
  return {
    update(json: unknown) {
      instance.setOption(base(option(json)), true);
    },
    dispose() {
      window.removeEventListener('resize', onResize);
      instance.dispose();
    },
    exportSvg: () => instance.renderToSVGString(),
  };
}

const axisLabel = (durations?: boolean) => (durations ? { formatter: (v: number) => formatDuration(v) } : {});

/** Histogram from pre-binned data: bins [{ from, to, count }]. */
export function renderHistogram(target: HTMLElement | string, data: { bins: { from: number; to: number; count: number }[] }, options: ChartOptions = {}): Handle {
  return chart(target, d => {
    const bins = (d as typeof data).bins;
    const label = (b: { from: number; to: number }) => (options.durations ? `${formatDuration(b.from)}–${formatDuration(b.to)}` : `${b.from}–${b.to}`);
    return {
      grid: { left: 50, right: 20, bottom: 50, top: options.title ? 40 : 20 },
      xAxis: { type: 'category', data: bins.map(label), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', name: 'cases' },
      series: [{ type: 'bar', data: bins.map(b => b.count), barCategoryGap: '5%', itemStyle: { color: '#1f5fa8' } }],
    };
  }, data, options);
}

/** Time series: points [{ t: ISO time or epoch ms, v: number }] per series. */
export function renderTimeSeries(target: HTMLElement | string, data: { series: { name: string; points: { t: string | number; v: number }[] }[] }, options: ChartOptions = {}): Handle {
  return chart(target, d => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, bottom: 60, top: options.title ? 40 : 20 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', axisLabel: axisLabel(options.durations) },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: (d as typeof data).series.map(s => ({ type: 'line', name: s.name, showSymbol: false, data: s.points.map(p => [p.t, p.v]) })),
  }), data, options);
}

/** Horizontal bars: items [{ label, value }], drawn in the given order top to bottom. */
export function renderBars(target: HTMLElement | string, data: { items: { label: string; value: number }[] }, options: ChartOptions = {}): Handle {
  return chart(target, d => {
    const items = [...(d as typeof data).items].reverse();
    return {
      grid: { left: 160, right: 30, bottom: 30, top: options.title ? 40 : 10 },
      xAxis: { type: 'value', axisLabel: axisLabel(options.durations) },
      yAxis: { type: 'category', data: items.map(i => i.label), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [{ type: 'bar', data: items.map(i => i.value), itemStyle: { color: '#1f5fa8' } }],
    };
  }, data, options);
}

/** Sankey: nodes [{ name }], links [{ source, target, value }] by node name (acyclic). */
export function renderSankey(target: HTMLElement | string, data: { nodes: { name: string }[]; links: { source: string; target: string; value: number }[] }, options: ChartOptions = {}): Handle {
  return chart(target, d => ({
    series: [{
      type: 'sankey',
      data: (d as typeof data).nodes,
      links: (d as typeof data).links,
      emphasis: { focus: 'adjacency' },
      lineStyle: { color: 'gradient', curveness: 0.5 },
      top: options.title ? 40 : 10,
    }],
  }), data, options);
}

/** Funnel: steps [{ name, count }] in order. */
export function renderFunnel(target: HTMLElement | string, data: { steps: { name: string; count: number }[] }, options: ChartOptions = {}): Handle {
  return chart(target, d => ({
    series: [{
      type: 'funnel',
      sort: 'none',
      top: options.title ? 40 : 10,
      label: { show: true, position: 'inside', formatter: '{b}: {c}' },
      data: (d as typeof data).steps.map(s => ({ name: s.name, value: s.count })),
    }],
  }), data, options);
}

/**
 * Cumulative share of cases covered by the top-k variants; counts are the variants' case counts in any order. The share
 * is of `total` cases when given (all the log's cases: a curve over the top 50 variants then ends at their coverage, as
 * the variants table says), else of the listed counts' sum.
 */
export function coverageCurve(counts: number[], total?: number): number[] {
  const sorted = [...counts].sort((a, b) => b - a);
  const all = total ?? sorted.reduce((s, c) => s + c, 0);
  let sum = 0;
  return sorted.map(c => {
    sum += c;
    return all <= 0 ? 0 : Math.min(1, sum / all);
  });
}

/** Coverage curve: x = top-k variants, y = share of all `total` cases they cover (see coverageCurve). */
export function renderCoverage(target: HTMLElement | string, data: { counts: number[]; total?: number }, options: ChartOptions = {}): Handle {
  const el = resolve(target);
  return chart(el, d => {
    const curve = coverageCurve((d as typeof data).counts, (d as typeof data).total);
    // The last point, for tests and assistive text: the coverage of all the variants drawn.
    el.setAttribute('data-coverage', curve.length === 0 ? '0' : curve[curve.length - 1].toFixed(6));
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${(v * 100).toFixed(1)}%` },
      grid: { left: 50, right: 20, bottom: 40, top: options.title ? 40 : 20 },
      xAxis: { type: 'category', name: 'variants', data: curve.map((_, i) => String(i + 1)) },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [{ type: 'line', data: curve, areaStyle: { opacity: 0.2 }, showSymbol: curve.length <= 50, itemStyle: { color: '#1f5fa8' } }],
    };
  }, data, options);
}

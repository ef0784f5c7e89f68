import { renderProcessMap } from './processMap';
import { renderBlueprint } from './blueprint';
import { renderValueStream } from './valueStream';
import { coverageCurve, renderBars, renderCoverage, renderFunnel, renderHistogram, renderSankey, renderTimeSeries } from './charts';
import { formatDuration } from './format';
import type { Handle } from './types';

/** Handles by key, so that Blazor can update or dispose a drawing by a string id. */
const handles = new Map<string, Handle>();

function keep(key: string, handle: Handle): string {
  handles.get(key)?.dispose();
  handles.set(key, handle);
  return key;
}

/** Blazor interop: draw a visualisation by kind into the element; returns the key for update/dispose/export. */
export function draw(kind: string, key: string, element: HTMLElement, data: unknown, options: Record<string, unknown> = {}): string {
  const existing = handles.get(key);
  if (existing && existing.__kind === kind && existing.__element === element) {
    existing.update(data, options);
    return key;
  }
  let handle: Handle;
  switch (kind) {
    case 'processMap': handle = renderProcessMap(element, data as never, options); break;
    case 'blueprint': handle = renderBlueprint(element, data as never, options); break;
    case 'valueStream': handle = renderValueStream(element, data as never); break;
    case 'histogram': handle = renderHistogram(element, data as never, options); break;
    case 'timeSeries': handle = renderTimeSeries(element, data as never, options); break;
    case 'bars': handle = renderBars(element, data as never, options); break;
    case 'sankey': handle = renderSankey(element, data as never, options); break;
    case 'funnel': handle = renderFunnel(element, data as never, options); break;
    case 'coverage': handle = renderCoverage(element, data as never, options); break;
    default: throw new Error(`journeyscope: unknown visualisation '${kind}'`);
  }
  handle.__kind = kind;
  handle.__element = element;
  return keep(key, handle);
}

export function dispose(key: string): void {
  handles.get(key)?.dispose();
  handles.delete(key);
}

export function exportSvg(key: string): string | null {
  return handles.get(key)?.exportSvg?.() ?? null;
}

export function exportPng(key: string): string | null {
  return handles.get(key)?.exportPng?.() ?? null;
}

/**
 * Answers once every interop call sent before it has run (the browser handles them in order): a page awaits it to know
 * that its components' own start-up calls, such as the file input's listener, are done.
 */
export function settled(): boolean {
  return true;
}

/** Saves text or a data URL as a file download. */
export function download(fileName: string, content: string, mime: string): void {
  const href = content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(href), 1000);
}

export {
  renderProcessMap, renderBlueprint, renderValueStream, renderHistogram, renderTimeSeries, renderBars, renderSankey,
  renderFunnel, renderCoverage, coverageCurve, formatDuration,
};

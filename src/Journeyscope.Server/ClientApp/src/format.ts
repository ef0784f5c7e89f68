/** Human-readable duration for seconds: 45s, 12m, 3.5h, 2.1d. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !isFinite(seconds)) return '–';
  const s = Math.abs(seconds);
  if (s < 60) return `${round(seconds)}s`;
  if (s < 3600) return `${round(seconds / 60)}m`;
  if (s < 86400) return `${round(seconds / 3600)}h`;
  return `${round(seconds / 86400)}d`;
}

/** Count with thousands separators. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function round(x: number): string {
  return Math.abs(x) >= 10 ? Math.round(x).toString() : (Math.round(x * 10) / 10).toString();
}

/** Escapes text for XML/SVG/HTML. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Linear interpolation between two #rrggbb colours, t in [0,1]. */
export function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const c = (shift: number) => {
    const x = (pa >> shift) & 255;
    const y = (pb >> shift) & 255;
    return Math.round(x + (y - x) * Math.min(1, Math.max(0, t)));
  };
  return '#' + ((1 << 24) | (c(16) << 16) | (c(8) << 8) | c(0)).toString(16).slice(1);
}

/** Position of value in [min,max] on a log scale, 0..1. */
export function logScale(value: number, min: number, max: number): number {
  if (max <= min) return 1;
  const v = Math.log1p(Math.max(0, value - min));
  const m = Math.log1p(max - min);
  return m === 0 ? 1 : v / m;
}

/** Resolves an element or an element id. */
export function resolve(target: HTMLElement | string): HTMLElement {
  if (typeof target !== 'string') return target;
  const el = document.getElementById(target);
  if (!el) throw new Error(`journeyscope: no element with id '${target}'`);
  return el;
}

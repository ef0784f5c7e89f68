import type { Handle } from './types';
import { escapeXml, formatDuration, resolve } from './format';

/** The value-stream JSON (same keys as `journeyscope performance --format json`); null processing means unknown (no start times). */
export interface ValueStreamJson {
  leadTimeSeconds?: { mean?: number | null; total?: number | null } | null;
  processingTimeSeconds?: { mean?: number | null; total?: number | null } | null;
  waitingTimeSeconds?: { mean?: number | null; total?: number | null } | null;
  flowEfficiency?: number | null;
  activities: {
    activity: string;
    events: number;
    meanProcessingSeconds?: number | null;
    meanWaitingSeconds?: number | null;
  }[];
}

/** Draws the lean value stream strip: one box per step, and the time ladder (waiting up, processing down). */
export function renderValueStream(target: HTMLElement | string, data: ValueStreamJson): Handle {
  const container = resolve(target);
  const draw = (json: ValueStreamJson) => {
    container.innerHTML = svg(json);
    container.setAttribute('data-step-count', String(json.activities.length));
  };
  draw(data);
  return {
    update(json: unknown) {
      draw(json as ValueStreamJson);
    },
    dispose() {
      container.innerHTML = '';
    },
    exportSvg: () => svg(data),
  };
}

/** A processing time, or 'unknown' when the log has no start times (null), never a misleading zero. */
function processing(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? 'unknown' : formatDuration(seconds);
}

function svg(data: ValueStreamJson): string {
  const steps = data.activities;
  const boxW = 130;
  const gap = 40;
  const w = Math.max(600, steps.length * (boxW + gap) + gap + 170);
  const h = 210;
  const maxT = Math.max(1, ...steps.map(s => Math.max(s.meanWaitingSeconds ?? 0, s.meanProcessingSeconds ?? 0)));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Value stream: ${steps.length} steps" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Roboto, Helvetica, Arial, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  steps.forEach((s, i) => {
    const x = gap + i * (boxW + gap);
    out.push(`<g data-step="${escapeXml(s.activity)}"><title>${escapeXml(s.activity)}: ${s.events} events, processing ${processing(s.meanProcessingSeconds)}, waiting ${formatDuration(s.meanWaitingSeconds)}</title>`);
    out.push(`<rect x="${x}" y="10" width="${boxW}" height="70" rx="4" fill="#e3f0fb" stroke="#1f5fa8"/>`);
    out.push(`<text x="${x + boxW / 2}" y="30" text-anchor="middle" font-weight="600">${escapeXml(truncate(s.activity, 20))}</text>`);
    out.push(`<text x="${x + boxW / 2}" y="48" text-anchor="middle" fill="#52606d">${s.events.toLocaleString('en-US')} events</text>`);
    out.push(`<text x="${x + boxW / 2}" y="66" text-anchor="middle" fill="#52606d">P/T ${processing(s.meanProcessingSeconds)}</text>`);
    // The ladder: waiting before the step (raised segment), processing of the step (lowered segment).
    const waitW = gap;
    out.push(`<line x1="${x - waitW}" y1="110" x2="${x}" y2="110" stroke="#c0392b" stroke-width="3"/>`);
    out.push(`<text x="${x - waitW / 2}" y="104" text-anchor="middle" fill="#c0392b">${i === 0 ? '' : formatDuration(s.meanWaitingSeconds)}</text>`);
    out.push(`<line x1="${x}" y1="110" x2="${x}" y2="140" stroke="#9aa5b1"/>`);
    out.push(`<line x1="${x}" y1="140" x2="${x + boxW}" y2="140" stroke="#2e9e5b" stroke-width="3"/>`);
    out.push(`<line x1="${x + boxW}" y1="140" x2="${x + boxW}" y2="110" stroke="#9aa5b1"/>`);
    out.push(`<text x="${x + boxW / 2}" y="156" text-anchor="middle" fill="#2e9e5b">${processing(s.meanProcessingSeconds)}</text>`);
    const bar = (v: number | null | undefined) => Math.max(1, ((v ?? 0) / maxT) * (boxW - 10));
    out.push(`<rect x="${x + 5}" y="168" width="${bar(s.meanWaitingSeconds).toFixed(1)}" height="6" fill="#c0392b" opacity="0.7"/>`);
    out.push(`<rect x="${x + 5}" y="176" width="${bar(s.meanProcessingSeconds).toFixed(1)}" height="6" fill="#2e9e5b" opacity="0.7"/>`);
    out.push('</g>');
    if (i + 1 < steps.length) {
      out.push(`<path d="M${x + boxW + 4},45 L${x + boxW + gap - 4},45" stroke="#52606d" stroke-width="2" marker-end="url(#vsm-arrow)"/>`);
    }
  });
  const sx = gap + steps.length * (boxW + gap);
  const eff = data.flowEfficiency;
  out.push(`<g><rect x="${sx}" y="10" width="150" height="130" rx="4" fill="#f5f7fa" stroke="#52606d"/>`);
  out.push(`<text x="${sx + 8}" y="30" font-weight="600">Lead time ${formatDuration(data.leadTimeSeconds?.mean)}</text>`);
  out.push(`<text x="${sx + 8}" y="50" fill="#2e9e5b">Processing ${processing(data.processingTimeSeconds?.mean)}</text>`);
  out.push(`<text x="${sx + 8}" y="70" fill="#c0392b">Waiting ${formatDuration(data.waitingTimeSeconds?.mean)}</text>`);
  out.push(`<text x="${sx + 8}" y="95" font-weight="600" data-flow-efficiency="${eff ?? ''}">Flow efficiency ${eff == null ? 'unknown' : (eff * 100).toFixed(1) + '%'}</text>`);
  out.push(`<text x="${sx + 8}" y="115" fill="#52606d" font-size="10">means per case</text></g>`);
  out.push(`<defs><marker id="vsm-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#52606d"/></marker></defs>`);
  out.push('</svg>');
  return out.join('');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

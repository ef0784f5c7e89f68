import type { DotNetReference, Handle } from './types';
import { escapeXml, resolve } from './format';

/** A designed journey as the journeys API serves it (only the fields the blueprint draws). */
export interface BlueprintJson {
  name?: string;
  stages: { id: string; name: string }[];
  touchpoints: BlueprintTouchpoint[];
}

export interface BlueprintTouchpoint {
  id: string;
  name: string;
  stage: string;
  lane: string;
  channel?: string | null;
  owner?: string | null;
  /** 'ok' | 'warning' | 'bad' | 'unknown', or 'readiness-1' … 'readiness-5' | 'readiness-none'; colours the card. */
  status?: string | null;
  /** Short text under the name, for example "92% conform" or "CSAT 4.1". */
  statusLabel?: string | null;
}

export interface BlueprintOptions {
  /** Status per touchpoint id; overrides the touchpoints' own status. `title` is the card's tooltip. */
  status?: Record<string, { status: string; label?: string; title?: string }>;
  /** Receives OnTouchpointSelected(touchpointId). */
  dotNet?: DotNetReference | null;
  onSelect?: (touchpointId: string) => void;
}

/** Service blueprint lanes top to bottom, with the three classic lines between them. */
const rows: { lane?: string; line?: string; title: string }[] = [
  { lane: 'physicalevidence', title: 'Physical evidence' },
  { lane: 'customeraction', title: 'Customer actions' },
  { line: 'interaction', title: 'Line of interaction' },
  { lane: 'frontstage', title: 'Frontstage' },
  { line: 'visibility', title: 'Line of visibility' },
  { lane: 'backstage', title: 'Backstage' },
  { line: 'internal', title: 'Line of internal interaction' },
  { lane: 'support', title: 'Support processes' },
];

const colours: Record<string, { bg: string; border: string }> = {
  ok: { bg: '#e3f6ea', border: '#2e9e5b' },
  warning: { bg: '#fff4d6', border: '#d68910' },
  bad: { bg: '#fde2e1', border: '#c0392b' },
  unknown: { bg: '#f5f7fa', border: '#9aa5b1' },
  // Capability readiness (docs/canvas.md): 1 missing (red) to 5 optimised (green), the Canvas page's heat map colours.
  'readiness-1': { bg: '#ef9a9a', border: '#b71c1c' },
  'readiness-2': { bg: '#ffcc80', border: '#e65100' },
  'readiness-3': { bg: '#fff59d', border: '#9e7c00' },
  'readiness-4': { bg: '#c5e1a5', border: '#33691e' },
  'readiness-5': { bg: '#81c784', border: '#1b5e20' },
  // No capability declared: greyed out.
  'readiness-none': { bg: '#eceff1', border: '#b0bec5' },
};

/** Normalises lane names from YAML (customer-action) and from .NET enums (CustomerAction). */
export function laneKey(lane: string): string {
  const k = lane.toLowerCase().replace(/[-_\s]/g, '');
  if (k === 'customeractions' || k === 'customer') return 'customeraction';
  if (k === 'supportprocesses' || k === 'supportprocess') return 'support';
  return k;
}

/** Draws a service blueprint: stages as columns, lanes as rows, touchpoints as keyboard-focusable cards. */
export function renderBlueprint(target: HTMLElement | string, data: BlueprintJson, options: BlueprintOptions = {}): Handle {
  const container = resolve(target);
  let current = options;
  const onClick = (evt: Event) => {
    const card = (evt.target as HTMLElement).closest<HTMLElement>('[data-touchpoint]');
    if (!card) return;
    const id = card.dataset.touchpoint!;
    container.querySelectorAll('[data-touchpoint]').forEach(c => c.setAttribute('aria-pressed', String(c === card)));
    current.onSelect?.(id);
    void current.dotNet?.invokeMethodAsync('OnTouchpointSelected', id);
  };
  container.addEventListener('click', onClick);
  const draw = (json: BlueprintJson, opts: BlueprintOptions) => {
    container.innerHTML = html(json, opts);
    container.setAttribute('data-touchpoint-count', String(json.touchpoints.length));
  };
  draw(data, options);
  return {
    update(json: unknown, opts?: unknown) {
      current = { ...current, ...((opts as BlueprintOptions | undefined) ?? {}) };
      draw(json as BlueprintJson, current);
    },
    dispose() {
      container.removeEventListener('click', onClick);
      container.innerHTML = '';
    },
  };
}

/** Lane headers stay in view while the stages scroll sideways (the blueprint is its own horizontal scroll box). */
const sticky = 'position:sticky;left:0;z-index:2;';

function html(data: BlueprintJson, options: BlueprintOptions): string {
  const stages = data.stages;
  // Every stage gets at least 180px: a wide journey scrolls sideways instead of squeezing its cards.
  const columns = `grid-template-columns: 150px repeat(${Math.max(1, stages.length)}, minmax(180px, 1fr));`;
  const out: string[] = [
    `<div class="js-blueprint" role="table" aria-label="${escapeXml(data.name ?? 'Service blueprint')}" style="display:grid;${columns}gap:4px;font-family:Roboto,Helvetica,Arial,sans-serif;font-size:13px;overflow-x:auto;padding-bottom:4px">`,
    `<div role="columnheader" style="${sticky}background:#fff"></div>`,
  ];
  for (const s of stages) {
    out.push(`<div role="columnheader" data-stage="${escapeXml(s.id)}" style="font-weight:600;padding:6px;background:#1f3a5f;color:#fff;border-radius:4px;overflow-wrap:anywhere">${escapeXml(s.name)}</div>`);
  }
  for (const row of rows) {
    if (row.line) {
      out.push(`<div role="separator" aria-label="${row.title}" style="grid-column:1 / -1;border-top:2px dashed #7b8794;color:#52606d;font-size:11px;padding-top:2px"><span style="${sticky}">${row.title}</span></div>`);
      continue;
    }
    out.push(`<div role="rowheader" data-lane="${row.lane}" style="${sticky}font-weight:600;padding:6px;background:#eef2f6;border-radius:4px;box-shadow:4px 0 4px -4px rgba(0,0,0,.25)">${row.title}</div>`);
    for (const s of stages) {
      const cards = data.touchpoints.filter(t => t.stage === s.id && laneKey(t.lane) === row.lane);
      out.push('<div role="cell" style="display:flex;flex-direction:column;gap:4px;min-height:36px;min-width:0;padding:2px">');
      for (const t of cards) out.push(card(t, options));
      out.push('</div>');
    }
  }
  out.push('</div>');
  return out.join('');
}

function card(t: BlueprintTouchpoint, options: BlueprintOptions): string {
  const override = options.status?.[t.id];
  const status = override?.status ?? t.status ?? 'unknown';
  const label = override?.label ?? t.statusLabel ?? '';
  const title = override?.title ?? '';
  const c = colours[status] ?? colours.unknown;
  const meta = [t.channel, t.owner].filter(Boolean).map(x => escapeXml(String(x))).join(' · ');
  return `<button type="button" data-touchpoint="${escapeXml(t.id)}" data-status="${escapeXml(status)}" aria-pressed="false" ` +
    `aria-label="${escapeXml(t.name)}${label ? ', ' + escapeXml(label) : ''}" ` +
    (title ? `title="${escapeXml(title)}" ` : '') +
    // Cards grow with their text: long names wrap (also inside long words), nothing is clipped.
    `style="text-align:left;cursor:pointer;padding:6px 8px;border-radius:6px;border:1px solid ${c.border};border-left:5px solid ${c.border};background:${c.bg};font:inherit;` +
    `width:100%;box-sizing:border-box;display:flex;flex-direction:column;align-items:stretch;gap:2px;white-space:normal;overflow-wrap:break-word;word-break:normal;height:auto;overflow:visible">` +
    `<div style="font-weight:600">${escapeXml(t.name)}</div>` +
    (meta ? `<div style="font-size:11px;color:#52606d">${meta}</div>` : '') +
    (label ? `<div style="font-size:11px;color:${c.border};white-space:pre-line">${escapeXml(label)}</div>` : '') +
    '</button>';
}

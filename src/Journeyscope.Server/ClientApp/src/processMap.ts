import cytoscape from 'cytoscape';
import elk from 'cytoscape-elk';
import type { DotNetReference, Handle, NodeJson, ProcessMapJson } from './types';
import { formatCount, formatDuration, logScale, mix, resolve } from './format';
import { LOOP_REACH, loopStep, loopSweep, placeEdgeLabels } from './mapGeometry';
import { toSvg } from './mapSvg';

cytoscape.use(elk);

export interface ProcessMapOptions {
  /** 'frequency' (default): sizes and colours by counts; 'performance': by time. */
  mode?: 'frequency' | 'performance';
  /** In performance mode: colour edges by mean (default) or total waiting time. */
  edgeMetric?: 'mean' | 'total';
  /** Layout direction: 'DOWN' (default) or 'RIGHT'. */
  direction?: 'DOWN' | 'RIGHT';
  /** Receives OnMapSelection(kind, from, to): kind 'node' (from = activity) or 'edge'. */
  dotNet?: DotNetReference | null;
  /** Plain JavaScript alternative to dotNet. */
  onSelect?: (kind: 'node' | 'edge', from: string, to: string | null) => void;
}

const START = '__start__';
/** Longest activity label drawn on a node; longer names are cut with an ellipsis and shown whole in the tooltip. */
export const MAX_LABEL = 28;
/** Below this zoom the 11px node labels are too small to read: big maps open at this zoom at their start instead of fitted. */
export const READABLE_ZOOM = 0.65;
const END = '__end__';

interface Built {
  elements: cytoscape.ElementDefinition[];
}

/** Time shown on a node in performance mode: processing time when known, else the wait before it. */
function nodeSeconds(n: NodeJson): number | null {
  return n.meanProcessingSeconds ?? n.meanWaitSeconds ?? null;
}

/** The label drawn on a node: the activity name, cut at MAX_LABEL characters with an ellipsis. */
export function shortLabel(name: string): string {
  return name.length <= MAX_LABEL ? name : name.slice(0, MAX_LABEL - 1).trimEnd() + '…';
}

function build(data: ProcessMapJson, options: ProcessMapOptions): Built {
  const performance = options.mode === 'performance';
  const total = options.edgeMetric === 'total';
  const ids = new Map<string, string>();
  const elements: cytoscape.ElementDefinition[] = [];
  const acts = data.nodes ?? [];
  const maxEvents = Math.max(1, ...acts.map(a => a.events));
  const minEvents = Math.min(maxEvents, ...acts.map(a => a.events));
  const edgeSeconds = (e: ProcessMapJson['edges'][number]) => (total ? e.totalSeconds : e.meanSeconds) ?? 0;
  const edges = data.edges ?? [];
  const maxCount = Math.max(1, ...edges.map(e => e.count));
  const maxSeconds = Math.max(1, ...edges.map(edgeSeconds));
  const actSeconds = acts.map(a => nodeSeconds(a) ?? 0);
  const maxActSeconds = Math.max(1, ...actSeconds);

  acts.forEach((a, i) => {
    const id = `a${i}`;
    ids.set(a.id, id);
    const t = performance ? logScale(actSeconds[i], 0, maxActSeconds) : logScale(a.events, minEvents, maxEvents);
    const metric = performance && nodeSeconds(a) != null ? formatDuration(nodeSeconds(a)) : formatCount(a.events);
    const short = shortLabel(a.id);
    elements.push({
      group: 'nodes',
      data: {
        id,
        name: a.id,
        metric: performance && nodeSeconds(a) != null ? `${metric} ${a.meanProcessingSeconds != null ? 'processing' : 'wait'}` : `${metric} events`,
        label: `${short}\n${metric}`,
        fill: performance ? mix('#fff4d6', '#c0392b', t) : mix('#e3f0fb', '#1f5fa8', t),
        text: t > 0.55 ? '#ffffff' : '#14213d',
        width: Math.min(240, Math.max(110, short.length * 7 + 24)),
        height: 34 + Math.round(t * 16),
      },
    });
  });
  const hasStarts = (data.starts?.length ?? 0) > 0;
  const hasEnds = (data.ends?.length ?? 0) > 0;
  if (hasStarts) elements.push({ group: 'nodes', data: { id: START, label: '', text: '#000000', fill: '#2e9e5b', width: 22, height: 22 }, classes: 'terminal start' });
  if (hasEnds) elements.push({ group: 'nodes', data: { id: END, label: '', text: '#000000', fill: '#1f2933', width: 22, height: 22 }, classes: 'terminal end' });

  edges.forEach((e, i) => {
    const source = ids.get(e.from);
    const target = ids.get(e.to);
    if (!source || !target) return;
    const tc = logScale(e.count, 0, maxCount);
    const ts = logScale(edgeSeconds(e), 0, maxSeconds);
    elements.push({
      group: 'edges',
      data: {
        id: `e${i}`,
        source,
        target,
        from: e.from,
        to: e.to,
        label: performance ? formatDuration(edgeSeconds(e)) : formatCount(e.count),
        width: performance ? 2 + tc * 3 : 1 + tc * 7,
        colour: performance ? mix('#9aa5b1', '#c0392b', ts) : mix('#9aa5b1', '#1f3a5f', tc),
      },
    });
  });
  const terminal = (list: ProcessMapJson['starts'], isStart: boolean) => {
    const max = Math.max(1, ...(list ?? []).map(s => s.count));
    (list ?? []).forEach((s, i) => {
      const id = ids.get(s.activity);
      if (!id) return;
      elements.push({
        group: 'edges',
        data: {
          id: `${isStart ? 's' : 't'}${i}`,
          source: isStart ? START : id,
          target: isStart ? id : END,
          label: formatCount(s.count),
          width: 1 + logScale(s.count, 0, max) * 4,
          colour: '#b8c2cc',
        },
        classes: 'terminal-edge',
      });
    });
  };
  terminal(data.starts, true);
  terminal(data.ends, false);
  return { elements };
}

const style: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      'background-color': 'data(fill)',
      'border-width': 1,
      'border-color': '#5b7fa6',
      label: 'data(label)',
      color: 'data(text)',
      'font-size': 11,
      'font-family': 'Roboto, Helvetica, Arial, sans-serif',
      'text-wrap': 'wrap',
      'text-max-width': '220px',
      'text-valign': 'center',
      'text-halign': 'center',
      width: 'data(width)',
      height: 'data(height)',
    },
  },
  { selector: 'node.terminal', style: { shape: 'ellipse', width: 22, height: 22, 'border-width': 2, label: '' } },
  { selector: 'node.start', style: { 'background-color': '#2e9e5b', 'border-color': '#1d6b3c' } },
  { selector: 'node.end', style: { 'background-color': '#1f2933', 'border-color': '#000000', shape: 'round-rectangle' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(colour)',
      'target-arrow-color': 'data(colour)',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 9,
      color: '#3e4c59',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      // Edge counts vanish when zoomed out so far that they would only be noise over a big map.
      'min-zoomed-font-size': 6,
    },
  },
  { selector: 'edge.terminal-edge', style: { 'line-style': 'dashed' } },
  // A self-loop on the node's right side, its ends at the node's right corners and its bend clear of the node: with
  // cytoscape's default loop (40px up-left) the loop's control points fall inside a wide node and it is not drawn at all
  // ("invalid endpoints"), so the most frequent path of a log could be missing from its map.
  {
    selector: 'edge:loop',
    style: {
      'loop-direction': '90deg',
      'loop-sweep': (e: cytoscape.EdgeSingular) => `${loopSweep(e.source())}deg`,
      'control-point-step-size': (e: cytoscape.EdgeSingular) => loopStep(e.source()),
    },
  } as unknown as cytoscape.StylesheetJsonBlock,
  { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f39c12', 'line-color': '#f39c12', 'target-arrow-color': '#f39c12' } },
];

function layoutOptions(options: ProcessMapOptions): cytoscape.LayoutOptions {
  return {
    name: 'elk',
    nodeDimensionsIncludeLabels: false,
    fit: false,
    padding: 24,
    animate: false,
    // Start marker in the first layer, end marker in the last, so the map reads top to bottom even with loops.
    nodeLayoutOptions: (n: cytoscape.NodeSingular) =>
      n.hasClass('start') ? { 'elk.layered.layering.layerConstraint': 'FIRST' }
        : n.hasClass('end') ? { 'elk.layered.layering.layerConstraint': 'LAST' } : {},
    elk: {
      algorithm: 'layered',
      'elk.direction': options.direction ?? 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': 50,
      'elk.layered.spacing.edgeNodeBetweenLayers': 20,
      // Room beside each node for its self-loop and the loop's count.
      'elk.spacing.nodeNode': 30 + LOOP_REACH,
      'elk.spacing.edgeNode': 15,
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    },
  } as unknown as cytoscape.LayoutOptions;
}

/** Draws a process map (directly-follows graph) with the ELK layered layout. */
export function renderProcessMap(target: HTMLElement | string, data: ProcessMapJson, options: ProcessMapOptions = {}): Handle & {
  fit(): void;
  nodeCount(): number;
  edgeCount(): number;
} {
  const container = resolve(target);
  let current = options;
  container.setAttribute('data-layout', 'running');
  const cy = cytoscape({
    container,
    style,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  const draw = (json: ProcessMapJson, opts: ProcessMapOptions) => {
    const built = build(json, opts);
    cy.elements().remove();
    cy.add(built.elements);
    // What was drawn, for tests and assistive text: activity nodes and activity-to-activity edges in the graph.
    container.setAttribute('data-activity-count', String(cy.nodes().not('.terminal').length));
    container.setAttribute('data-edge-count', String(cy.edges().not('.terminal-edge').length));
    container.setAttribute('data-layout', 'running');
    const layout = cy.layout(layoutOptions(opts));
    layout.one('layoutstop', () => {
      const moved = placeEdgeLabels(cy);
      container.setAttribute('data-labels-on-nodes', String(moved.blocked));
      container.setAttribute('data-self-loops', String(cy.edges(':loop').length));
      view();
      container.setAttribute('data-layout', 'done');
    });
    layout.run();
  };
  // Fit the whole map when its labels stay readable; a big map (60+ activities) instead opens at a readable zoom on its
  // start, fitted to the width when that is closer, and the Fit button shows it all.
  const view = () => {
    cy.fit(undefined, 24);
    if (cy.zoom() < READABLE_ZOOM && cy.nodes().length > 0) {
      const bb = cy.elements().boundingBox({});
      const widthZoom = (cy.width() - 48) / Math.max(1, bb.w);
      const zoom = Math.min(1, Math.max(READABLE_ZOOM, Math.min(widthZoom, 1)));
      cy.zoom(zoom);
      // Centre the whole width when it fits, else the start marker; show the first layers.
      const start = cy.getElementById(START);
      const centre = widthZoom >= zoom || start.empty() ? (bb.x1 + bb.x2) / 2 : start.position().x;
      if ((current.direction ?? 'DOWN') === 'DOWN') {
        cy.pan({ x: cy.width() / 2 - centre * zoom, y: 24 - bb.y1 * zoom });
      } else {
        cy.pan({ x: 24 - bb.x1 * zoom, y: cy.height() / 2 - ((bb.y1 + bb.y2) / 2) * zoom });
      }
    }
    container.setAttribute('data-zoom', cy.zoom().toFixed(2));
  };
  const controls = addControls(container, cy, () => {
    cy.fit(undefined, 24);
    container.setAttribute('data-zoom', cy.zoom().toFixed(2));
  });
  const tooltip = addTooltip(container, cy);
  cy.on('tap', 'node', evt => {
    const n = evt.target as cytoscape.NodeSingular;
    if (n.hasClass('terminal')) return;
    select('node', n.data('name') as string, null);
  });
  cy.on('tap', 'edge', evt => {
    const e = evt.target as cytoscape.EdgeSingular;
    if (e.hasClass('terminal-edge')) return;
    select('edge', e.data('from') as string, e.data('to') as string);
  });
  // Where an edge is drawn on screen (relative to the container), so that a browser test can click it like a user.
  (container as HTMLElement & { journeyscopeEdgePoint?: unknown }).journeyscopeEdgePoint = (from: string, to: string) => {
    const e = cy.edges().filter(x => x.data('from') === from && x.data('to') === to);
    return e.empty() ? null : (e.first() as cytoscape.EdgeSingular).renderedMidpoint();
  };
  function select(kind: 'node' | 'edge', from: string, to: string | null) {
    current.onSelect?.(kind, from, to);
    void current.dotNet?.invokeMethodAsync('OnMapSelection', kind, from, to);
  }
  draw(data, options);
  return {
    update(json: unknown, opts?: unknown) {
      current = { ...current, ...((opts as ProcessMapOptions | undefined) ?? {}) };
      draw(json as ProcessMapJson, current);
    },
    dispose() {
      cy.destroy();
      controls.remove();
      tooltip.remove();
      container.removeAttribute('data-layout');
    },
    fit() {
      cy.fit(undefined, 24);
    },
    nodeCount: () => cy.nodes().not('.terminal').length,
    edgeCount: () => cy.edges().not('.terminal-edge').length,
    exportPng: () => cy.png({ full: true, scale: 2, bg: '#ffffff' }),
    exportSvg: () => toSvg(cy),
  };
}

/** Keyboard-operable zoom and fit buttons over the map (the canvas itself cannot take focus). */
function addControls(container: HTMLElement, cy: cytoscape.Core, fit: () => void): HTMLElement {
  ensurePositioned(container);
  const bar = document.createElement('div');
  bar.className = 'js-map-controls';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Map view');
  const zoomBy = (factor: number) => {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    container.setAttribute('data-zoom', cy.zoom().toFixed(2));
  };
  const button = (text: string, label: string, action: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = label;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', action);
    bar.appendChild(b);
  };
  button('+', 'Zoom in', () => zoomBy(1.25));
  button('−', 'Zoom out', () => zoomBy(0.8));
  button('Fit', 'Fit the whole map', fit);
  container.appendChild(bar);
  return bar;
}

/** A tooltip with the full activity name and its figure while the pointer is over a node. */
function addTooltip(container: HTMLElement, cy: cytoscape.Core): HTMLElement {
  ensurePositioned(container);
  const tip = document.createElement('div');
  tip.className = 'js-map-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  container.appendChild(tip);
  cy.on('mouseover', 'node', evt => {
    const n = evt.target as cytoscape.NodeSingular;
    if (n.hasClass('terminal')) return;
    tip.textContent = `${n.data('name') as string} · ${n.data('metric') as string}`;
    const p = n.renderedPosition();
    tip.style.left = `${Math.round(p.x)}px`;
    tip.style.top = `${Math.round(p.y - n.renderedHeight() / 2 - 6)}px`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node', () => { tip.hidden = true; });
  cy.on('viewport', () => { tip.hidden = true; });
  return tip;
}

function ensurePositioned(container: HTMLElement): void {
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
}

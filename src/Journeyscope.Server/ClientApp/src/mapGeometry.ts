import type cytoscape from 'cytoscape';

/* Geometry of the drawn process map that cytoscape does not handle by itself: self-loops and edge count labels. */

/** The angle (degrees) between a loop's two ends: aimed just inside the node's right corners. */
export function loopSweep(n: cytoscape.NodeSingular): number {
  const w = Number(n.data('width')) || n.width();
  const h = Number(n.data('height')) || n.height();
  return Math.max(12, (2 * Math.atan2(h / 2, w / 2) * 180) / Math.PI * 0.8);
}

/** The loop's control-point step: its bend (at 1.4 steps from the centre) lies LOOP_REACH pixels right of the node. */
export function loopStep(n: cytoscape.NodeSingular): number {
  const w = Number(n.data('width')) || n.width();
  const half = (loopSweep(n) / 2) * Math.PI / 180;
  return (w / 2 + LOOP_REACH) / (1.4 * Math.cos(half));
}

/** How far a self-loop reaches beyond its node's right side, in pixels. */
export const LOOP_REACH = 34;

interface Box { x1: number; y1: number; x2: number; y2: number }

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The box of an edge's count label at its midpoint shifted by (dx, dy), estimated from the 9px font. */
function labelBox(e: cytoscape.EdgeSingular, dx: number, dy: number): Box | null {
  const text = (e.data('label') as string | undefined) ?? '';
  if (!text) return null;
  const m = e.midpoint();
  const w = text.length * 5.4 + 4;
  const h = 12;
  const x = m.x + dx;
  return { x1: x - w / 2, y1: m.y + dy - h / 2, x2: x + w / 2, y2: m.y + dy + h / 2 };
}

/**
 * Moves every edge's count label off the nodes: straight edges are drawn centre to centre, so a long edge's midpoint can
 * fall on a node it passes over. Tries shifts across and along the edge, nearest first, and keeps the first clear one.
 * Returns how many labels could not be cleared (0 on a readable map).
 */
export function placeEdgeLabels(cy: cytoscape.Core): { blocked: number } {
  const boxes: Box[] = cy.nodes().map(n => n.boundingBox({ includeLabels: false }));
  const clear = (b: Box | null) => b === null || !boxes.some(n => overlaps(b, n));
  let blocked = 0;
  cy.edges().forEach(e => {
    e.removeStyle('text-margin-x text-margin-y');
    if (clear(labelBox(e, 0, 0))) return;
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const length = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const along = { x: (t.x - s.x) / length, y: (t.y - s.y) / length };
    const across = { x: -along.y, y: along.x };
    for (let d = 12; d <= 96; d += 12) {
      for (const [v, sign] of [[across, 1], [across, -1], [along, 1], [along, -1]] as const) {
        const dx = v.x * d * sign;
        const dy = v.y * d * sign;
        if (clear(labelBox(e, dx, dy))) {
          e.style({ 'text-margin-x': dx, 'text-margin-y': dy });
          return;
        }
      }
    }
    blocked++;
  });
  return { blocked };
}


import type cytoscape from 'cytoscape';
import { escapeXml } from './format';

/** Serialises the drawn map to standalone SVG (rectangles, ellipses, straight edges and self-loop curves with arrowheads). */
export function toSvg(cy: cytoscape.Core): string {
  const bb = cy.elements().boundingBox({});
  const pad = 20;
  const w = Math.ceil(bb.w + pad * 2);
  const h = Math.ceil(bb.h + pad * 2);
  const dx = pad - bb.x1;
  const dy = pad - bb.y1;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Roboto, Helvetica, Arial, sans-serif">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#52606d"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  cy.edges().forEach(e => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const colour = (e.data('colour') as string) ?? '#9aa5b1';
    const stroke = `stroke="${colour}" stroke-width="${Number(e.data('width')).toFixed(1)}" marker-end="url(#arrow)"`;
    const c = e.isLoop() ? e.controlPoints() : undefined;
    if (c && c.length >= 2) {
      // A self-loop: the cubic curve cytoscape draws, through its two control points.
      const p = (q: cytoscape.Position) => `${(q.x + dx).toFixed(1)},${(q.y + dy).toFixed(1)}`;
      parts.push(`<path d="M${p(s)} C${p(c[0])} ${p(c[1])} ${p(t)}" fill="none" ${stroke}/>`);
    } else {
      parts.push(`<line x1="${(s.x + dx).toFixed(1)}" y1="${(s.y + dy).toFixed(1)}" x2="${(t.x + dx).toFixed(1)}" y2="${(t.y + dy).toFixed(1)}" ${stroke}/>`);
    }
    const label = e.data('label') as string;
    if (label) {
      const m = e.midpoint();
      const mx = m.x + dx + (Number.parseFloat(String(e.style('text-margin-x'))) || 0);
      const my = m.y + dy + (Number.parseFloat(String(e.style('text-margin-y'))) || 0);
      parts.push(`<text x="${mx.toFixed(1)}" y="${my.toFixed(1)}" font-size="9" fill="#3e4c59" text-anchor="middle">${escapeXml(label)}</text>`);
    }
  });
  cy.nodes().forEach(n => {
    const p = n.position();
    const nw = n.width();
    const nh = n.height();
    if (n.hasClass('terminal')) {
      const fill = n.hasClass('start') ? '#2e9e5b' : '#1f2933';
      parts.push(`<circle cx="${(p.x + dx).toFixed(1)}" cy="${(p.y + dy).toFixed(1)}" r="${(nw / 2).toFixed(1)}" fill="${fill}"/>`);
      return;
    }
    parts.push(`<g><title>${escapeXml(n.data('name') as string)}</title><rect x="${(p.x - nw / 2 + dx).toFixed(1)}" y="${(p.y - nh / 2 + dy).toFixed(1)}" width="${nw.toFixed(1)}" height="${nh.toFixed(1)}" rx="6" fill="${n.data('fill') as string}" stroke="#5b7fa6"/>`);
    const lines = (n.data('label') as string).split('\n');
    lines.forEach((line, i) => {
      const y = p.y + dy + (i - (lines.length - 1) / 2) * 13 + 4;
      parts.push(`<text x="${(p.x + dx).toFixed(1)}" y="${y.toFixed(1)}" font-size="11" fill="${n.data('text') as string}" text-anchor="middle">${escapeXml(line)}</text>`);
    });
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n');
}

import type { Box } from './nodeLayout';

export type { Box };

import { measureText } from './textMeasure';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where the line from the centre of `a` towards the centre of `b` leaves `a`'s border. */
export const borderPoint = (a: Box, b: Box): Point => {
  const cx = a.x + a.width / 2;
  const cy = a.y + a.height / 2;
  const dx = b.x + b.width / 2 - cx;
  const dy = b.y + b.height / 2 - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = a.width / 2 / Math.abs(dx || Number.EPSILON);
  const sy = a.height / 2 / Math.abs(dy || Number.EPSILON);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
};

/**
 * Floating-edge endpoints: each end sits on its node's border, on the line
 * between the two centres, so edges need no stored handle ids and follow
 * nodes around (React Flow's "floating edges" example).
 */
export const floatingEndpoints = (source: Box, target: Box) => {
  const from = borderPoint(source, target);
  const to = borderPoint(target, source);
  return { sx: from.x, sy: from.y, tx: to.x, ty: to.y };
};

/** An edge label's text size and box padding (px). */
export const EDGE_LABEL = { size: 11, padX: 4, height: 16, radius: 3 } as const;

/** Room kept clear at each end of the line for its markers. */
const END_CLEARANCE = 14;
/** Gap between a label moved off its line and the line (or a node). */
const GAP = 3;

export interface LabelPlacement {
  /** Centre of the label box. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** True when the line was too short and the label sits beside it. */
  readonly beside: boolean;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where an edge's label goes: on the middle of the line when the line is long
 * enough to show past it at both ends, else beside the line (never over it),
 * clear of the two nodes it joins when a nearby spot is, above or right first.
 */
export const placeEdgeLabel = (
  text: string,
  ends: { sx: number; sy: number; tx: number; ty: number },
  nodes: readonly Box[],
): LabelPlacement => {
  const width = Math.ceil(measureText(text, EDGE_LABEL) + 2 * EDGE_LABEL.padX);
  const height = EDGE_LABEL.height;
  const dx = ends.tx - ends.sx;
  const dy = ends.ty - ends.sy;
  const length = Math.hypot(dx, dy);
  const mx = (ends.sx + ends.tx) / 2;
  const my = (ends.sy + ends.ty) / 2;
  const ux = length > 0 ? dx / length : 1;
  const uy = length > 0 ? dy / length : 0;
  // The label box's extent along the line and across it.
  const along = Math.abs(ux) * width + Math.abs(uy) * height;
  if (length >= along + 2 * END_CLEARANCE) return { x: mx, y: my, width, height, beside: false };
  const across = (Math.abs(uy) * width + Math.abs(ux) * height) / 2;
  // The normal pointing up first (right, for a vertical line), then the other side.
  const n1 = { x: uy, y: -ux };
  const n2 = { x: -uy, y: ux };
  const normals = n1.y < 0 || (n1.y === 0 && n1.x > 0) ? [n1, n2] : [n2, n1];
  const at = (n: Point, d: number) => ({ x: mx + n.x * d, y: my + n.y * d });
  const boxAt = (p: Point): Box => ({ x: p.x - width / 2, y: p.y - height / 2, width, height });
  for (let d = across + GAP; d <= across + 120; d += 4)
    for (const n of normals) {
      const p = at(n, d);
      const box = boxAt(p);
      if (!nodes.some((b) => overlaps(box, { x: b.x - GAP, y: b.y - GAP, width: b.width + 2 * GAP, height: b.height + 2 * GAP })))
        return { ...p, width, height, beside: true };
    }
  return { ...at(normals[0] ?? n1, across + GAP), width, height, beside: true };
};

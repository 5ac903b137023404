import type { InternalNode } from '@xyflow/react';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const boxOf = (n: InternalNode): Box => ({
  x: n.internals.positionAbsolute.x,
  y: n.internals.positionAbsolute.y,
  w: n.measured.width ?? n.width ?? 0,
  h: n.measured.height ?? n.height ?? 0,
});

/** Where the line from the centre of `a` towards the centre of `b` leaves `a`'s border. */
const borderPoint = (a: Box, b: Box): { x: number; y: number } => {
  const cx = a.x + a.w / 2;
  const cy = a.y + a.h / 2;
  const dx = b.x + b.w / 2 - cx;
  const dy = b.y + b.h / 2 - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = a.w / 2 / Math.abs(dx || Number.EPSILON);
  const sy = a.h / 2 / Math.abs(dy || Number.EPSILON);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
};

/**
 * Floating-edge endpoints: each end sits on its node's border, on the line
 * between the two centres, so edges need no stored handle ids and follow
 * nodes around (React Flow's "floating edges" example).
 */
export const floatingEndpoints = (source: InternalNode, target: InternalNode) => {
  const s = boxOf(source);
  const t = boxOf(target);
  const from = borderPoint(s, t);
  const to = borderPoint(t, s);
  return { sx: from.x, sy: from.y, tx: to.x, ty: to.y };
};

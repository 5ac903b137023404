import type { Point, Size } from '@shared/board/types';

/** A node's box in flow coordinates (top-left and size). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const GRID = 16;
/** Room kept free around a placed box so it never touches its neighbours. */
const GAP = 24;
/** How far from the wanted point the search goes before giving up and stacking. */
const MAX_RINGS = 60;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * Where a new box of `size` goes when a person clicks a palette item or
 * presses a letter key: centred on `target` (the pointer over the canvas, or
 * the viewport centre) when that spot is free, else the free grid spot
 * nearest to it, so L, S, S gives three visible components, not a pile.
 * Returns the top-left corner.
 *
 * @example freeSpot({ x: 0, y: 0 }, { width: 100, height: 50 }, []) // → { x: -48, y: -32 } (snapped to 16)
 */
export const freeSpot = (target: Point, size: Size, obstacles: readonly Box[]): Point => {
  const origin = { x: snap(target.x - size.width / 2), y: snap(target.y - size.height / 2) };
  const free = (p: Point) => !obstacles.some((o) => overlaps({ ...p, ...size }, o, GAP));
  if (free(origin)) return origin;
  // Rings of growing Chebyshev radius; within the rings that can still hold a nearer spot, the nearest free one wins.
  const step = GRID * 2;
  let best: Point | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (let r = 1; r <= MAX_RINGS; r++) {
    if (r * step > bestDist) break;
    for (let dx = -r; dx <= r; dx++) {
      for (let dy = -r; dy <= r; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
        const p = { x: origin.x + dx * step, y: origin.y + dy * step };
        const d = Math.hypot(dx * step, dy * step);
        if (d < bestDist && free(p)) {
          best = p;
          bestDist = d;
        }
      }
    }
  }
  return best ?? origin;
};

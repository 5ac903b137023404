import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { floatingEndpoints } from '../../../renderer/src/canvas/floating';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Measured by React Flow (rendered), or only the width/height given by the app. */
  readonly measured: boolean;
}

const rect = (x: number, y: number, w: number, h: number, measured = true): Rect => ({ x, y, w, h, measured });

/** The parts of React Flow's internal node that edge geometry reads. */
const internal = (r: Rect): InternalNode =>
  ({
    id: `${r.x},${r.y}`,
    position: { x: r.x, y: r.y },
    data: {},
    ...(r.measured ? { measured: { width: r.w, height: r.h } } : { measured: {}, width: r.w, height: r.h }),
    internals: { positionAbsolute: { x: r.x, y: r.y }, z: 0, userNode: {} },
  }) as unknown as InternalNode;

const EPS = 1e-9;
const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

const onBorder = (px: number, py: number, r: Rect): boolean => {
  const inside = px >= r.x - EPS && px <= r.x + r.w + EPS && py >= r.y - EPS && py <= r.y + r.h + EPS;
  const onSide = [px - r.x, px - r.x - r.w, py - r.y, py - r.y - r.h].some((d) => Math.abs(d) < EPS);
  return inside && onSide;
};

/** p lies on the line through a and b (zero cross product). */
const collinear = (p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): boolean =>
  Math.abs((p.x - a.x) * (b.y - a.y) - (p.y - a.y) * (b.x - a.x)) < 1e-6;

describe('floatingEndpoints', () => {
  it('joins facing sides of two nodes side by side', () => {
    expect(floatingEndpoints(internal(rect(0, 0, 100, 50)), internal(rect(300, 0, 100, 50)))).toEqual({
      sx: 100,
      sy: 25,
      tx: 300,
      ty: 25,
    });
  });

  it('joins top and bottom of stacked nodes', () => {
    expect(floatingEndpoints(internal(rect(0, 200, 100, 50)), internal(rect(0, 0, 100, 50)))).toEqual({
      sx: 50,
      sy: 200,
      tx: 50,
      ty: 50,
    });
  });

  it.each([
    [rect(0, 0, 160, 60), rect(250, 310, 120, 40)],
    [rect(-50, 80, 80, 80), rect(400, -300, 200, 100)],
    [rect(0, 0, 100, 50, false), rect(90, 200, 100, 50, false)],
  ])('puts both ends on the node borders, on the line between the centres (%#)', (s, t) => {
    const { sx, sy, tx, ty } = floatingEndpoints(internal(s), internal(t));
    expect(onBorder(sx, sy, s)).toBe(true);
    expect(onBorder(tx, ty, t)).toBe(true);
    expect(collinear({ x: sx, y: sy }, centre(s), centre(t))).toBe(true);
    expect(collinear({ x: tx, y: ty }, centre(t), centre(s))).toBe(true);
  });

  it('does not produce NaN for nodes on top of each other', () => {
    const { sx, sy, tx, ty } = floatingEndpoints(internal(rect(10, 10, 100, 50)), internal(rect(10, 10, 100, 50)));
    for (const v of [sx, sy, tx, ty]) expect(Number.isFinite(v)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { fitFrame, toFlowPoint, toMinimap, unionOf, visibleArea } from '../../../renderer/src/canvas/minimapFrame';

const SIZE = { width: 200, height: 150 };

describe('minimap frame', () => {
  it('shows the whole board and the visible area inside the minimap', () => {
    const nodes = [
      { x: 0, y: 0, width: 176, height: 56 },
      { x: 2000, y: 900, width: 176, height: 56 },
    ];
    const view = visibleArea([100, 50, 0.5], 1280, 800);
    const f = fitFrame(unionOf([view, ...nodes])!, SIZE);
    for (const r of [view, ...nodes].map((b) => toMinimap(f, b))) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(SIZE.width);
      expect(r.y + r.height).toBeLessThanOrEqual(SIZE.height);
    }
  });

  it('keeps proportions and centres the board', () => {
    const f = fitFrame({ x: 0, y: 0, width: 1000, height: 100 }, SIZE);
    const r = toMinimap(f, { x: 0, y: 0, width: 1000, height: 100 });
    expect(r.width / r.height).toBeCloseTo(10);
    expect(r.x + r.width / 2).toBeCloseTo(SIZE.width / 2);
    expect(r.y + r.height / 2).toBeCloseTo(SIZE.height / 2);
  });

  it('a click on a node in the minimap maps back to that node on the board', () => {
    const node = { x: 480, y: 240, width: 176, height: 56 };
    const f = fitFrame({ x: -200, y: -100, width: 1400, height: 900 }, SIZE);
    const r = toMinimap(f, node);
    const p = toFlowPoint(f, r.x + r.width / 2, r.y + r.height / 2);
    expect(p.x).toBeCloseTo(node.x + node.width / 2);
    expect(p.y).toBeCloseTo(node.y + node.height / 2);
  });

  it('the visible area follows React Flow’s transform', () => {
    expect(visibleArea([-200, -100, 2], 800, 600)).toEqual({ x: 100, y: 50, width: 400, height: 300 });
  });

  it('an empty board has no bounds', () => {
    expect(unionOf([])).toBeUndefined();
  });
});

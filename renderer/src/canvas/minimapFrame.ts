/** Where the board sits in the minimap: flow coordinates ↔ minimap pixels. No DOM, so it is unit-tested. */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MinimapFrame {
  /** Minimap pixels per flow unit. */
  readonly scale: number;
  /** The flow point drawn at the minimap's top-left corner. */
  readonly origin: { readonly x: number; readonly y: number };
}

/** Room around the drawn area, as a share of the minimap's size. */
const PADDING = 0.05;

/** The union of the boxes; undefined for none. */
export function unionOf(rects: Iterable<Rect>): Rect | undefined {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return x0 <= x1 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : undefined;
}

/** Fits `content` (the nodes and the visible area) into a minimap of `size`, centred, keeping proportions. */
export function fitFrame(content: Rect, size: { readonly width: number; readonly height: number }): MinimapFrame {
  const inner = { width: size.width * (1 - 2 * PADDING), height: size.height * (1 - 2 * PADDING) };
  const scale = Math.min(inner.width / Math.max(content.width, 1), inner.height / Math.max(content.height, 1));
  return {
    scale,
    origin: {
      x: content.x + content.width / 2 - size.width / 2 / scale,
      y: content.y + content.height / 2 - size.height / 2 / scale,
    },
  };
}

export const toMinimap = (f: MinimapFrame, r: Rect): Rect => ({
  x: (r.x - f.origin.x) * f.scale,
  y: (r.y - f.origin.y) * f.scale,
  width: r.width * f.scale,
  height: r.height * f.scale,
});

export const toFlowPoint = (f: MinimapFrame, px: number, py: number) => ({
  x: f.origin.x + px / f.scale,
  y: f.origin.y + py / f.scale,
});

/** The flow area the viewport shows, from React Flow's transform [x, y, zoom] and the pane's size. */
export const visibleArea = ([tx, ty, zoom]: readonly [number, number, number], width: number, height: number): Rect => ({
  x: -tx / zoom,
  y: -ty / zoom,
  width: width / zoom,
  height: height / zoom,
});

/**
 * The size of an exported picture: the nodes' bounds plus padding and a title
 * band, and the largest scale the browser can draw. Pure numbers, unit-tested.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Chromium's canvas limits: 32,767 px a side and 268,435,456 px in area
 * (16,384²). Beyond them toBlob returns null and the file would be empty, so
 * we keep to 16,384 a side, which also holds in Firefox and Safari.
 */
export const CANVAS_LIMITS = { maxSide: 16_384, maxArea: 268_435_456 } as const;
export type CanvasLimits = { readonly maxSide: number; readonly maxArea: number };

/** Height of the title band (flow units) when the question is drawn above the board. */
export const TITLE_BAND = 48;

/**
 * The exported area in flow coordinates: whole units, so the picture's size in
 * pixels is exactly `width × scale` by `height × scale`.
 */
export const exportFrame = (bounds: Rect, padding: number, titleBand: number): Rect => {
  const pad = Math.max(0, Math.round(padding));
  return {
    x: Math.floor(bounds.x) - pad,
    y: Math.floor(bounds.y) - pad - titleBand,
    width: Math.ceil(bounds.x + bounds.width) - Math.floor(bounds.x) + 2 * pad,
    height: Math.ceil(bounds.y + bounds.height) - Math.floor(bounds.y) + 2 * pad + titleBand,
  };
};

export interface FittedScale {
  readonly scale: number;
  /** True when the requested scale did not fit and a smaller one was chosen. */
  readonly clamped: boolean;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

/**
 * The requested scale, or the largest one (to 1/100) at which a `width × height`
 * picture fits the canvas limits.
 */
export const fitScale = (width: number, height: number, requested: number, limits: CanvasLimits = CANVAS_LIMITS): FittedScale => {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const fits = (s: number) => {
    const pw = Math.floor(w * s);
    const ph = Math.floor(h * s);
    return pw <= limits.maxSide && ph <= limits.maxSide && pw * ph <= limits.maxArea;
  };
  const size = (scale: number, clamped: boolean): FittedScale => ({
    scale,
    clamped,
    pixelWidth: Math.floor(w * scale),
    pixelHeight: Math.floor(h * scale),
  });
  if (fits(requested)) return size(requested, false);
  const bound = Math.min(limits.maxSide / w, limits.maxSide / h, Math.sqrt(limits.maxArea / (w * h)));
  let scale = Math.floor(bound * 100) / 100;
  // Rounding may still overshoot by a pixel; step down until it fits.
  while (scale > 0.01 && !fits(scale)) scale = Math.round((scale - 0.01) * 100) / 100;
  return size(Math.max(0.01, scale), true);
};

/**
 * The largest scale a picture can be drawn at: the browser's canvas limits,
 * kept by the CLI too so a PNG from either is the same size. Pure numbers.
 */

/**
 * Chromium's canvas limits: 32,767 px a side and 268,435,456 px in area
 * (16,384²). Beyond them toBlob returns null and the file would be empty, so
 * we keep to 16,384 a side, which also holds in Firefox and Safari.
 */
export const CANVAS_LIMITS = { maxSide: 16_384, maxArea: 268_435_456 } as const;
export type CanvasLimits = { readonly maxSide: number; readonly maxArea: number };

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

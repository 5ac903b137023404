import { atPixelSize } from '@shared/export/picture';

/** Where the last PNG spent its time: drawing the board as SVG, then rasterising and encoding it. */
export let lastTimings: { svgMs: number; rasterMs: number; svgChars: number } | null = null;

export const recordTimings = (t: NonNullable<typeof lastTimings>) => {
  lastTimings = t;
};

/**
 * Draws an SVG on a canvas of exactly `width × height` pixels and encodes it
 * as PNG. The SVG paints its own background, so the canvas is not filled
 * first; `opaque` (it paints one) lets the canvas skip alpha, and the PNG is
 * RGB, a quarter smaller to encode. Resolves null when the browser cannot
 * make a canvas that large.
 */
export async function rasterizeSvg(svg: string, width: number, height: number, opaque: boolean): Promise<Uint8Array | null> {
  // Sized in pixels, the image is rasterised once at the canvas's size, not drawn at CSS size and resampled.
  const url = URL.createObjectURL(new Blob([atPixelSize(svg, width, height)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { alpha: !opaque });
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob && blob.size > 0 ? new Uint8Array(await blob.arrayBuffer()) : null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

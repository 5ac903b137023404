/** Where the last PNG spent its time: drawing the board as SVG, then rasterising and encoding it. */
export let lastTimings: { svgMs: number; rasterMs: number; svgChars: number } | null = null;

export const recordTimings = (t: NonNullable<typeof lastTimings>) => {
  lastTimings = t;
};

/**
 * Draws an SVG on a canvas of exactly `width × height` pixels and encodes it
 * as PNG. The SVG paints its own background, so the canvas is not filled
 * first. Resolves null when the browser cannot make a canvas that large.
 */
export async function rasterizeSvg(svg: string, width: number, height: number): Promise<Uint8Array | null> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob && blob.size > 0 ? new Uint8Array(await blob.arrayBuffer()) : null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

import { type Embedded, embedInPng, embedPngChunks } from '@shared/board/image/embedded';
import { DeflateJoinError } from '@shared/export/deflateJoin';
import { joinPngBands, type PngBand, pngBand } from '@shared/export/pngBands';

/** Where the last PNG spent its time, for the bench and the test hooks. */
export interface PngTimings {
  /** Drawing the board as SVG (shared/export). */
  readonly svgMs: number;
  /** Everything from the SVG string to the finished PNG: decode + draw + encode. */
  readonly rasterMs: number;
  readonly svgChars: number;
  /** Parsing and laying out the SVG in an <img>. */
  readonly decodeMs: number;
  /** Rasterising (and, for bands, the browser encoding each band alongside). */
  readonly drawMs: number;
  /** Bands: joining them and embedding the board; whole: toBlob and embedding. */
  readonly encodeMs: number;
  /** Bands: reading and walking each strip's PNG as it arrived (inside drawMs, on the main thread). */
  readonly walkMs: number;
  readonly path: RasterPath;
}

/** `bands`: drawn a strip at a time and joined; `whole`: one canvas the size of the picture (the fallback). */
export type RasterPath = 'bands' | 'whole';

export let lastTimings: PngTimings | null = null;

export const recordTimings = (t: PngTimings) => {
  lastTimings = t;
};

/**
 * Rows drawn at a time. A fresh 49-megapixel canvas costs more than drawing
 * and encoding it (the memory is new to the process each time: about 5 ns a
 * byte of page faults on this kind of machine), so the picture is drawn a
 * strip at a time into one small canvas, each strip encoded by the browser,
 * and the strips' PNGs joined without recompressing (pngBands).
 * 512 rows of a 16,384-px-wide picture is 32 MB (measured at 300
 * components: 512 rows used 0.73× the CPU of one whole canvas, 256 rows 0.72×,
 * 128 rows 0.84×; 512 has half the per-strip overhead).
 */
const BAND_ROWS = 512;

const canDrawBands = () => typeof OffscreenCanvas === 'function' && typeof OffscreenCanvas.prototype.convertToBlob === 'function';

const decodeSvg = async (svg: string): Promise<HTMLImageElement> => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
};

/**
 * The picture as BAND_ROWS-high strips, top to bottom, each encoded by the
 * browser and read (pngBand) before the next is drawn; null when the browser
 * cannot make the canvas. One canvas serves every strip: Chromium encodes a
 * canvas's PNG on the main thread (in idle time), so a second canvas to draw
 * on meanwhile overlapped nothing and cost its memory's page faults, about
 * 25 ms a strip-sized canvas (one canvas: 0.86× the CPU of two at 300
 * components, at load 6–7).
 */
async function drawBands(
  img: HTMLImageElement,
  width: number,
  height: number,
  walked: { ms: number },
): Promise<PngBand[] | null> {
  const rows = Math.min(BAND_ROWS, height);
  const canvas = new OffscreenCanvas(width, rows);
  const bands: PngBand[] = [];
  for (let y = 0; y < height; y += rows) {
    const h = Math.min(rows, height - y);
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.clearRect(0, 0, width, h);
    ctx.drawImage(img, 0, -y, width, height);
    // Drawn on again only once this strip is encoded, so the browser never copies the canvas.
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    const t0 = performance.now();
    bands.push(pngBand(bytes));
    walked.ms += performance.now() - t0;
  }
  return bands;
}

/** The fallback: one canvas the size of the picture, encoded by toBlob. */
async function drawWhole(img: HTMLImageElement, width: number, height: number): Promise<Uint8Array | null> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  canvas.width = 0;
  return blob && blob.size > 0 ? new Uint8Array(await blob.arrayBuffer()) : null;
}

/**
 * Draws an SVG at exactly `width × height` pixels as an RGBA PNG carrying
 * `embedded` in iTXt chunks. The SVG paints its own background, so nothing is
 * filled first. Resolves null when the browser cannot make a canvas that large.
 */
export async function rasterizeSvg(
  svg: string,
  width: number,
  height: number,
  embedded: Embedded,
): Promise<({ png: Uint8Array } & Omit<PngTimings, 'svgMs' | 'rasterMs' | 'svgChars'>) | null> {
  const t0 = performance.now();
  const img = await decodeSvg(svg);
  const t1 = performance.now();
  if (canDrawBands()) {
    try {
      const walked = { ms: 0 };
      const bands = await drawBands(img, width, height, walked);
      const t2 = performance.now();
      if (bands) {
        const png = joinPngBands(bands, embedPngChunks(embedded));
        const encodeMs = performance.now() - t2;
        return { png, decodeMs: t1 - t0, drawMs: t2 - t1, encodeMs, walkMs: walked.ms, path: 'bands' };
      }
    } catch (err) {
      // A browser whose encoder writes what the joiner cannot stack, or a canvas it refuses: draw it whole.
      if (!(err instanceof DeflateJoinError) && !(err instanceof DOMException)) throw err;
    }
  }
  const t2 = performance.now();
  const whole = await drawWhole(img, width, height);
  if (!whole) return null;
  const t3 = performance.now();
  const png = embedInPng(whole, embedded);
  return { png, decodeMs: t1 - t0, drawMs: t3 - t2, encodeMs: performance.now() - t3, walkMs: 0, path: 'whole' };
}

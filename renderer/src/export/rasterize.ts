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
 * byte of page faults on this kind of machine), so the picture is drawn into
 * two small canvases in turn, each strip encoded by the browser while the next
 * is drawn, and the strips' PNGs joined without recompressing (pngBands).
 * 512 rows of a 16,384-px-wide picture is 32 MB a canvas (measured at 300
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

/** Resolves in a later task, so a strip that just arrived waits until the next one is drawn. */
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The picture as BAND_ROWS-high strips, top to bottom, each encoded by the
 * browser and read (pngBand) while later ones are drawn; null when the browser
 * cannot make the canvas.
 */
async function drawBands(
  img: HTMLImageElement,
  width: number,
  height: number,
  walked: { ms: number },
): Promise<PngBand[] | null> {
  const rows = Math.min(BAND_ROWS, height);
  const slots = [0, 1].map(() => ({ canvas: new OffscreenCanvas(width, rows), free: Promise.resolve() }));
  const bands: Promise<PngBand>[] = [];
  for (let y = 0, i = 0; y < height; y += rows, i++) {
    const slot = slots[i % slots.length];
    if (!slot) return null;
    // A canvas is drawn on again only once its last strip is encoded, so the browser never copies it.
    await slot.free;
    const h = Math.min(rows, height - y);
    if (slot.canvas.height !== h) slot.canvas.height = h;
    const ctx = slot.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.clearRect(0, 0, width, h);
    ctx.drawImage(img, 0, -y, width, height);
    const bytes = slot.canvas.convertToBlob({ type: 'image/png' }).then((blob) => blob.arrayBuffer());
    slot.free = bytes.then(
      () => undefined,
      () => undefined,
    );
    bands.push(
      bytes.then(async (b) => {
        await later();
        const t0 = performance.now();
        const band = pngBand(new Uint8Array(b));
        walked.ms += performance.now() - t0;
        return band;
      }),
    );
  }
  return Promise.all(bands);
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

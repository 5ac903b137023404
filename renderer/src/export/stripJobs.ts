import type { EncodedRows } from '@shared/export/rowDeflate';

/**
 * The picture drawn a strip at a time into one small canvas, each strip's
 * pixels read with VideoFrame.copyTo into a reused buffer and encoded by
 * workers (pngWorker.ts) while the page draws the next. Why: the browser's own
 * PNG encoder cost more than drawing (about 60 % of an export of 300
 * components), getImageData hands back fresh memory each time (page faults
 * cost more than the copy), and the drawing is flat colour that the encoder
 * in shared/export/rowDeflate.ts packs in a single pass.
 */

/** What the page sends a worker: one strip's premultiplied RGBA pixels, the buffer transferred. */
export interface StripJob {
  readonly index: number;
  readonly width: number;
  readonly rows: number;
  readonly opaque: boolean;
  /** The pixels are BGRA (a canvas's own order: read without converting). */
  readonly bgra: boolean;
  readonly pixels: ArrayBuffer;
}

/** What a worker answers: the strip encoded, and the pixel buffer back. */
export interface StripResult extends EncodedRows {
  readonly index: number;
  readonly pixels: ArrayBuffer;
}

/**
 * Rows a strip. Measured at 300 components (49 Mpx): a strip's draw replays
 * the whole SVG's paint record, so fewer, taller strips draw faster, while each
 * strip's buffer is memory that must be fresh once per worker pool.
 */
const STRIP_ROWS = 512;
/** Workers and buffers stay this long after an export, so the next one (a size change, a copy) finds them warm. */
const IDLE_MS = 30_000;

/** True when this browser can read a canvas into a buffer of ours (VideoFrame) and run module workers. */
export const canEncodeStrips = () =>
  typeof VideoFrame === 'function' && typeof OffscreenCanvas === 'function' && typeof Worker === 'function';

interface Pool {
  readonly workers: Worker[];
  /** Pixel buffers not in use. */
  readonly free: ArrayBuffer[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

let pool: Pool | null = null;

const workerCount = () => Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1));

const openPool = (): Pool => {
  if (pool) {
    clearTimeout(pool.timer);
    return pool;
  }
  const workers = Array.from(
    { length: workerCount() },
    () => new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module', name: 'archdrill-png' }),
  );
  pool = { workers, free: [], timer: undefined };
  return pool;
};

const closePool = () => {
  for (const w of pool?.workers ?? []) w.terminate();
  pool = null;
};

const releaseLater = (p: Pool) => {
  clearTimeout(p.timer);
  p.timer = setTimeout(closePool, IDLE_MS);
};

/** Thrown when a worker fails (it could not load, or threw): the caller draws another way. */
export class StripsFailed extends Error {}

/**
 * Draws `img` at `width × height` strip by strip and resolves the strips
 * encoded, top to bottom (joinRowStrips makes them one PNG). `read.ms`
 * collects the main thread's time spent reading pixels out of the canvas.
 */
export async function encodeStrips(
  img: CanvasImageSource,
  width: number,
  height: number,
  opaque: boolean,
  read: { ms: number },
): Promise<EncodedRows[]> {
  const p = openPool();
  const rows = Math.min(STRIP_ROWS, height);
  const bytes = width * rows * 4;
  const canvas = new OffscreenCanvas(width, rows);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new StripsFailed('no 2D canvas');
  const results: Promise<StripResult>[] = [];
  const waiting = new Map<number, { resolve: (r: StripResult) => void; reject: (e: Error) => void }>();
  // A buffer comes back with each result; drawing waits for one when all are out (workers + 2 at most).
  let bufferReturned: (() => void) | null = null;
  let made = 0;
  const failAll = (message: string) => {
    for (const w of waiting.values()) w.reject(new StripsFailed(message));
    waiting.clear();
    closePool();
    bufferReturned?.();
  };
  for (const w of p.workers) {
    w.onmessage = ({ data }: MessageEvent<StripResult>) => {
      p.free.push(data.pixels);
      bufferReturned?.();
      waiting.get(data.index)?.resolve(data);
      waiting.delete(data.index);
    };
    w.onerror = (e) => {
      e.preventDefault();
      failAll(`the PNG worker failed: ${e.message}`);
    };
  }
  const takeBuffer = async (): Promise<ArrayBuffer> => {
    for (;;) {
      const i = p.free.findIndex((b) => b.byteLength >= bytes);
      if (i >= 0) return p.free.splice(i, 1)[0] as ArrayBuffer;
      if (made < p.workers.length + 2) {
        made++;
        return new ArrayBuffer(bytes);
      }
      await new Promise<void>((resolve) => {
        bufferReturned = resolve;
      });
      bufferReturned = null;
      if (!pool) throw new StripsFailed('the PNG workers stopped');
    }
  };
  try {
    for (let y = 0, index = 0; y < height; y += rows, index++) {
      const h = Math.min(rows, height - y);
      const pixels = await takeBuffer();
      if (canvas.height !== h) canvas.height = h;
      ctx.clearRect(0, 0, width, h);
      ctx.drawImage(img, 0, -y, width, height);
      const t0 = performance.now();
      // Making the frame runs the strip's drawing (the canvas draws lazily); copyTo is then a copy.
      const frame = new VideoFrame(canvas, { timestamp: 0 });
      let bgra = false;
      try {
        const layout = [{ offset: 0, stride: width * 4 }];
        // The canvas's own order (BGRA here) copies as is; anything else is converted to RGBA by the browser.
        bgra = frame.format === 'BGRA';
        await frame.copyTo(pixels, bgra || frame.format === 'RGBA' ? { layout } : { format: 'RGBA', layout });
      } finally {
        frame.close();
      }
      read.ms += performance.now() - t0;
      const result = new Promise<StripResult>((resolve, reject) => waiting.set(index, { resolve, reject }));
      result.catch(() => {}); // seen by Promise.all below; a failure while drawing is not unhandled
      results.push(result);
      const job: StripJob = { index, width, rows: h, opaque, bgra, pixels };
      p.workers[index % p.workers.length]?.postMessage(job, [pixels]);
    }
    return await Promise.all(results);
  } finally {
    canvas.width = 0;
    if (pool) releaseLater(pool);
  }
}

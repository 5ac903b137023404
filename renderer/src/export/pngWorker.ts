/**
 * Encodes strips of a picture off the main thread (shared/export/rowDeflate),
 * while the page draws the next ones. Each message brings a strip's RGBA
 * pixels (premultiplied, as a canvas holds them) and gets back its deflate,
 * and the pixel buffer itself, for the page to fill again.
 */
import { deflateRows, unpremultiplyRgba } from '@shared/export/rowDeflate';
import type { StripJob, StripResult } from './stripJobs';

interface WorkerScope {
  onmessage: ((e: MessageEvent<StripJob>) => void) | null;
  postMessage(message: StripResult, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
/** The last strip's output buffer, reused (fresh memory costs more than the encoding). */
let out: Uint8Array | undefined;

scope.onmessage = ({ data: job }) => {
  const pixels = new Uint8Array(job.pixels, 0, job.width * job.rows * 4);
  if (!job.opaque) unpremultiplyRgba(pixels);
  const encoded = deflateRows(pixels, job.width, job.rows, { out, bgra: job.bgra });
  out = encoded.buffer;
  const deflate = encoded.deflate.slice();
  scope.postMessage(
    { index: job.index, deflate, adler: encoded.adler, length: encoded.length, rows: job.rows, pixels: job.pixels },
    [deflate.buffer, job.pixels],
  );
};

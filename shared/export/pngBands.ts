/**
 * Stacks PNGs of horizontal bands of one picture into a single PNG without
 * decoding or recompressing their pixels: the bands' zlib streams are joined
 * block for block (deflateJoin), their Adler-32 sums combined, and one fix is
 * made per band: its first row was filtered against a row of zeros, so a
 * filter that looks at the row above (Up, Paeth) is swapped for the one that
 * gives the same pixels without it (None, Sub). This is how the browser
 * exporter makes a 49-megapixel PNG from a small canvas reused band by band,
 * with the browser's own encoder and never the whole picture in memory.
 * Pure byte work, no DOM.
 */
import { type PngChunk, readPngChunks, writePngChunks } from '../board/image/pngText';
import { DeflateJoinError, type DeflatePart, deflateBlocks, firstByteOf, joinDeflate } from './deflateJoin';

/** The filter type giving the same first row when the row above is not zeros; Average (3) has none. */
const FIRST_ROW_FILTER: Readonly<Record<number, number>> = { 0: 0, 1: 1, 2: 0, 4: 1 };

/** Samples per pixel of the colour types a band can have (palette and sub-byte depths are refused). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

const ADLER_MOD = 65521;
const mod = (x: number) => ((x % ADLER_MOD) + ADLER_MOD) % ADLER_MOD;

/** Adler-32 of A followed by B, from adler(A), adler(B) and B's length (zlib's adler32_combine). */
export const adlerCombine = (a: number, b: number, lengthB: number): number => {
  const rem = lengthB % ADLER_MOD;
  const s1 = mod((a & 0xffff) + (b & 0xffff) - 1);
  const s2 = mod(rem * (a & 0xffff) + (a >>> 16) + (b >>> 16) - rem);
  return (s2 * 65536 + s1) >>> 0;
};

/** Adler-32 of `length` bytes after their first byte changed by `delta`. */
const adlerWithFirstByte = (adler: number, length: number, delta: number): number =>
  (mod((adler >>> 16) + length * delta) * 65536 + mod((adler & 0xffff) + delta)) >>> 0;

const u32 = (bytes: Uint8Array, at: number) =>
  (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;

/** A band read and walked (pngBand), ready to join. */
export interface PngBand {
  readonly ihdr: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** IHDR bytes 8-12 (depth, colour type, methods, interlace): must agree across bands. */
  readonly format: string;
  readonly rowBytes: number;
  /** Chunks other than IHDR, IDAT and IEND, with whether they came before the pixels. */
  readonly others: { chunk: PngChunk; beforeIdat: boolean }[];
  readonly zlib: Uint8Array;
  readonly part: DeflatePart;
  /** The band's own first-row filter type. */
  readonly firstFilter: number;
}

/**
 * Reads one band's PNG and walks its zlib stream: the costly part of joining,
 * so the exporter does it as each band arrives, while later ones are drawn.
 */
export const pngBand = (png: Uint8Array): PngBand => {
  const chunks = readPngChunks(png);
  const ihdr = chunks?.[0];
  if (!chunks || ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw new DeflateJoinError('a band is not a PNG');
  const [depth = 0, colour = 0, , , interlace = 0] = ihdr.data.subarray(8);
  const channels = CHANNELS[colour];
  if (!channels || depth < 8 || interlace !== 0) throw new DeflateJoinError('unsupported band format');
  const width = u32(ihdr.data, 0);
  const idat = chunks.filter((c) => c.type === 'IDAT');
  const zlib = new Uint8Array(idat.reduce((n, c) => n + c.data.length, 0));
  let at = 0;
  for (const c of idat) {
    zlib.set(c.data, at);
    at += c.data.length;
  }
  const firstIdat = chunks.findIndex((c) => c.type === 'IDAT');
  const others = chunks
    .map((chunk, i) => ({ chunk, beforeIdat: i < firstIdat }))
    .filter(({ chunk }) => !['IHDR', 'IDAT', 'IEND'].includes(chunk.type));
  if (zlib.length < 6 || ((zlib[0] ?? 0) & 0x0f) !== 8 || ((zlib[1] ?? 0) & 0x20) !== 0)
    throw new DeflateJoinError('a band is not a plain zlib stream');
  const data = zlib.subarray(2, zlib.length - 4);
  return {
    ihdr: ihdr.data,
    part: { data, walked: deflateBlocks(data) },
    firstFilter: firstByteOf(data),
    width,
    height: u32(ihdr.data, 4),
    format: Array.from(ihdr.data.subarray(8)).join(','),
    rowBytes: 1 + (width * channels * depth) / 8,
    others,
    zlib,
  };
};

/**
 * One PNG showing the bands (pngBand of PNGs of the same width and format, top to bottom)
 * stacked, with `extra` chunks placed before IEND and the first band's other
 * chunks kept. Throws DeflateJoinError when a band cannot be joined (then draw
 * the picture whole instead).
 */
export const joinPngBands = (read: readonly PngBand[], extra: readonly PngChunk[] = []): Uint8Array => {
  const [first] = read;
  if (!first) throw new DeflateJoinError('no bands');
  let adler = 1;
  const parts = read.map((band, i) => {
    if (band.width !== first.width || band.format !== first.format) throw new DeflateJoinError('bands differ in format');
    const z = band.zlib;
    const length = band.height * band.rowBytes;
    let bandAdler = u32(z, z.length - 4);
    let firstByte: number | undefined;
    if (i > 0) {
      const filter = band.firstFilter;
      const same = FIRST_ROW_FILTER[filter];
      if (same === undefined) throw new DeflateJoinError(`a band's first row uses filter ${filter}`);
      if (same !== filter) {
        firstByte = same;
        bandAdler = adlerWithFirstByte(bandAdler, length, same - filter);
      }
    }
    adler = i === 0 ? bandAdler : adlerCombine(adler, bandAdler, length);
    return { ...band.part, ...(firstByte !== undefined && { firstByte }) };
  });
  const deflate = joinDeflate(parts);
  const idat = new Uint8Array(deflate.length + 6);
  idat.set(first.zlib.subarray(0, 2), 0);
  idat.set(deflate, 2);
  new DataView(idat.buffer).setUint32(idat.length - 4, adler);
  const ihdr = first.ihdr.slice();
  new DataView(ihdr.buffer).setUint32(
    4,
    read.reduce((n, b) => n + b.height, 0),
  );
  const pick = (before: boolean) => first.others.filter((o) => o.beforeIdat === before).map((o) => o.chunk);
  return writePngChunks([
    { type: 'IHDR', data: ihdr },
    ...pick(true),
    { type: 'IDAT', data: idat },
    ...pick(false),
    ...extra,
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
};

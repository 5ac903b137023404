/**
 * A PNG encoder for drawings: RGBA rows to zlib-ready deflate in one pass,
 * made for pictures of the board (large flat areas, straight edges, a little
 * anti-aliased text), where a general compressor spends its time searching
 * for matches the picture does not have. Each row is filtered (Up; the
 * first row of a strip Sub), and every run of equal filtered pixels becomes
 * one or more distance-4 matches, everything else literals, all in deflate's
 * fixed Huffman codes (no tables to build or send). A 49-megapixel picture of
 * 300 components encodes in about a tenth of the time zlib takes at level 1,
 * a little larger. Strips encode independently (each ends on a byte boundary
 * with a sync flush, its Adler-32 given apart), so they can be encoded in
 * parallel and stacked (joinRowStrips). Pure byte work, no DOM.
 */
import { type PngChunk, writePngChunks } from '../board/image/pngText';
import { adlerCombine } from './pngBands';

/** One strip of a picture's rows, encoded. */
export interface EncodedRows {
  /** Non-final deflate blocks ending on a byte boundary. */
  readonly deflate: Uint8Array;
  /** Adler-32 of the strip's filtered bytes (filter type bytes included). */
  readonly adler: number;
  /** How many filtered bytes: rows × (1 + 4 × width). */
  readonly length: number;
  readonly rows: number;
}

const reverse = (code: number, bits: number) => {
  let r = 0;
  for (let i = 0; i < bits; i++) r = (r << 1) | ((code >>> i) & 1);
  return r;
};

/** Fixed Huffman literal codes (RFC 1951 §3.2.6), bit-reversed for LSB-first packing. */
const LIT_CODE = new Int32Array(256);
const LIT_BITS = new Int32Array(256);
for (let v = 0; v < 256; v++) {
  const bits = v < 144 ? 8 : 9;
  LIT_CODE[v] = reverse(v < 144 ? 0x30 + v : 0x190 + v - 144, bits);
  LIT_BITS[v] = bits;
}

const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Distance 4 is distance code 3: five bits, no extra bits. */
const DIST4 = reverse(3, 5);

/** A match of length L (3..258) at distance 4: its whole bit string (at most 18 bits) and length. */
const MATCH_CODE = new Int32Array(259);
const MATCH_BITS = new Int32Array(259);
for (let len = 3; len <= 258; len++) {
  let i = LEN_BASE.length - 1;
  while ((LEN_BASE[i] as number) > len) i--;
  if (len < 258 && i === LEN_BASE.length - 1) i--;
  const sym = 257 + i;
  const bits = sym < 280 ? 7 : 8;
  const code = reverse(sym < 280 ? sym - 256 : 0xc0 + sym - 280, bits);
  const extra = LEN_EXTRA[i] as number;
  MATCH_CODE[len] = code | ((len - (LEN_BASE[i] as number)) << bits) | (DIST4 << (bits + extra));
  MATCH_BITS[len] = bits + extra + 5;
}

const ADLER_MOD = 65521;
const HI = 0x80808080 | 0;
const LO = 0x7f7f7f7f;

/** Bytewise a − b (mod 256 in each byte) of two packed pixels, no borrow between bytes. */
const subBytes = (a: number, b: number) => ((a | HI) - (b & LO)) ^ ((a ^ ~b) & HI);

/*
 * The scans for runs are functions of their own: a loop this hot inside
 * deflateRows was compiled on the spot before the rest had run, then thrown
 * away at each literal (measured: the first strip took 5-10× the others).
 */

/** The first x ≥ i where row `a` differs from row (or pixel) `ref`. */
const sameRun = (px: Int32Array, a: number, ref: number, i: number, width: number) => {
  let j = i;
  while (j < width && px[a + j] === px[ref + j]) j++;
  return j;
};

/** The first x ≥ i where the bytewise difference of the two rows is not `step`. */
const stepRun = (px: Int32Array, a: number, ref: number, i: number, width: number, step: number) => {
  let j = i;
  while (j < width && subBytes(px[a + j] as number, px[ref + j] as number) === step) j++;
  return j;
};

/** Premultiplied RGBA (what a canvas holds) to straight RGBA, in place; opaque and clear pixels are left as they are. */
export const unpremultiplyRgba = (rgba: Uint8Array) => {
  for (let i = 3; i < rgba.length; i += 4) {
    const a = rgba[i] as number;
    if (a === 0 || a === 255) continue;
    for (let c = i - 3; c < i; c++) rgba[c] = Math.min(255, Math.round(((rgba[c] as number) * 255) / a));
  }
};

/** BGRA ↔ RGBA of a packed pixel (or of a bytewise difference of two). */
const swapRedBlue = (p: number) => (p & 0xff00ff00) | ((p >>> 16) & 0xff) | ((p & 0xff) << 16);

/**
 * Encodes `rows` rows of `width` RGBA pixels (straight alpha, tightly packed
 * from `rgba`'s start) as PNG scanlines in deflate. `bgra`: the pixels are in
 * BGRA order (what a canvas reads out fastest); the PNG is RGBA all the same,
 * and since filtering works byte by byte, only what is written is swapped.
 * `out` is written into (pass the last call's `buffer` back), so a strip's
 * output mostly needs no fresh memory; the returned `deflate` is a view into `buffer`.
 */
/**
 * A few rows that take every path of deflateRows (literals, runs of zeros and of a
 * non-zero step, runs longer than one match, both pixel orders). Run once before
 * the first real strip, so the compiler sees every path and the 49-Mpx first call
 * does not run mostly unoptimised: measured, a cold first strip took 4-8× a warm one.
 */
let primed = false;
const prime = () => {
  primed = true;
  const width = 300;
  const px = new Uint8Array(width * 4 * 4);
  for (let x = 0; x < width; x++) {
    px.set([x & 0xff, 0x10, 0x20, 0xff], x * 4); // row 0: a ramp, a non-zero step for Sub
    px.set(x % 97 < 90 ? [0xf0, 0xf0, 0xf0, 0xff] : [x & 0xff, 7, 9, 0xff], (width + x) * 4);
    px.set([0xf0, 0xf0, 0xf0, 0xff], (2 * width + x) * 4); // row 2: a step against row 1
    px.set([0xf0, 0xf0, 0xf0, 0xff], (3 * width + x) * 4); // row 3: a copy of row 2
  }
  for (let i = 0; i < 8; i++) {
    deflateRows(px, width, 4, { bgra: i % 2 === 0 });
  }
};

export const deflateRows = (
  rgba: Uint8Array,
  width: number,
  rows: number,
  { out, bgra = false }: { out?: Uint8Array | undefined; bgra?: boolean } = {},
): EncodedRows & { buffer: Uint8Array } => {
  if (rgba.byteOffset % 4 !== 0) throw new Error('deflateRows: pixels must start on a 4-byte boundary');
  if (!primed) prime();
  const px = new Int32Array(rgba.buffer, rgba.byteOffset, width * rows);
  const rowBytes = 1 + 4 * width;
  // A row's worst case is 9 bits a byte. The buffer starts at a tenth of the pixels' size (a
  // drawing packs to a few percent) and grows as needed: fresh memory costs more than encoding.
  const rowWorst = Math.ceil((rowBytes * 9) / 8) + 16;
  let buf = out ?? new Uint8Array(Math.max(rowWorst * 2, Math.ceil((rows * rowBytes) / 10)));
  const litCode = LIT_CODE;
  const litBits = LIT_BITS;
  // The bit writer and the Adler-32 sums live in this function's locals (no closures): this loop is the export's hot path.
  let pos = 0;
  let bb = 0b010; // a fixed-Huffman block, not the last
  let bc = 3;
  let s1 = 1;
  let s2 = 0;
  for (let y = 0; y < rows; y++) {
    if (pos + rowWorst > buf.length) {
      const grown = new Uint8Array(Math.max(buf.length * 2, pos + rowWorst * 2));
      grown.set(buf.subarray(0, pos));
      buf = grown;
    }
    const a = y * width;
    // The strip's first row cannot look up (the row above is in another strip): Sub, against the pixel to the left.
    const up = y > 0;
    const ref = up ? a - width : a - 1;
    const filter = up ? 2 : 1;
    bb |= (litCode[filter] as number) << bc;
    bc += litBits[filter] as number;
    s1 += filter;
    s2 += s1;
    let prev = up ? subBytes(px[a] as number, px[ref] as number) : (px[a] as number);
    let i = 0;
    for (;;) {
      // `prev` (pixel i) as four literals.
      const written = bgra ? swapRedBlue(prev) : prev;
      for (let k = 0; k < 32; k += 8) {
        const v = (written >>> k) & 0xff;
        bb |= (litCode[v] as number) << bc;
        bc += litBits[v] as number;
        s1 += v;
        s2 += s1;
        while (bc >= 8) {
          buf[pos++] = bb & 0xff;
          bb >>>= 8;
          bc -= 8;
        }
      }
      i++;
      // Then the pixels after it that filter to the same value, as distance-4 matches.
      const j = prev === 0 ? sameRun(px, a, ref, i, width) : stepRun(px, a, ref, i, width, prev);
      const k = j - i;
      if (k > 0) {
        let n = 4 * k;
        while (n > 0) {
          let len = Math.min(n, 258);
          if (n - len > 0 && n - len < 3) len = n - 3;
          bb |= (MATCH_CODE[len] as number) << bc;
          bc += MATCH_BITS[len] as number;
          while (bc >= 8) {
            buf[pos++] = bb & 0xff;
            bb >>>= 8;
            bc -= 8;
          }
          n -= len;
        }
        if (prev === 0) s2 += s1 * 4 * k;
        else {
          const b0 = written & 0xff;
          const b1 = (written >>> 8) & 0xff;
          const b2 = (written >>> 16) & 0xff;
          const b3 = written >>> 24;
          const sum = b0 + b1 + b2 + b3;
          s2 += 4 * k * s1 + 2 * sum * k * (k - 1) + k * (4 * b0 + 3 * b1 + 2 * b2 + b3);
          s1 += k * sum;
        }
        i = j;
      }
      if (i >= width) break;
      prev = subBytes(px[a + i] as number, px[ref + i] as number);
    }
    s1 %= ADLER_MOD;
    s2 %= ADLER_MOD;
  }
  // End of block (seven zero bits), then an empty stored block, not the last: it pads
  // to a byte boundary, so strips can be stacked as they are (zlib's sync flush).
  bc += 7 + 3;
  if (pos + 8 > buf.length) {
    const grown = new Uint8Array(pos + 8);
    grown.set(buf.subarray(0, pos));
    buf = grown;
  }
  while (bc > 0) {
    buf[pos++] = bb & 0xff;
    bb >>>= 8;
    bc -= 8;
  }
  buf[pos++] = 0x00;
  buf[pos++] = 0x00;
  buf[pos++] = 0xff;
  buf[pos++] = 0xff;
  return { deflate: buf.subarray(0, pos), adler: ((s2 << 16) | s1) >>> 0, length: rows * rowBytes, rows, buffer: buf };
};

/**
 * One PNG (8-bit RGBA) of `width` pixels from strips encoded by deflateRows,
 * top to bottom, with `extra` chunks (the board) before IEND: the strips'
 * deflate is concatenated as it is, closed by an empty final block, and their
 * Adler-32 sums combined.
 */
export const joinRowStrips = (strips: readonly EncodedRows[], width: number, extra: readonly PngChunk[] = []): Uint8Array => {
  const size = strips.reduce((n, s) => n + s.deflate.length, 0);
  const idat = new Uint8Array(2 + size + 2 + 4);
  idat.set([0x78, 0x01], 0); // zlib: deflate, 32 KB window, no dictionary, "fastest"
  let at = 2;
  let adler = 1;
  strips.forEach((s, i) => {
    idat.set(s.deflate, at);
    at += s.deflate.length;
    adler = i === 0 ? s.adler : adlerCombine(adler, s.adler, s.length);
  });
  idat.set([0x03, 0x00], at); // an empty fixed-Huffman block, the last
  new DataView(idat.buffer).setUint32(at + 2, adler);
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(
    4,
    strips.reduce((n, s) => n + s.rows, 0),
  );
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  return writePngChunks([
    { type: 'IHDR', data: ihdr },
    { type: 'IDAT', data: idat },
    ...extra,
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
};

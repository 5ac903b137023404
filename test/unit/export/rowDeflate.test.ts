import { itxtChunk, pngTextOf } from '@shared/board/image/pngText';
import { deflateRows, joinRowStrips, unpremultiplyRgba } from '@shared/export/rowDeflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

/**
 * Pixels like an exported board: a flat background, boxes with borders, a
 * line of a repeated non-zero step, and a noisy patch (text-like), where the
 * encoder meets long runs, short runs and literals, in rows of every kind.
 */
const drawing = (width: number, height: number): Uint8Array => {
  const px = new Uint8Array(width * height * 4);
  // A hash of the position stands in for anti-aliased text: no two neighbours alike.
  const noisy = (x: number, y: number, c: number) => (Math.imul(x * 3 + c, 0x9e3779b1) ^ Math.imul(y, 0x85ebca6b)) >>> 24;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const box = x % 50 > 6 && y % 23 > 4;
      const border = box && (x % 50 === 7 || y % 23 === 5);
      const noise = x > width * 0.6 && y > height * 0.5 && (x + y) % 3 !== 0;
      const ramp = y === 3;
      px[i] = noise ? noisy(x, y, 0) : border ? 0x20 : box ? 0xff : ramp ? (x * 7) & 0xff : 0xfb;
      px[i + 1] = noise ? noisy(x, y, 1) : box ? 0xff : 0xfc;
      px[i + 2] = noise ? noisy(x, y, 2) : box ? 0xff : 0xfd;
      px[i + 3] = 255;
    }
  return px;
};

/** The picture encoded in strips of `rows` (each from its own copy, as the workers get them) and joined. */
const encodeInStrips = (px: Uint8Array, width: number, height: number, rows: number, bgra = false) => {
  const strips = [];
  for (let y = 0; y < height; y += rows) {
    const h = Math.min(rows, height - y);
    const strip = px.slice(y * width * 4, (y + h) * width * 4);
    const encoded = deflateRows(strip, width, h, { bgra });
    strips.push({ ...encoded, deflate: encoded.deflate.slice() });
  }
  return strips;
};

const decode = (png: Uint8Array) => PNG.sync.read(Buffer.from(png));

describe('rowDeflate: the browser exporter’s PNG encoder', () => {
  it('encodes a drawing losslessly, whatever the strip height (a strip boundary may fall anywhere)', () => {
    const [width, height] = [173, 101];
    const px = drawing(width, height);
    for (const rows of [1, 7, 32, 101, 500]) {
      const png = decode(joinRowStrips(encodeInStrips(px, width, height, rows), width));
      expect([png.width, png.height]).toEqual([width, height]);
      expect(Buffer.compare(png.data, Buffer.from(px)), `strips of ${rows} rows`).toBe(0);
    }
  });

  it('packs a flat drawing small: long runs become matches, not literals', () => {
    const [width, height] = [2000, 300];
    const flat = new Uint8Array(width * height * 4).fill(0xf0);
    const png = joinRowStrips(encodeInStrips(flat, width, height, 128), width);
    // 2.4 MB of pixels; at a literal a byte it would be over 2 MB.
    expect(png.length).toBeLessThan(width * height * 0.05);
    expect(Buffer.compare(decode(png).data, Buffer.from(flat))).toBe(0);
  });

  it('writes RGBA from BGRA pixels (a canvas read in its own order)', () => {
    const [width, height] = [64, 40];
    const px = drawing(width, height);
    const bgra = px.slice();
    for (let i = 0; i < bgra.length; i += 4) [bgra[i], bgra[i + 2]] = [px[i + 2] as number, px[i] as number];
    const png = decode(joinRowStrips(encodeInStrips(bgra, width, height, 16, true), width));
    expect(Buffer.compare(png.data, Buffer.from(px))).toBe(0);
  });

  it('keeps the chunks it is given (the board) and reuses an output buffer that is large enough', () => {
    const [width, height] = [30, 20];
    const px = drawing(width, height);
    const first = deflateRows(px, width, height);
    const again = deflateRows(px, width, height, { out: first.buffer });
    expect(again.buffer).toBe(first.buffer);
    const png = joinRowStrips([again], width, [itxtChunk('archdrill.board', '{"nodes":[]}')]);
    expect(pngTextOf(png, 'archdrill.board')).toBe('{"nodes":[]}');
    expect(Buffer.compare(decode(png).data, Buffer.from(px))).toBe(0);
  });

  it('turns premultiplied pixels (a transparent export) into straight alpha', () => {
    const px = Uint8Array.from([128, 0, 64, 128, 10, 20, 30, 255, 0, 0, 0, 0, 51, 51, 51, 51]);
    unpremultiplyRgba(px);
    expect(Array.from(px)).toEqual([255, 0, 128, 128, 10, 20, 30, 255, 0, 0, 0, 0, 255, 255, 255, 51]);
  });
});

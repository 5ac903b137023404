import { inflateRawSync } from 'node:zlib';
import { itxtChunk, pngTextOf } from '@shared/board/image/pngText';
import { joinDeflate } from '@shared/export/deflateJoin';
import { adlerCombine, joinPngBands, pngBand } from '@shared/export/pngBands';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

/**
 * A picture like an exported board: a flat background with boxes, lines and
 * a noisy patch (so the encoders choose every kind of block), partly transparent.
 */
const picture = (width: number, height: number): PNG => {
  const png = new PNG({ width, height });
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed & 0xff;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const box = x % 40 > 8 && y % 30 > 5;
      const noise = x > width * 0.7 && y > height * 0.4;
      png.data[i] = noise ? rand() : box ? 0x3b : 0xf7;
      png.data[i + 1] = noise ? rand() : box ? 0x6c : 0xf8;
      png.data[i + 2] = noise ? rand() : (x + y) % 17 === 0 ? 0x10 : 0xfa;
      png.data[i + 3] = x < 5 ? 0 : noise ? rand() : 255;
    }
  return png;
};

/** The rows [y0, y1) of `png` as their own PNG, written by pngjs with these encoder settings. */
const band = (png: PNG, y0: number, y1: number, options: { filterType: number; deflateLevel: number }) => {
  const out = new PNG({ width: png.width, height: y1 - y0 });
  png.data.copy(out.data, 0, y0 * png.width * 4, y1 * png.width * 4);
  return new Uint8Array(PNG.sync.write(out, { ...options, deflateStrategy: 0 }));
};

const bandsOf = (png: PNG, rows: number, options: { filterType: number; deflateLevel: number }) => {
  const out: Uint8Array[] = [];
  for (let y = 0; y < png.height; y += rows) out.push(band(png, y, Math.min(png.height, y + rows), options));
  return out;
};

const join = (bands: readonly Uint8Array[], extra?: Parameters<typeof joinPngBands>[1]) =>
  joinPngBands(bands.map(pngBand), extra);

describe('stacking PNG bands into one PNG', () => {
  // Up is what Chromium's encoder writes; Paeth and None/Sub cover the other first-row cases;
  // level 0 makes stored blocks, 1 and 9 fixed and dynamic Huffman blocks.
  for (const filterType of [0, 1, 2, 4])
    for (const deflateLevel of [0, 1, 9])
      it(`gives exactly the whole picture's pixels (filter ${filterType}, zlib level ${deflateLevel})`, () => {
        const whole = picture(97, 83);
        const joined = join(bandsOf(whole, 16, { filterType, deflateLevel }));
        // pngjs inflates with Node's zlib, which checks the joined Adler-32 too.
        const decoded = PNG.sync.read(Buffer.from(joined));
        expect([decoded.width, decoded.height]).toEqual([97, 83]);
        expect(Buffer.compare(decoded.data, whole.data)).toBe(0);
      });

  it('carries the board chunks before IEND, readable after the join', () => {
    const joined = join(bandsOf(picture(40, 40), 7, { filterType: 2, deflateLevel: 1 }), [
      itxtChunk('archdrill.board', '{"nodes":["Cache → “Redis”"]}'),
    ]);
    expect(pngTextOf(joined, 'archdrill.board')).toBe('{"nodes":["Cache → “Redis”"]}');
    expect(PNG.sync.read(Buffer.from(joined)).height).toBe(40);
  });

  it('refuses bands it cannot join exactly, so the exporter draws the picture whole instead', () => {
    const whole = picture(30, 30);
    // Average on a band's first row has no equivalent filter once a row sits above it.
    expect(() => join(bandsOf(whole, 10, { filterType: 3, deflateLevel: 1 }))).toThrow(/filter 3/);
    const narrow = band(picture(20, 10), 0, 10, { filterType: 0, deflateLevel: 1 });
    expect(() => join([band(whole, 0, 10, { filterType: 0, deflateLevel: 1 }), narrow])).toThrow(/differ/);
    expect(() => join([new Uint8Array([1, 2, 3])])).toThrow(/not a PNG/);
  });

  it('changes a first byte that later matches copy, keeping the copies as they were', () => {
    // A fixed-Huffman stream for [2, 1, 2, 1, 2]: literals 2 and 1, then a match of 3 at distance 2.
    const bits: number[] = [];
    const put = (code: number, length: number) => {
      for (let b = length - 1; b >= 0; b--) bits.push((code >>> b) & 1);
    };
    bits.push(1, 1, 0); // last block, fixed codes
    put(0x30 + 2, 8);
    put(0x30 + 1, 8);
    put(1, 7); // length code 257: 3
    put(1, 5); // distance code 1: 2
    put(0, 7); // end of block
    const stream = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((bit, i) => {
      stream[i >>> 3] = (stream[i >>> 3] ?? 0) | (bit << (i & 7));
    });
    expect(inflateRawSync(stream)).toEqual(Buffer.from([2, 1, 2, 1, 2]));
    // Changed, the match that copied it is split: the original byte, then the rest.
    expect(inflateRawSync(joinDeflate([{ data: stream }, { data: stream, firstByte: 0 }]))).toEqual(
      Buffer.from([2, 1, 2, 1, 2, 0, 1, 2, 1, 2]),
    );
    // A longer match from byte 0 keeps its tail as a match.
    bits.length = 3;
    put(0x30 + 2, 8);
    put(0x30 + 1, 8);
    put(3, 7); // length code 259: 5
    put(1, 5); // distance 2
    put(0, 7);
    const longer = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((bit, i) => {
      longer[i >>> 3] = (longer[i >>> 3] ?? 0) | (bit << (i & 7));
    });
    expect(inflateRawSync(joinDeflate([{ data: longer }, { data: longer, firstByte: 0 }]))).toEqual(
      Buffer.from([2, 1, 2, 1, 2, 1, 2, 0, 1, 2, 1, 2, 1, 2]),
    );
    // Unchanged, the same stream joins fine.
    expect(inflateRawSync(joinDeflate([{ data: stream }, { data: stream }]))).toEqual(
      Buffer.from([2, 1, 2, 1, 2, 2, 1, 2, 1, 2]),
    );
  });

  it('combines Adler-32 sums as zlib does', () => {
    // Known values: adler32("Wikipedia") = 0x11E60398; split anywhere, the combination matches.
    const adler = (s: string) => {
      let a = 1;
      let b = 0;
      for (const ch of Buffer.from(s)) {
        a = (a + ch) % 65521;
        b = (b + a) % 65521;
      }
      return ((b << 16) | a) >>> 0;
    };
    expect(adler('Wikipedia')).toBe(0x11e60398);
    for (const cut of [0, 1, 4, 9])
      expect(adlerCombine(adler('Wikipedia'.slice(0, cut)), adler('Wikipedia'.slice(cut)), 9 - cut)).toBe(0x11e60398);
  });
});

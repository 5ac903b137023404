import { boardTextFromImage } from '@shared/board/image/embedded';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng, fontOptions, rasterise } from '../../electron/cli/rasterise';

const embedded = { board: '{"version":1}' };

describe('the CLI rasteriser', () => {
  it('writes a PNG any decoder reads back pixel for pixel, unpremultiplied, with the board inside', async () => {
    // Three pixels as resvg hands them over (premultiplied): opaque red, clear, half-transparent blue.
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 100, 128]);
    const { png: file } = await encodePng([{ rgba, width: 3, height: 1 }], embedded, false);
    const png = PNG.sync.read(Buffer.from(file));
    expect([png.width, png.height]).toEqual([3, 1]);
    expect([...png.data]).toEqual([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 199, 128]);
    expect(boardTextFromImage(file)).toBe(embedded.board);
  });

  it('keeps rows apart across zlib writes and bands: a tall picture decodes to the rows it was given', async () => {
    const width = 5;
    const heights = [301, 130, 1]; // more than one write of rows, not a multiple of it, and a band of one row
    const height = heights.reduce((a, b) => a + b);
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) rgba.set([y % 256, x * 40, (y * 7) % 256, 255], (y * width + x) * 4);
    const bands = heights.map((h, i) => {
      const top = heights.slice(0, i).reduce((a, b) => a + b, 0);
      return { rgba: rgba.slice(top * width * 4, (top + h) * width * 4), width, height: h };
    });
    for (const split of [bands, [{ rgba, width, height }]]) {
      const png = PNG.sync.read(Buffer.from((await encodePng(split, embedded, true)).png));
      expect([png.width, png.height]).toEqual([width, height]);
      expect(Buffer.from(png.data).equals(Buffer.from(rgba))).toBe(true);
    }
  });

  it('draws a picture in bands side by side as it draws it whole, shapes across the seams included', async () => {
    // Strokes, circles, clipped icons (each a layer in resvg) and text crossing where the bands meet, at a scale
    // that is not a whole number, on a height that is not a whole number of rows at that scale.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="240" height="701" viewBox="-10 -20 240 701"><defs><symbol id="i" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="none" stroke="#1d2330" stroke-width="2"/></symbol></defs><rect x="-10" y="-20" width="240" height="701" fill="#f4f6fa"/>${Array.from(
      { length: 14 },
      (_, i) =>
        `<circle cx="${30 + (i % 5) * 40}" cy="${i * 48}" r="19" fill="#2f7de1" stroke="#1d2330" stroke-width="1.5"/><use xlink:href="#i" x="${190 - (i % 3) * 20}" y="${i * 48 - 10}" width="20" height="20"/><text x="8" y="${i * 48 + 4}" font-family="Arial, &quot;Liberation Sans&quot;" font-size="13">band ${i}</text>`,
    ).join('')}<path d="M0,0 L220,660 M220,0 L0,660" stroke="#d33" stroke-width="2.5" fill="none"/></svg>`;
    const whole = PNG.sync.read(Buffer.from((await rasterise(svg, 1.37, embedded, true, 1)).png));
    const banded = await rasterise(svg, 1.37, embedded, true, 2);
    const image = PNG.sync.read(Buffer.from(banded.png));
    expect([image.width, image.height]).toEqual([whole.width, whole.height]);
    expect([banded.width, banded.height]).toEqual([whole.width, whole.height]);
    // resvg computes in 32-bit floats: a band's offset may move an edge's anti-aliasing by a level or so.
    let differ = 0;
    for (let i = 0; i < whole.data.length; i++)
      if (Math.abs((whole.data[i] as number) - (image.data[i] as number)) > 24) differ++;
    expect(differ / whole.data.length).toBeLessThan(0.0005);
    expect(boardTextFromImage(banded.png)).toBe(embedded.board);
  });

  it('loads only the diagram font for text it covers, and every system font for text it lacks', async () => {
    const latin = await fontOptions('<svg><text>Cache · Redis — “hot” keys €</text></svg>');
    const cjk = await fontOptions('<svg><text>缓存</text></svg>');
    expect(cjk).toMatchObject({ loadSystemFonts: true });
    // Debian's fonts-liberation is what .ci/run installs; elsewhere the fallback is the whole system.
    expect(latin).toMatchObject(
      'fontFiles' in latin
        ? { loadSystemFonts: false, fontFiles: [expect.stringMatching(/Regular|Arial/i), expect.anything()] }
        : { loadSystemFonts: true },
    );
  });

  it('draws text with the font it loaded: a label is not blank', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="24"><rect width="80" height="24" fill="#fff"/><text x="4" y="17" font-family="Arial, &quot;Liberation Sans&quot;" font-size="14">Cache</text></svg>';
    const { png } = await rasterise(svg, 1, embedded, true);
    const img = PNG.sync.read(Buffer.from(png));
    let dark = 0;
    for (let i = 0; i < img.data.length; i += 4) if ((img.data[i] as number) < 128) dark++;
    expect(dark).toBeGreaterThan(40);
  });
});

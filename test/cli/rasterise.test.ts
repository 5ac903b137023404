import { boardTextFromImage } from '@shared/board/image/embedded';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng, fontOptions, rasterise } from '../../electron/cli/rasterise';

const embedded = { board: '{"version":1}' };

describe('the CLI rasteriser', () => {
  it('writes a PNG any decoder reads back pixel for pixel, unpremultiplied, with the board inside', async () => {
    // Three pixels as resvg hands them over (premultiplied): opaque red, clear, half-transparent blue.
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 100, 128]);
    const file = await encodePng(rgba, 3, 1, embedded, false);
    const png = PNG.sync.read(Buffer.from(file));
    expect([png.width, png.height]).toEqual([3, 1]);
    expect([...png.data]).toEqual([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 199, 128]);
    expect(boardTextFromImage(file)).toBe(embedded.board);
  });

  it('keeps rows apart across zlib writes: a tall picture decodes to the rows it was given', async () => {
    const width = 5;
    const height = 301; // more than one write of rows, and not a multiple of it
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) rgba.set([y % 256, x * 40, (y * 7) % 256, 255], (y * width + x) * 4);
    const png = PNG.sync.read(Buffer.from(await encodePng(rgba, width, height, embedded, true)));
    expect(Buffer.from(png.data).equals(Buffer.from(rgba))).toBe(true);
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

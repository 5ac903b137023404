import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import { type Embedded, embedPngChunks } from '../../shared/board/image/embedded';
import { type PngChunk, writePngChunks } from '../../shared/board/image/pngText';
import { drawnWithDiagramFont } from '../../shared/export/textMeasure';

/**
 * SVG → PNG for the CLI: resvg (a prebuilt Rust rasteriser) draws the
 * pixels, zlib encodes them. Where the time went, measured on the 300-component
 * bench board at 2× (49 Mpx): resvg's own `asPng` (a full copy of the pixels,
 * then miniz at its default level) cost more than the drawing, and
 * `loadSystemFonts` read every font on the machine before drawing a glyph.
 * Here the pixels go straight from resvg's buffer to Node's zlib (C, on the
 * thread pool, at a fast level) a few rows at a time, the board rides in the
 * same write, and only the diagram font's files are loaded.
 */

/** Where the diagram font (Arial, or its metric twin Liberation Sans) lives on common systems, regular then bold. */
const FONT_CANDIDATES: readonly (readonly [string, string])[] = [
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
  ['/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf'],
  [
    '/usr/share/fonts/liberation-sans-fonts/LiberationSans-Regular.ttf',
    '/usr/share/fonts/liberation-sans-fonts/LiberationSans-Bold.ttf',
  ],
  ['/usr/share/fonts/TTF/LiberationSans-Regular.ttf', '/usr/share/fonts/TTF/LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/msttcorefonts/Arial.ttf', '/usr/share/fonts/truetype/msttcorefonts/Arial_Bold.ttf'],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
  ['/Library/Fonts/Arial.ttf', '/Library/Fonts/Arial Bold.ttf'],
  ...(process.env.WINDIR
    ? [[join(process.env.WINDIR, 'Fonts', 'arial.ttf'), join(process.env.WINDIR, 'Fonts', 'arialbd.ttf')] as const]
    : []),
];

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The diagram font's two files, found once per process; null when this system has neither Arial nor Liberation Sans. */
let diagramFont: Promise<readonly string[] | null> | undefined;
const findDiagramFont = () => {
  diagramFont ??= (async () => {
    for (const pair of FONT_CANDIDATES) {
      const found = (await Promise.all(pair.map(exists))).every(Boolean);
      if (found) return pair;
    }
    return null;
  })();
  return diagramFont;
};

/**
 * resvg's font options: just the diagram font when every character drawn is
 * one it has (the metrics table is Liberation's, so that is known exactly);
 * the whole system's fonts when a label needs a fallback (CJK, emoji) or the
 * font is missing, so nothing is drawn as empty boxes.
 */
export const fontOptions = async (svg: string) => {
  const files = await findDiagramFont();
  if (!files || !drawnWithDiagramFont(svg)) return { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' };
  return { loadSystemFonts: false, fontFiles: [...files], defaultFontFamily: 'Liberation Sans' };
};

/** Rows handed to zlib at a time: large enough to keep the thread pool busy, small enough to stay in cache. */
const ROWS_PER_WRITE = 64;

/**
 * zlib level 3: on the bench board it compresses the filterless rows in a
 * third of level 6's time, for a file about twice level 6's size (2 MB
 * instead of 1.1 MB for 49 Mpx); the drawing is mostly flat colour, which
 * even level 1 packs well.
 */
const ZLIB_LEVEL = 3;

/** resvg's pixels are premultiplied; PNG's are not. Only pixels neither clear nor opaque change. */
const unpremultiply = (rgba: Uint8Array) => {
  for (let i = 3; i < rgba.length; i += 4) {
    const a = rgba[i] as number;
    if (a === 0 || a === 255) continue;
    for (let c = i - 3; c < i; c++) rgba[c] = Math.min(255, Math.round(((rgba[c] as number) * 255) / a));
  }
};

/** IDAT data: each row prefixed with filter 0 (none), deflated by zlib off the main thread. */
const deflateRows = async (rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> => {
  const stride = width * 4;
  const z = createDeflate({ level: ZLIB_LEVEL, memLevel: 9 });
  const out: Buffer[] = [];
  z.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  // Two buffers: one is filled while zlib reads the other (zlib copies nothing, so a buffer waits for its last write).
  const buffers = [Buffer.alloc(ROWS_PER_WRITE * (stride + 1)), Buffer.alloc(ROWS_PER_WRITE * (stride + 1))] as const;
  const inFlight: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  for (let y = 0, turn = 0; y < height; y += ROWS_PER_WRITE, turn ^= 1) {
    const rows = Math.min(ROWS_PER_WRITE, height - y);
    const buf = buffers[turn] as Buffer;
    await inFlight[turn];
    for (let r = 0; r < rows; r++) {
      const at = r * (stride + 1);
      buf[at] = 0;
      buf.set(rgba.subarray((y + r) * stride, (y + r + 1) * stride), at + 1);
    }
    inFlight[turn] = new Promise<void>((resolve, reject) =>
      z.write(buf.subarray(0, rows * (stride + 1)), (err) => (err ? reject(err) : resolve())),
    );
  }
  await Promise.all(inFlight);
  z.end();
  await done;
  return Buffer.concat(out);
};

const ihdr = (width: number, height: number): PngChunk => {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  return { type: 'IHDR', data };
};

/**
 * The PNG file of `rgba` (premultiplied, as resvg draws), with the board
 * embedded. `opaque`: the picture paints its own background, so no pixel
 * needs unpremultiplying.
 */
export const encodePng = async (
  rgba: Uint8Array,
  width: number,
  height: number,
  embedded: Embedded,
  opaque: boolean,
): Promise<Uint8Array> => {
  if (!opaque) unpremultiply(rgba);
  const idat = await deflateRows(rgba, width, height);
  return writePngChunks([
    ihdr(width, height),
    { type: 'IDAT', data: idat },
    ...embedPngChunks(embedded),
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
};

/**
 * resvg's allocator (mimalloc) takes a fresh mapping for each picture-sized
 * buffer; in 4 KB pages, faulting in the 196 MB of a 49 Mpx picture cost as
 * much as drawing it. Transparent huge pages (where the kernel allows them)
 * halved resvg's time on the bench board. Read by mimalloc when resvg loads.
 */
const preferHugePages = () => {
  process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES ??= '1';
};

/** Draws `svg` at `zoom` and returns the PNG file, the board embedded. `opaque`: the SVG paints a background. */
export const rasterise = async (svg: string, zoom: number, embedded: Embedded, opaque: boolean) => {
  preferHugePages();
  const { Resvg } = await import('@resvg/resvg-js');
  const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font: await fontOptions(svg) }).render();
  return {
    png: await encodePng(image.pixels, image.width, image.height, embedded, opaque),
    width: image.width,
    height: image.height,
  };
};

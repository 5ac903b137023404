import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { constants, createDeflate } from 'node:zlib';
import { type Embedded, embedPngChunks } from '../../shared/board/image/embedded';
import { type PngChunk, writePngChunks } from '../../shared/board/image/pngText';
import { adlerCombine } from '../../shared/export/pngBands';
import { drawnWithDiagramFont } from '../../shared/export/textMeasure';

/**
 * SVG → PNG for the CLI: resvg (a prebuilt Rust rasteriser) draws the
 * pixels, zlib encodes them. Where the time went, measured on the 300-component
 * bench board at 2× (49 Mpx): resvg's own `asPng` (a full copy of the pixels,
 * then miniz at its default level) cost more than the drawing, and
 * `loadSystemFonts` read every font on the machine before drawing a glyph.
 * Here the pixels go straight from resvg's buffer to Node's zlib (C, on the
 * thread pool, at a fast level) a few rows at a time, the board rides in the
 * same write, and only the diagram font's files are loaded. The picture is
 * drawn as bands side by side on the thread pool (renderAsync), each deflated
 * as soon as it is drawn and the zlib streams joined: one sync render and one
 * zlib stream after it left a core idle.
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
 * even level 1 packs well (level 1 and 2 were no faster there).
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

/** The empty stored block a sync flush ends with: a zlib stream can be cut there and another's blocks follow. */
const SYNC_MARKER = [0, 0, 0xff, 0xff] as const;

/** One band's zlib stream: its blocks (the first band with the zlib header), and the Adler-32 of its rows. */
interface DeflatedBand {
  readonly blocks: Uint8Array;
  readonly adler: number;
  readonly length: number;
}

/**
 * A band of rows, each prefixed with filter 0 (none), deflated by zlib on the
 * thread pool. `last`: the band ends the picture (its final block stays
 * final); any other band ends with a sync flush, so the next band's blocks
 * can follow it unchanged.
 */
const deflateBand = async (
  rgba: Uint8Array,
  width: number,
  height: number,
  first: boolean,
  last: boolean,
): Promise<DeflatedBand> => {
  const stride = width * 4;
  const z = createDeflate({ level: ZLIB_LEVEL, memLevel: 9 });
  const out: Buffer[] = [];
  let received = 0;
  z.on('data', (chunk: Buffer) => {
    out.push(chunk);
    received += chunk.length;
  });
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
  // Cut after a sync flush: zlib writes nothing more until it is ended (the final empty block and the Adler-32).
  let cut = -1;
  if (!last) {
    await new Promise<void>((resolve) => z.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    await new Promise((resolve) => setImmediate(resolve));
    cut = received;
  }
  z.end();
  await done;
  const stream = Buffer.concat(out);
  const adler = stream.readUInt32BE(stream.length - 4);
  const end = last ? stream.length - 4 : cut;
  if (!last && !SYNC_MARKER.every((b, i) => stream[cut - 4 + i] === b))
    throw new Error('zlib did not end the band with a sync flush');
  return { blocks: stream.subarray(first ? 0 : 2, end), adler, length: height * (stride + 1) };
};

/** IDAT data: the bands' zlib streams, joined (their Adler-32s combined). */
const joinBands = (parts: readonly DeflatedBand[]): Uint8Array => {
  let adler = 1;
  for (const [i, p] of parts.entries()) adler = i === 0 ? p.adler : adlerCombine(adler, p.adler, p.length);
  const idat = new Uint8Array(parts.reduce((n, p) => n + p.blocks.length, 0) + 4);
  let at = 0;
  for (const p of parts) {
    idat.set(p.blocks, at);
    at += p.blocks.length;
  }
  new DataView(idat.buffer).setUint32(at, adler);
  return idat;
};

const ihdr = (width: number, height: number): PngChunk => {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  return { type: 'IHDR', data };
};

/** A band of the picture as resvg drew it: premultiplied RGBA rows. */
export interface PixelBand {
  readonly rgba: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * The PNG file of `bands` (top to bottom, premultiplied, as resvg draws),
 * with the board embedded. Each band is deflated on the thread pool as soon
 * as it arrives, beside the others. `opaque`: the picture paints its own
 * background, so no pixel needs unpremultiplying.
 */
export const encodePng = async (
  bands: readonly (PixelBand | Promise<PixelBand>)[],
  embedded: Embedded | (() => Embedded),
  opaque: boolean,
): Promise<{ png: Uint8Array; width: number; height: number }> => {
  // Asked for while the bands are still being drawn on other threads.
  const board = typeof embedded === 'function' ? embedded() : embedded;
  const parts = await Promise.all(
    bands.map(async (pending, i) => {
      const band = await pending;
      if (!opaque) unpremultiply(band.rgba);
      return { band, deflated: await deflateBand(band.rgba, band.width, band.height, i === 0, i === bands.length - 1) };
    }),
  );
  const width = parts[0]?.band.width ?? 0;
  if (parts.some((p) => p.band.width !== width)) throw new Error('the bands were drawn at different widths');
  const height = parts.reduce((n, p) => n + p.band.height, 0);
  const png = writePngChunks([
    ihdr(width, height),
    { type: 'IDAT', data: joinBands(parts.map((p) => p.deflated)) },
    ...embedPngChunks(board),
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
  return { png, width, height };
};

/**
 * resvg's allocator (mimalloc) takes a fresh mapping for each picture-sized
 * buffer; in 4 KB pages, faulting in the 196 MB of a 49 Mpx picture cost as
 * much as drawing it. Transparent huge pages (where the kernel allows them)
 * halved resvg's time on the bench board, drawn whole on the main thread (in
 * one run of two, a second of system time in the other). With the two bands
 * on the pool, on and off measured the same. Read by mimalloc when resvg loads.
 */
const preferHugePages = () => {
  process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES ??= '1';
};

/** The root's viewBox of an SVG drawn by shared/export (`<svg … height="H" viewBox="X Y W H"`), or null. */
const ROOT = /^(<svg\b[^>]*?\sheight=")([^"]*)("[^>]*?\sviewBox=")([^"]*)(")/;

/**
 * Bands drawn at once, each on a thread of its own (renderAsync parses and
 * draws on libuv's pool): two where there are two cores. Never more: resvg
 * (0.34) panics, aborting the process, on a layer (each icon's clip is one)
 * lying more than twice the canvas's height from its top, which halves never
 * have (three bands of a third did on the bench board, and so did a top band
 * of 40 %: the top band must be at least half the picture).
 */
const bandCount = (height: number) => (height < 512 || availableParallelism() < 2 ? 1 : 2);

/**
 * The SVG of rows `top`..`top + rows` of the picture: the same drawing with
 * the root's viewBox (and height) narrowed to that band, so resvg lays out
 * the whole drawing but rasterises only the band. `scaleY`: the whole
 * picture's rows per unit, which resvg rounds to whole rows (not `zoom`), so
 * the bands' pixels fall where the whole picture's would.
 */
const bandSvg = (svg: string, root: RegExpExecArray, scaleY: number, top: number, rows: number) => {
  const [x, y, w] = (root[4] as string).split(/\s+/).map(Number) as [number, number, number];
  const h = rows / scaleY;
  return `${root[1]}${h}${root[3]}${x} ${y + top / scaleY} ${w} ${h}${root[5]}${svg.slice(root[0].length)}`;
};

/**
 * Draws `svg` at `zoom` and returns the PNG file, the board embedded (a function: called once the bands
 * are being drawn, so its work overlaps theirs). `opaque`: the SVG paints a background;
 * `bandsWanted`: how many (tests; at most 2, see bandCount). The picture is drawn as horizontal bands side by side (bandCount), and each
 * band deflated on a thread of its own, the zlib streams joined: on the bench
 * board (49 Mpx on 2 cores) that is about half the wall time of one render
 * and one zlib stream after it.
 */
export const rasterise = async (
  svg: string,
  zoom: number,
  embedded: Embedded | (() => Embedded),
  opaque: boolean,
  bandsWanted?: number,
) => {
  preferHugePages();
  const { renderAsync } = await import('@resvg/resvg-js');
  const options = { fitTo: { mode: 'zoom', value: zoom }, font: await fontOptions(svg) } as const;
  const root = ROOT.exec(svg);
  const rootHeight = Number(root?.[4]?.split(/\s+/)[3]);
  const height = Math.round(rootHeight * zoom);
  const count = root && Number(root[2]) === rootHeight ? Math.min(2, bandsWanted ?? bandCount(height)) : 1;
  const cuts = Array.from({ length: count + 1 }, (_, i) => Math.round((height * i) / count));
  const bands = cuts.slice(0, -1).map(async (top, i) => {
    const image = await renderAsync(
      count === 1 || !root ? svg : bandSvg(svg, root, height / rootHeight, top, (cuts[i + 1] as number) - top),
      options,
    );
    return { rgba: image.pixels, width: image.width, height: image.height };
  });
  return encodePng(bands, embedded, opaque);
};

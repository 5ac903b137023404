import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { startSyncServer } from '../../electron/sync/server';
import { decodeBoard } from '../../shared/board/codec';
import { boardTextFromImage } from '../../shared/board/image/embedded';
import { floatingEndpoints, placeEdgeLabel } from '../../shared/export/edgeLayout';
import { nodeBox } from '../../shared/export/nodeLayout';
import { edgeLabelText } from '../../shared/export/protocols';
import { canvas, connect, dragFromPalette, edgePaths, flowNodes, openApp as openAppBare, SHOTS_DIR, shot } from './support/board';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/export');
const REFERENCE = join(FIXTURES, 'reference.png');
/** The edge colour of the light theme (--edge in app.css). */
const EDGE_LIGHT = [0x5b, 0x64, 0x78] as const;

/** Opens the app and closes whatever dialog greets a first visit (the question picker), as a person would. */
const openApp = async (page: Page) => {
  await openAppBare(page);
  const greeting = page.locator('dialog[open]');
  if (await greeting.isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
    await expect(greeting).toHaveCount(0);
  }
};

/** Empties the board by selecting everything and deleting it. */
const clearBoard = async (page: Page) => {
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(flowNodes(page)).toHaveCount(0);
};

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Every node's box in flow coordinates, read from React Flow's own transform and size. */
const nodeBoxes = (page: Page): Promise<Box[]> =>
  page.$$eval('.react-flow__node', (els) =>
    els.map((el) => {
      const h = el as HTMLElement;
      const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(h.style.transform);
      return { id: h.dataset.id ?? '', x: Number(m?.[1]), y: Number(m?.[2]), w: h.offsetWidth, h: h.offsetHeight };
    }),
  );

/** The exported frame (flow units) for these boxes, as the exporter computes it. */
const frameOf = (boxes: readonly Box[], pad: number) => {
  const minX = Math.floor(Math.min(...boxes.map((b) => b.x)));
  const minY = Math.floor(Math.min(...boxes.map((b) => b.y)));
  const maxX = Math.ceil(Math.max(...boxes.map((b) => b.x + b.w)));
  const maxY = Math.ceil(Math.max(...boxes.map((b) => b.y + b.h)));
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
};

const openExport = async (page: Page) => {
  await page.getByTestId('btn-export').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
};

/** Clicks Export in the dialog and returns the downloaded file's path and suggested name. */
const download = async (page: Page) => {
  const pending = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const dl = await pending;
  const file = join(tmpdir(), `archdrill-export-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return file;
};

/** Opens a file through the Open button, answering "Don't save" if the app asks about unsaved changes. */
const openThroughChooser = async (page: Page, file: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
  const discard = page.getByTestId('unsaved-discard');
  const asked = await Promise.race([chooser.then(() => false), discard.waitFor().then(() => true)]);
  if (asked) await discard.click();
  await (await chooser).setFiles(file);
};

/** Kinds, labels and connections as the canvas shows them, for comparing boards. */
const boardShape = async (page: Page) => ({
  kinds: (
    await page.locator('.react-flow__node [data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
  ).sort(),
  labels: (await page.locator('.react-flow__node .label').allInnerTexts()).sort(),
  edges: await edgePaths(page).count(),
  edgeTexts: (await page.locator('.react-flow__edge-text').allTextContents()).sort(),
});

/** The text of every <text> element of an SVG, in document order. */
const svgTexts = (svg: string): string[] =>
  [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );

const pixel = (png: PNG, x: number, y: number) => {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0, png.data[i + 3] ?? 0] as const;
};

/** True when some pixel within `r` of (x, y) is opaque and close to `rgb`. */
const colourNear = (png: PNG, x: number, y: number, rgb: readonly number[], r = 3) => {
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) {
      const [pr, pg, pb, pa] = pixel(png, x + dx, y + dy);
      if (pa > 200 && Math.abs(pr - rgb[0]!) + Math.abs(pg - rgb[1]!) + Math.abs(pb - rgb[2]!) < 60) return true;
    }
  return false;
};

test('a drawn board exports as PNG and SVG with every edge and label, and both reopen as the same board', async ({ page }) => {
  await openApp(page);
  const client = await dragFromPalette(page, 'client', { x: 140, y: 140 });
  const lb = await dragFromPalette(page, 'load_balancer', { x: 440, y: 140 });
  const svc = await dragFromPalette(page, 'service', { x: 440, y: 420 });
  const cache = await dragFromPalette(page, 'cache', { x: 760, y: 300 });
  await connect(page, client, lb);
  await connect(page, lb, svc);
  await connect(page, svc, cache);
  await svc.dblclick();
  await page.getByRole('textbox', { name: 'Label' }).first().fill('Shortener API');
  await page.keyboard.press('Enter');
  await edgePaths(page).nth(2).click({ force: true });
  await page.getByTestId('inspector-protocol').selectOption('grpc');
  await canvas(page).click({ position: { x: 20, y: 600 } });
  // Select a node: the export must not show the selection outline.
  await client.click();
  const drawn = await boardShape(page);
  const boxes = await nodeBoxes(page);
  const ids = await Promise.all([client, lb, svc, cache].map((n) => n.getAttribute('data-id')));
  const links = [
    [ids[0], ids[1]],
    [ids[1], ids[2]],
    [ids[2], ids[3]],
  ] as const;

  // PNG, 2×, transparent background, 32 px padding.
  await openExport(page);
  await page.getByTestId('export-format-png').check();
  await page.getByTestId('export-scale').selectOption('2');
  await page.getByTestId('export-background').selectOption('transparent');
  await page.getByTestId('export-theme').selectOption('light');
  await page.getByTestId('export-padding').fill('32');
  // Without the legend band the picture is exactly the nodes' frame plus padding.
  await page.getByTestId('export-legend').uncheck();
  await shot(page, 'export-dialog');
  const pngFile = await download(page);
  expect(pngFile.endsWith('.png')).toBe(true);
  const png = PNG.sync.read(readFileSync(pngFile));
  const frame = frameOf(boxes, 32);
  expect(Math.abs(png.width - frame.width * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(png.height - frame.height * 2)).toBeLessThanOrEqual(2);

  // Transparent where asked (the padding), and not blank.
  expect(pixel(png, 2, 2)[3]).toBe(0);
  expect(pixel(png, png.width - 3, png.height - 3)[3]).toBe(0);
  let opaque = 0;
  for (let i = 3; i < png.data.length; i += 4) if ((png.data[i] ?? 0) > 0) opaque++;
  expect(opaque / (png.width * png.height)).toBeGreaterThan(0.05);

  // Every edge is drawn: edge-coloured pixels along the line between the centres, outside both boxes.
  const byId = new Map(boxes.map((b) => [b.id, b]));
  for (const [from, to] of links) {
    const a = byId.get(from ?? '')!;
    const b = byId.get(to ?? '')!;
    const [ax, ay, bx, by] = [a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2];
    const inside = (p: { x: number; y: number }) =>
      [a, b].some((n) => p.x > n.x - 8 && p.x < n.x + n.w + 8 && p.y > n.y - 8 && p.y < n.y + n.h + 8);
    let sampled = 0;
    let hits = 0;
    for (let t = 0; t <= 1; t += 0.02) {
      const p = { x: ax + (bx - ax) * t, y: ay + (by - ay) * t };
      // Skip the boxes and the label at the middle.
      if (inside(p) || Math.abs(t - 0.5) < 0.12) continue;
      sampled++;
      if (colourNear(png, (p.x - frame.x) * 2, (p.y - frame.y) * 2, EDGE_LIGHT)) hits++;
    }
    expect(sampled, `edge ${from} → ${to} has room to sample`).toBeGreaterThan(4);
    expect(hits / sampled, `edge ${from} → ${to} is drawn`).toBeGreaterThan(0.9);
  }
  // The selection outline (accent colour) is not in the picture.
  const top = byId.get(ids[0] ?? '')!;
  const topBorder = [(top.x + top.w / 2 - frame.x) * 2, (top.y + 0.75 - frame.y) * 2] as const;
  expect(colourNear(png, ...topBorder, [0xdf, 0xe3, 0xea], 1)).toBe(true);
  expect(colourNear(png, ...topBorder, [0x3b, 0x6c, 0xf6], 1)).toBe(false);
  // The selection was never touched: it is still there.
  await expect(client.locator('.component.selected')).toHaveCount(1);

  // SVG: native SVG, every node label and edge label drawn as <text> (not only in the embedded board).
  await openExport(page);
  await page.getByTestId('export-format-svg').check();
  const svgFile = await download(page);
  const svg = readFileSync(svgFile, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).not.toMatch(/<foreignObject/i);
  const texts = svgTexts(svg);
  for (const label of [...drawn.labels, ...drawn.edgeTexts]) expect(texts).toContain(label);
  expect(svg.match(/marker-end=/g)?.length).toBe(3);
  expect(svg).toMatch(/<marker\b/);

  // Both files reopen as the same board.
  for (const file of [pngFile, svgFile]) {
    await clearBoard(page);
    await openThroughChooser(page, file);
    await expect(flowNodes(page)).toHaveCount(4);
    // Edges draw once their nodes are measured: wait for the board to settle.
    await expect.poll(() => boardShape(page)).toEqual(drawn);
  }
  await shot(page, 'export-reopened');
});

test('an export in the dark theme matches the stored reference, whatever the editor theme', async ({ page }) => {
  await openApp(page);
  await openThroughChooser(page, join(FIXTURES, 'board.archdrill.json'));
  await expect(flowNodes(page)).toHaveCount(6);
  await openExport(page);
  await page.getByTestId('export-format-png').check();
  await page.getByTestId('export-scale').selectOption('1');
  await page.getByTestId('export-background').selectOption('theme');
  await page.getByTestId('export-theme').selectOption('dark');
  await page.getByTestId('export-padding').fill('24');
  await page.getByTestId('export-title').check();
  const png = PNG.sync.read(readFileSync(await download(page)));
  // The editor stays light; the picture is dark (--canvas of the dark theme) with the question's title.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(pixel(png, 3, 3)).toEqual([0x11, 0x14, 0x19, 255]);

  // A missing reference is a failure, never a new one compared with itself; regenerating is on request.
  if (process.env.UPDATE_EXPORT_REFERENCE === '1') writeFileSync(REFERENCE, PNG.sync.write(png));
  expect(existsSync(REFERENCE), `missing ${REFERENCE}: run with UPDATE_EXPORT_REFERENCE=1 and look at it`).toBe(true);
  const ref = PNG.sync.read(readFileSync(REFERENCE));
  expect([png.width, png.height]).toEqual([ref.width, ref.height]);
  const diff = new PNG({ width: png.width, height: png.height });
  const changed = pixelmatch(png.data, ref.data, diff.data, png.width, png.height, { threshold: 0.15 });
  if (changed > 0) writeFileSync(join(tmpdir(), 'archdrill-export-diff.png'), PNG.sync.write(diff));
  expect(changed / (png.width * png.height)).toBeLessThan(0.005);
});

test('a PNG drawn in strips matches the one drawn on a whole canvas and carries the board', async ({ page }) => {
  await openAppBare(page, { query: '?testhooks=1' });
  await openThroughChooser(page, join(FIXTURES, 'board.archdrill.json'));
  await expect(flowNodes(page)).toHaveCount(6);
  /** Renders through the app's exporter; `whole` hides OffscreenCanvas.convertToBlob, which forces the fallback. */
  const render = (options: object, whole: boolean) =>
    page.evaluate(
      async ({ options, whole }) => {
        const proto = OffscreenCanvas.prototype as { convertToBlob?: unknown };
        const convert = proto.convertToBlob;
        if (whole) proto.convertToBlob = undefined;
        try {
          const hooks = (
            window as unknown as { __archdrill: { renderPngBase64(o: object): Promise<{ png: string; path: string }> } }
          ).__archdrill;
          return await hooks.renderPngBase64(options);
        } finally {
          proto.convertToBlob = convert;
        }
      },
      { options, whole },
    );
  for (const options of [
    { scale: 2, background: 'theme', theme: 'light' },
    { scale: 3, background: 'theme', theme: 'dark' },
    { scale: 2, background: 'transparent', theme: 'light' },
  ]) {
    const strips = await render(options, false);
    const whole = await render(options, true);
    // Transparent rows make Chromium's encoder copy a strip's first byte: the join rewrites those copies.
    expect([strips.path, whole.path]).toEqual(['bands', 'whole']);
    const a = PNG.sync.read(Buffer.from(strips.png, 'base64'));
    const b = PNG.sync.read(Buffer.from(whole.png, 'base64'));
    // Tall enough for two or more 512-row strips, so the joins are exercised.
    expect(a.height).toBeGreaterThan(600);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    // Measured on the fixture (2× light, 3× dark): 191 and 1,200 pixels differ at all (0.008 % and
    // 0.02 %), by at most 18 and 28 levels, where Chromium anti-aliases an edge slightly differently
    // on a strip than on the whole canvas; none differs at pixelmatch's threshold 0.05.
    let exact = 0;
    for (let i = 0; i < a.data.length; i += 4) if (a.data.readUInt32BE(i) === b.data.readUInt32BE(i)) exact++;
    expect(exact / (a.width * a.height)).toBeGreaterThan(0.999);
    expect(pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.05 })).toBe(0);
    // The board rides along in the strips' PNG as in the whole one.
    const board = decodeBoard(boardTextFromImage(new Uint8Array(Buffer.from(strips.png, 'base64'))) ?? '');
    expect(board.ok && board.board.nodes.length).toBe(6);
  }
});

test('the report downloads as self-contained HTML and as Markdown with its picture', async ({ page }) => {
  await openApp(page);
  await openThroughChooser(page, join(FIXTURES, 'board.archdrill.json'));
  await expect(flowNodes(page)).toHaveCount(6);

  await openExport(page);
  const htmlDl = page.waitForEvent('download');
  await page.getByTestId('export-report-html').click();
  const html = readFileSync((await (await htmlDl).path())!, 'utf8');
  expect(html).toContain('<h1>URL shortener');
  for (const section of ['The question', 'The design', 'Scorecard', 'Step by step', 'Interviewer feedback'])
    expect(html).toContain(section);
  expect(html).toContain('Overall:');
  expect(html).toContain('Base62 codes from an ID generator');
  // The report shows the exported SVG itself (crisp in print and PDF), board inside.
  const src = /<img src="data:image\/svg\+xml;charset=utf-8,([^"]{1000,})"/.exec(html)?.[1];
  expect(src).toBeDefined();
  const pictured = decodeURIComponent(src!.replace(/&amp;/g, '&'));
  expect(pictured).not.toMatch(/<foreignObject/i);
  expect(svgTexts(pictured)).toContain('Shortener API');
  expect(html).not.toMatch(/<(script|link)\b/);

  await openExport(page);
  const names: string[] = [];
  page.on('download', (d) => names.push(d.suggestedFilename()));
  await page.getByTestId('export-report-md').click();
  await expect.poll(() => names.length).toBe(2);
  expect(names.sort()).toEqual(['board-report.md', 'board-report.png']);
});

test('a board too large for the canvas exports at the largest scale that fits, with a message', async ({ page }) => {
  const huge = {
    format: 'archdrill.board',
    version: 1,
    nodes: [
      { id: 'a', kind: 'client', label: 'West', position: { x: 0, y: 0 } },
      { id: 'b', kind: 'service', label: 'East', position: { x: 12_000, y: 400 } },
    ],
    edges: [{ id: 'e', source: 'a', target: 'b' }],
    notes: {},
  };
  const file = join(tmpdir(), `huge-${Date.now()}.archdrill.json`);
  writeFileSync(file, JSON.stringify(huge));
  await openApp(page);
  await openThroughChooser(page, file);
  await expect(flowNodes(page)).toHaveCount(2);
  await openExport(page);
  await page.getByTestId('export-format-png').check();
  await page.getByTestId('export-scale').selectOption('3');
  await expect(page.getByTestId('export-clamped')).toBeVisible();
  // The message is an info toast that fades after 4 s: look for it while the big file is saved, not after.
  const [exported] = await Promise.all([
    download(page),
    expect(page.locator('.toast').filter({ hasText: 'too large for 3×' })).toBeVisible(),
  ]);
  const png = PNG.sync.read(readFileSync(exported));
  expect(png.width).toBeLessThanOrEqual(16_384);
  expect(png.width).toBeGreaterThan(16_000);
  let opaque = 0;
  for (let i = 3; i < png.data.length; i += 4) if ((png.data[i] ?? 0) > 0) opaque++;
  expect(opaque).toBe(png.width * png.height);
});

test('Ctrl+Shift+C copies the whole board to the clipboard as a PNG', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await dragFromPalette(page, 'cache', { x: 300, y: 200 });
  await dragFromPalette(page, 'sql_db', { x: 700, y: 420 });
  await canvas(page).click({ position: { x: 20, y: 600 } });
  const frame = frameOf(await nodeBoxes(page), 32);
  await page.keyboard.press('Control+Shift+C');
  await expect(page.locator('.toast').filter({ hasText: 'Copied the board' })).toBeVisible();
  const bytes = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  // Chromium re-encodes clipboard images (dropping text chunks), so only the picture itself is checked.
  const png = PNG.sync.read(Buffer.from(bytes));
  expect(Math.abs(png.width - frame.width * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(png.height - frame.height * 2)).toBeLessThanOrEqual(2);
});

/** Pixels that differ (pixelmatch, anti-aliasing ignored) as a fraction of the picture. */
const differing = (a: PNG, b: PNG, name: string) => {
  expect([a.width, a.height], `${name}: same size`).toEqual([b.width, b.height]);
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  writeFileSync(join(SHOTS_DIR, `export-diff-${name}.png`), PNG.sync.write(diff));
  return n / (a.width * a.height);
};

/** Fraction of points along each edge's visible line (off its label and markers) that carry edge colour. */
const edgeCoverage = (png: PNG, origin: { x: number; y: number }, rgb: readonly number[]) => {
  const board = decodeBoard(readFileSync(join(FIXTURES, 'board.archdrill.json'), 'utf8'));
  if (!board.ok) throw new Error(board.error);
  const boxes = new Map(board.board.nodes.map((n) => [n.id, nodeBox(n)]));
  return board.board.edges.map((e) => {
    const ends = floatingEndpoints(boxes.get(e.source)!, boxes.get(e.target)!);
    const text = edgeLabelText(e);
    const label = text ? placeEdgeLabel(text, ends, [boxes.get(e.source)!, boxes.get(e.target)!]) : null;
    let sampled = 0;
    let hits = 0;
    for (let t = 0.08; t <= 0.92; t += 0.02) {
      const p = { x: ends.sx + (ends.tx - ends.sx) * t, y: ends.sy + (ends.ty - ends.sy) * t };
      if (label && Math.abs(p.x - label.x) < label.width / 2 + 3 && Math.abs(p.y - label.y) < label.height / 2 + 3) continue;
      sampled++;
      if (colourNear(png, p.x - origin.x, p.y - origin.y, rgb)) hits++;
    }
    return { id: e.id, sampled, share: hits / Math.max(1, sampled) };
  });
};

/**
 * Measured tolerances (Debian Chromium and librsvg 2.54 on the CI image, the
 * fixture board at 1×, pixelmatch threshold 0.1): librsvg vs Chromium differ
 * in 0.18 % of pixels (glyph anti-aliasing); the canvas screenshot vs either
 * export in 0.8 % (the canvas's background dots, the components' drop shadow,
 * glyph anti-aliasing). The issue's bound for the two engines is 2 %; the
 * canvas bound sits a little above its measurement.
 */
const RSVG_VS_CHROMIUM = 0.02;
const CANVAS_VS_EXPORT = 0.015;

test.describe('pictures match the canvas', () => {
  test.use({ viewport: { width: 1800, height: 1000 } });

  test('librsvg and Chromium draw the exported SVG alike, and both match the canvas at zoom 1', async ({ page }) => {
    test.skip(spawnSync('rsvg-convert', ['--version']).status !== 0, 'rsvg-convert (librsvg2-bin) is not installed');
    await openApp(page);
    await openThroughChooser(page, join(FIXTURES, 'board.archdrill.json'));
    await expect(flowNodes(page)).toHaveCount(6);
    await expect(page.locator('.edge-label')).toHaveCount(5);
    // Fold the legend away, as someone tidying the view would, so it covers none of the board.
    await page.getByTestId('protocol-legend').getByRole('button').click();

    await openExport(page);
    await page.getByTestId('export-format-svg').check();
    await page.getByTestId('export-background').selectOption('theme');
    await page.getByTestId('export-theme').selectOption('light');
    await page.getByTestId('export-padding').fill('24');
    await page.getByTestId('export-title').uncheck();
    await page.getByTestId('export-legend').uncheck();
    const svgFile = await download(page);
    await openExport(page);
    await page.getByTestId('export-format-png').check();
    await page.getByTestId('export-scale').selectOption('1');
    const chromium = PNG.sync.read(readFileSync(await download(page)));
    const rsvgFile = `${svgFile}.rsvg.png`;
    expect(spawnSync('rsvg-convert', ['-z', '1', '-o', rsvgFile, svgFile]).status).toBe(0);
    const rsvg = PNG.sync.read(readFileSync(rsvgFile));

    // The canvas at zoom 1, cut to the exported frame: the viewBox origin is the frame's top-left in flow units.
    const viewBox = /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(readFileSync(svgFile, 'utf8'))!;
    const [fx, fy, fw, fh] = viewBox.slice(1).map(Number) as [number, number, number, number];
    const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const [, tx, ty, zoom] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(transform)!.map(Number) as number[];
    expect(zoom, 'the board fits at zoom 1 in this window').toBe(1);
    const pane = (await canvas(page).boundingBox())!;
    await page.mouse.move(pane.x + 2, pane.y + pane.height - 2);
    const screen = PNG.sync.read(
      await page.screenshot({ clip: { x: pane.x + tx! + fx, y: pane.y + ty! + fy, width: fw, height: fh } }),
    );
    await shot(page, 'export-canvas-at-zoom-1');

    const engines = differing(rsvg, chromium, 'rsvg-vs-chromium');
    const canvasVsChromium = differing(screen, chromium, 'canvas-vs-chromium');
    const canvasVsRsvg = differing(screen, rsvg, 'canvas-vs-rsvg');
    test.info().annotations.push({
      type: 'measured',
      description: `differing pixels: rsvg/chromium ${(engines * 100).toFixed(2)} %, canvas/chromium ${(canvasVsChromium * 100).toFixed(2)} %, canvas/rsvg ${(canvasVsRsvg * 100).toFixed(2)} %`,
    });
    console.log(test.info().annotations.at(-1)?.description);
    expect(engines).toBeLessThan(RSVG_VS_CHROMIUM);
    expect(canvasVsChromium).toBeLessThan(CANVAS_VS_EXPORT);
    expect(canvasVsRsvg).toBeLessThan(CANVAS_VS_EXPORT);

    // Every edge is drawn along its whole visible line in both renderings.
    for (const [name, png] of [
      ['chromium', chromium],
      ['rsvg', rsvg],
    ] as const)
      for (const e of edgeCoverage(png, { x: fx, y: fy }, EDGE_LIGHT)) {
        expect(e.sampled, `${name}: edge ${e.id} has room to sample`).toBeGreaterThan(5);
        expect(e.share, `${name}: edge ${e.id} is drawn`).toBeGreaterThan(0.9);
      }
  });
});

test('a partner in the room sees no theme, selection or viewport change while the other exports', async ({ browser }) => {
  const server = await startSyncServer({
    host: '127.0.0.1',
    port: 0,
    staticDir: resolve(import.meta.dirname, '../../dist/renderer'),
  });
  try {
    const room = server.createRoom();
    const link = (token: string) => `${server.url}/#/join/${room.roomId}?token=${encodeURIComponent(token)}`;
    const join = async (name: string, token: string, role: 'candidate' | 'interviewer') => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(link(token));
      await page.getByTestId('join-name').fill(name);
      // The link decides the role; the join screen says which.
      await expect(page.getByTestId('join-role')).toHaveAttribute('data-role', role);
      await page.getByTestId('join-submit').click();
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
      return page;
    };
    const ada = await join('Ada', room.tokens.candidate, 'candidate');
    const bob = await join('Bob', room.tokens.interviewer, 'interviewer');
    const cache = await dragFromPalette(ada, 'cache', { x: 300, y: 250 });
    await dragFromPalette(ada, 'sql_db', { x: 650, y: 400 });
    await expect(flowNodes(bob)).toHaveCount(2);
    // Ada selects the cache: Bob sees her selection on it. A drop selects the dropped component, so Bob first
    // sees the database selected: waiting for any one marked node would start watching before the click arrives.
    await cache.click();
    const cacheId = await cache.getAttribute('data-id');
    await expect(bob.locator('.react-flow__node.peer-selected')).toHaveAttribute('data-id', cacheId!);

    /** Records every change to the theme, the selection marks and the viewport, from now on. */
    const watch = (page: Page) =>
      page.evaluate(() => {
        const log: string[] = [];
        (window as unknown as { __changes: string[] }).__changes = log;
        const observer = new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target as HTMLElement;
            if (r.attributeName === 'data-theme') log.push(`theme ${document.documentElement.dataset.theme}`);
            else if (el.classList.contains('react-flow__viewport')) log.push(`viewport ${el.style.transform}`);
            else if (el.classList.contains('react-flow__node') || el.classList?.contains('component')) {
              // Says which node, which attribute and what it was: a failure then tells the cause apart.
              const now = el.getAttribute(r.attributeName!);
              if (r.oldValue !== now) log.push(`${el.dataset.id ?? el.className} ${r.attributeName}: ${r.oldValue} -> ${now}`);
            }
          }
        });
        observer.observe(document.documentElement, {
          attributes: true,
          attributeOldValue: true,
          subtree: true,
          attributeFilter: ['data-theme', 'class', 'style'],
        });
      });
    const changes = (page: Page) => page.evaluate(() => (window as unknown as { __changes: string[] }).__changes);
    await watch(ada);
    await watch(bob);

    // Ada exports a dark PNG and an SVG while her editor is light.
    for (const format of ['png', 'svg'] as const) {
      await openExport(ada);
      await ada.getByTestId(`export-format-${format}`).check();
      await ada.getByTestId('export-theme').selectOption('dark');
      const pending = ada.waitForEvent('download');
      await ada.getByTestId('export-download').click();
      await pending;
      await expect(ada.getByTestId('export-dialog')).toBeHidden();
    }
    await expect(ada.locator('.toast').filter({ hasText: 'Exported' }).first()).toBeVisible();

    expect(await changes(bob)).toEqual([]);
    expect(await changes(ada)).toEqual([]);
    await expect(bob.locator('.react-flow__node.peer-selected')).toHaveAttribute('data-id', cacheId!);
    await expect(ada.locator('.component.selected')).toHaveCount(1);
    await expect(ada.locator('html')).not.toHaveAttribute('data-theme', 'dark');
    await shot(bob, 'export-partner-view-after-export');
  } finally {
    await server.close();
  }
});

test('the export dialog names the title the picture will carry: the question’s, not its id', async ({ page }) => {
  await openAppBare(page, { question: 'url-shortener' });
  await dragFromPalette(page, 'service', { x: 300, y: 250 });
  await openExport(page);
  await page.getByTestId('export-format-png').check();
  await page.getByTestId('export-scale').selectOption('1');
  const title = page.getByTestId('export-title');
  await title.check();
  await expect(page.getByTestId('export-dialog').getByText('Title above the board: “URL shortener”')).toBeVisible();
  // The size it states is the size of the file it writes (the title's width and height included).
  const size = (await page.getByTestId('export-size').textContent())!.match(/(\d+) × (\d+) px/)!;
  const png = PNG.sync.read(readFileSync(await download(page)));
  expect([png.width, png.height]).toEqual([Number(size[1]), Number(size[2])]);
});

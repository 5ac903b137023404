import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { canvas, connect, dragFromPalette, edgePaths, flowNodes, openApp as openAppBare, shot } from './support/board';

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

const openThroughChooser = async (page: Page, file: string) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open').click();
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
  // The selection is back after the export.
  await expect(client.locator('.component.selected')).toHaveCount(1);

  // SVG: every node label and edge label is in the drawing itself (not only in the embedded board).
  await openExport(page);
  await page.getByTestId('export-format-svg').check();
  const svgFile = await download(page);
  const svg = readFileSync(svgFile, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  const drawing = svg.replace(/<metadata[\s\S]*?<\/metadata>/, '');
  for (const label of [...drawn.labels, ...drawn.edgeTexts]) expect(drawing).toContain(label);
  expect(drawing.match(/class="react-flow__edge-path[ "]/g)?.length).toBe(3);
  expect(drawing).toMatch(/<marker\b/);

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
  expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{1000,}"/);
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

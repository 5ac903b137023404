/**
 * `npm run bench canvas`: our Canvas against bare React Flow (its stress
 * example) in headless Chromium, at N = 300, 625 and 1,000 (`BENCH_SIZES`).
 * Builds the pages in bench/canvas/, serves them on 127.0.0.1 and, per page
 * and view (SETUPS), measures: time to all nodes drawn, node updates per
 * second while a node is dragged with the mouse, main-thread ms per drag
 * step, and remote change → DOM latency. Prints every run (the machine is
 * shared, so the spread matters), the zoom each was measured at, and the
 * ratios ours/bare with met/missed against the targets of issue 2.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_LAUNCH } from '../test/support/chromium';
import { columnsFor, fittedView, gridCells } from './canvas/grid';
import { type DragFigures, remoteLatencies, startDragProbe, stopDragProbe, watchDrawn } from './canvas/probes';
import { type PageKind, printReport, type Sample, type View } from './canvas/report';

const CONFIG = resolve(import.meta.dirname, 'canvas/vite.config.ts');
const SIZES = (process.env.BENCH_SIZES ?? '300,625,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const DRAG_MS = 3000;
/** Screen pixels per mouse step; the pointer sweeps ±80 px around the node's centre. */
const STEP_PX = 2;
const SWEEP_PX = 80;
const REMOTE_CALLS = 60;
const REMOTE_SPACING_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };

/**
 * What is measured per N: both pages at full detail at zoom 1.0 and fitted
 * (same grid, same padding, so the same zoom), and our level of detail
 * against the same fitted bare page, where the fitted zoom is low enough for it to apply.
 */
const ALL_SETUPS: readonly { readonly page: PageKind; readonly view: View }[] = [
  { page: 'bare', view: 1 },
  { page: 'ours', view: 1 },
  { page: 'bare', view: 'fit' },
  { page: 'ours', view: 'fit' },
  { page: 'ours+lod', view: 'fit' },
];
/** `BENCH_VIEWS=1` or `fit` measures only that view (a quicker run while optimising). */
const VIEWS = process.env.BENCH_VIEWS?.split(',');
const SETUPS = ALL_SETUPS.filter((s) => !VIEWS || VIEWS.includes(String(s.view)));

export async function run(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'archdrill-canvas-bench-'));
  await build({ configFile: CONFIG, build: { outDir } });
  const server = await preview({
    configFile: CONFIG,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args] });
  try {
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('canvas bench: the preview server has no port');
    const base = `http://127.0.0.1:${address.port}/`;
    console.log(`Chromium ${browser.version()}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, ${RUNS} runs per page`);
    const samples: Sample[] = [];
    const load: string[] = [`start ${loadText()}`];
    for (const n of SIZES) {
      // Alternate the order within each run so a burst of load elsewhere hits every page alike.
      for (let r = 1; r <= RUNS; r++)
        for (const setup of r % 2 === 1 ? SETUPS : [...SETUPS].reverse())
          samples.push({ n, ...setup, run: r, ...(await measure(browser, base, setup.page, setup.view, n)) });
      load.push(`after N=${n} ${loadText()}`);
    }
    printReport(samples, load);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    await rm(outDir, { recursive: true, force: true });
  }
}

const loadText = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

const URL_OF: Record<PageKind, string> = { bare: 'mode=bare', ours: 'mode=ours&lod=off', 'ours+lod': 'mode=ours&lod=on' };

/** One fresh page: drawn time, the view set, a mouse drag of the centre node, then remote moves of a neighbour. */
async function measure(
  browser: Browser,
  base: string,
  kind: PageKind,
  view: View,
  n: number,
): Promise<Omit<Sample, 'n' | 'page' | 'view' | 'run'>> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // tsx compiles this file with esbuild's keepNames, which wraps the probes' inner functions
    // in __name(); the page has no such helper, so give it an identity one.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await page.addInitScript(watchDrawn);
    await page.goto(`${base}?${URL_OF[kind]}&n=${n}`);
    const drawnMs = await page
      .waitForFunction(() => (window as { __drawnAt?: number }).__drawnAt, undefined, { timeout: 60_000 })
      .then((h) => h.jsonValue() as Promise<number>)
      .catch((e: Error) => {
        throw new Error(`canvas bench: ${kind} N=${n} never drew its nodes (${errors[0] ?? e.message})`);
      });

    const cols = columnsFor(n);
    const rows = Math.ceil(n / cols);
    const centre = Math.floor(rows / 2) * cols + Math.floor(cols / 2);
    const dragId = String(centre + 1);
    const cells = gridCells(n);
    const target = view === 'fit' ? fittedView(n, VIEWPORT) : { zoom: view, centre: cells[centre]!.position };
    const zoom = await page.evaluate(([z, at]) => window.__bench!.setView(z, at), [target.zoom, target.centre] as const);
    // What is reported must be what was drawn: every node in the DOM, and the level of detail as labelled.
    const drawn = await page.evaluate(() => ({
      nodes: document.querySelectorAll('.react-flow__node').length,
      simplified: document.querySelector('.canvas.zoomed-out') !== null,
    }));
    if (drawn.nodes < n) throw new Error(`canvas bench: ${kind} N=${n} has only ${drawn.nodes} nodes in the DOM`);
    if (kind === 'ours' && drawn.simplified) throw new Error('canvas bench: ours at full detail is simplified');
    await drag(page, dragId, 300); // warm-up: JIT and first-drag allocations
    await page.evaluate(startDragProbe, dragId);
    const figures = await drag(page, dragId, DRAG_MS, () => page.evaluate(stopDragProbe));
    if (!figures) throw new Error('canvas bench: the drag probe returned nothing');

    const remote = cells[centre + 2 * cols + 2]!;
    const latencies = await page.evaluate(remoteLatencies, {
      id: remote.id,
      at: remote.position,
      count: REMOTE_CALLS,
      spacingMs: REMOTE_SPACING_MS,
    });
    if (errors.length > 0) throw new Error(`canvas bench: ${kind} N=${n} threw in the page: ${errors[0]}`);
    return { drawnMs, zoom, simplified: drawn.simplified, drag: figures, remoteMs: latencies };
  } finally {
    await context.close();
  }
}

/**
 * Presses on the node's centre and sweeps the pointer back and forth in
 * STEP_PX steps for `ms`; `beforeRelease` reads the probe before the drop,
 * whose final write is not a drag step.
 */
async function drag(
  page: Page,
  id: string,
  ms: number,
  beforeRelease?: () => Promise<DragFigures>,
): Promise<DragFigures | undefined> {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`canvas bench: node ${id} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const end = Date.now() + ms;
  for (let i = 1; Date.now() < end; i++) {
    const phase = (i * STEP_PX) % (4 * SWEEP_PX);
    const dx = phase < 2 * SWEEP_PX ? phase - SWEEP_PX : 3 * SWEEP_PX - phase;
    await page.mouse.move(x + SWEEP_PX + dx, y);
  }
  const figures = await beforeRelease?.();
  await page.mouse.up();
  return figures;
}

/**
 * `npm run bench canvas`: our Canvas against bare React Flow (its stress
 * example) in headless Chromium, at N = 300 and 625. Builds the pages in
 * bench/canvas/, serves them on 127.0.0.1 and, per page, measures: time to
 * all nodes drawn, node updates per second while a node is dragged with the
 * mouse, main-thread ms per drag step, and remote change → DOM latency.
 * Prints every run (the machine is shared, so the spread matters) and the
 * ratios ours/bare against the targets of issue 2.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_LAUNCH } from '../test/support/chromium';
import { columnsFor, gridCells, type Mode } from './canvas/grid';
import { type DragFigures, remoteLatencies, startDragProbe, stopDragProbe, watchDrawn } from './canvas/probes';
import { printReport, type Sample } from './canvas/report';

const CONFIG = resolve(import.meta.dirname, 'canvas/vite.config.ts');
const SIZES = [300, 625] as const;
const MODES: readonly Mode[] = ['bare', 'ours'];
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const DRAG_MS = 3000;
/** Screen pixels per mouse step; the pointer sweeps ±80 px around the node's centre. */
const STEP_PX = 2;
const SWEEP_PX = 80;
const REMOTE_CALLS = 60;
const REMOTE_SPACING_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };

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
      // Alternate the pages within each run so a burst of load elsewhere hits both alike.
      for (let r = 1; r <= RUNS; r++)
        for (const mode of r % 2 === 1 ? MODES : [...MODES].reverse())
          samples.push({ n, mode, run: r, ...(await measure(browser, base, mode, n)) });
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

/** One fresh page: drawn time, a mouse drag of the centre node, then remote moves of a neighbour. */
async function measure(browser: Browser, base: string, mode: Mode, n: number): Promise<Omit<Sample, 'n' | 'mode' | 'run'>> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // tsx compiles this file with esbuild's keepNames, which wraps the probes' inner functions
    // in __name(); the page has no such helper, so give it an identity one.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await page.addInitScript(watchDrawn);
    await page.goto(`${base}?mode=${mode}&n=${n}`);
    const drawnMs = await page
      .waitForFunction(() => (window as { __drawnAt?: number }).__drawnAt, undefined, { timeout: 60_000 })
      .then((h) => h.jsonValue() as Promise<number>)
      .catch((e: Error) => {
        throw new Error(`canvas bench: ${mode} N=${n} never drew its nodes (${errors[0] ?? e.message})`);
      });
    await page.waitForTimeout(300);

    const cols = columnsFor(n);
    const rows = Math.ceil(n / cols);
    const centre = Math.floor(rows / 2) * cols + Math.floor(cols / 2);
    const dragId = String(centre + 1);
    await drag(page, dragId, 300); // warm-up: JIT and first-drag allocations
    await page.evaluate(startDragProbe, dragId);
    const figures = await drag(page, dragId, DRAG_MS, () => page.evaluate(stopDragProbe));
    if (!figures) throw new Error('canvas bench: the drag probe returned nothing');

    const remote = gridCells(n, mode)[centre + 2 * cols + 2]!;
    await page.waitForTimeout(200);
    const latencies = await page.evaluate(remoteLatencies, {
      id: remote.id,
      at: remote.position,
      count: REMOTE_CALLS,
      spacingMs: REMOTE_SPACING_MS,
    });
    if (errors.length > 0) throw new Error(`canvas bench: ${mode} N=${n} threw in the page: ${errors[0]}`);
    return { drawnMs, drag: figures, remoteMs: latencies };
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

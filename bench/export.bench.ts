/**
 * `npm run bench export`: PNG export of a 300-component board at 2× in
 * headless Chromium, through the app's own exporter (a copy of the React Flow
 * viewport restyled by the page's style sheets inside an SVG, drawn on a
 * canvas; the board embedded as an iTXt chunk). Builds the
 * renderer into a temp dir, serves it on 127.0.0.1, opens a generated board
 * through the Open button, then times `window.__archdrill.renderPng`
 * (exposed with ?testhooks=1) five times after one warm-up. Target: 1.5 s.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { encodeBoard } from '../shared/board/codec';
import type { NodeKind } from '../shared/board/kinds';
import type { Board, BoardEdge, BoardNode } from '../shared/board/types';
import { CHROMIUM_LAUNCH } from '../test/support/chromium';

const CONFIG = resolve(import.meta.dirname, '../vite.config.ts');
const N = 300;
const RUNS = 5;
const TARGET_MS = 1500;
const KINDS: readonly NodeKind[] = ['client', 'load_balancer', 'service', 'cache', 'sql_db', 'message_queue', 'worker', 'cdn'];

/** N components on a grid, each linked to its right and lower neighbours, some edges labelled. */
export const gridBoard = (n: number): Board => {
  const cols = Math.ceil(Math.sqrt(n * 1.6));
  const nodes: BoardNode[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    kind: KINDS[i % KINDS.length] as NodeKind,
    label: `${KINDS[i % KINDS.length]} ${i}`,
    position: { x: (i % cols) * 260, y: Math.floor(i / cols) * 150 },
    ...(i % 5 === 0 && { props: { replicas: 3, tech: 'v2' } }),
  }));
  const edges: BoardEdge[] = [];
  for (let i = 0; i < n; i++) {
    if ((i + 1) % cols !== 0 && i + 1 < n)
      edges.push({ id: `h${i}`, source: `n${i}`, target: `n${i + 1}`, ...(i % 4 === 0 && { protocol: 'grpc' as const }) });
    if (i + cols < n && i % 2 === 0) edges.push({ id: `v${i}`, source: `n${i}`, target: `n${i + cols}`, label: 'reads' });
  }
  return { question: 'url-shortener', nodes, edges, notes: {} };
};

interface Sample {
  readonly ms: number;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly scale: number;
  readonly cloneMs: number;
  readonly rasterMs: number;
  readonly svgChars: number;
}

export async function run(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'archdrill-export-bench-'));
  const boardFile = join(outDir, 'bench-300.archdrill.json');
  await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir: join(outDir, 'dist') } });
  await writeFile(boardFile, encodeBoard(gridBoard(N)));
  const server = await preview({
    configFile: CONFIG,
    logLevel: 'warn',
    build: { outDir: join(outDir, 'dist') },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args] });
  try {
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('export bench: the preview server has no port');
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`http://127.0.0.1:${address.port}/?testhooks=1`);
    await page.locator('.react-flow').waitFor();
    // A first visit may greet with the question picker; close it as a person would.
    await page
      .locator('dialog[open]')
      .waitFor({ timeout: 1500 })
      .then(() => page.keyboard.press('Escape'))
      .catch(() => {});
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('btn-open').click();
    await (await chooser).setFiles(boardFile);
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, N);
    // Each run asks for a different padding, so the browser cannot reuse the previous run's decoded SVG.
    const once = (padding: number) =>
      page.evaluate(async (padding): Promise<Sample> => {
        const hooks = (window as unknown as { __archdrill: { renderPng(o: object): Promise<Omit<Sample, 'ms'>> } }).__archdrill;
        const t0 = performance.now();
        const r = await hooks.renderPng({ scale: 2, padding });
        return { ms: performance.now() - t0, ...r };
      }, padding);
    const warm = await once(32);
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await once(33 + i));
    const times = samples.map((s) => s.ms).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
    console.log(
      `Chromium ${browser.version()}; ${N} components, ${gridBoard(N).edges.length} edges; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `picture ${warm.width} × ${warm.height} px at ${warm.scale}×, ${(warm.bytes / 1024 / 1024).toFixed(2)} MB with the board embedded`,
    );
    const phase = (k: 'cloneMs' | 'rasterMs') => samples.map((s) => s[k].toFixed(0)).join(', ');
    console.log(`  DOM → SVG (copy and serialise): ${phase('cloneMs')} ms; SVG of ${(warm.svgChars / 1e6).toFixed(1)} M chars`);
    console.log(`  SVG → canvas → PNG: ${phase('rasterMs')} ms`);
    console.log(`warm-up ${warm.ms.toFixed(0)} ms; runs ${samples.map((s) => s.ms.toFixed(0)).join(', ')} ms`);
    console.log(
      `PNG export at 2×: median ${median.toFixed(0)} ms — ${(median / TARGET_MS).toFixed(2)}× the ${TARGET_MS} ms target`,
    );
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * `npx tsx bench/canvas/profile.ts [n] [pages] [view]`: where a drag step's
 * main-thread time goes, bare React Flow beside our Canvas. Pages are
 * `bare,ours,ours+lod` (ours is full detail), the view `1` (zoom 1.0, the
 * default) or `fit`. Traces a 2 s mouse drag of the
 * centre node with Chromium's timeline categories and prints, per page, the
 * renderer main thread's self time per event name, per node update
 * (`PROFILE_REMOTE=1`: per partner's move instead, the bench's change → DOM
 * path; `PROFILE_CSS=...` adds a style sheet, to try what a rule costs). A tool for
 * finding what to optimise, not a benchmark (bench/canvas.bench.ts is that).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_LAUNCH } from '../../test/support/chromium';
import { columnsFor, fittedView, gridCells } from './grid';
import { remoteLatencies, startDragProbe, stopDragProbe, watchDrawn } from './probes';
import type { PageKind, View } from './report';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of a complete event, µs: what the thread spent, not counting time it waited for a core. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { name?: string };
}

const CONFIG = resolve(import.meta.dirname, 'vite.config.ts');
const N = Number(process.argv[2] ?? 625);
const PAGES = (process.argv[3]?.split(',') ?? ['bare', 'ours']) as PageKind[];
const VIEW: View = process.argv[4] === 'fit' ? 'fit' : Number(process.argv[4] ?? 1);
const URL_OF: Record<PageKind, string> = { bare: 'mode=bare', ours: 'mode=ours&lod=off', 'ours+lod': 'mode=ours&lod=on' };
const VIEWPORT = { width: 1280, height: 800 };
/** `PROFILE_JS=1` also samples script every 0.1 ms (named functions); the sampler slows the page, so it is off by default. */
const SAMPLE_JS = process.env.PROFILE_JS === '1';
/** `PROFILE_TRACE=dir` writes each page's trace there (`<page>-<n>.json`, for Perfetto; with PROFILE_JS, `.cpuprofile` for DevTools). */
const TRACE_DIR = process.env.PROFILE_TRACE;
/** `PROFILE_REMOTE=1` traces partners' moves (bench/canvas.bench.ts's change → DOM path) instead of a drag: per move, not per update. */
const REMOTE = process.env.PROFILE_REMOTE === '1';
const REMOTE_MOVES = 40;
/** `PROFILE_CSS='.component { box-shadow: none }'` adds a style sheet to every page: what would dropping that cost save? */
const EXTRA_CSS = process.env.PROFILE_CSS;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8.execute'];

/** CPU ms per renderer thread (its top-level events), main thread excluded: compositor and raster work. */
function otherThreads(events: readonly TraceEvent[]): Map<string, number> {
  const names = new Map(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']),
  );
  const out = new Map<string, number>();
  const endOf = new Map<string, number>();
  for (const e of [...events].filter((x) => x.ph === 'X' && x.dur !== undefined).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    const name = names.get(key) ?? '?';
    if (name === 'CrRendererMain' || !/Compositor|Raster/.test(name)) continue;
    if (e.ts < (endOf.get(key) ?? 0)) continue; // nested in an event already counted
    endOf.set(key, e.ts + (e.dur ?? 0));
    out.set(name, (out.get(name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return out;
}

/**
 * Self time per event name on the renderer's main thread (complete events nest
 * by time), wall (`dur`) or CPU (`tdur`): on a shared machine the CPU time is
 * the steadier figure, since wall time counts the waits for a core.
 */
function selfTimes(events: readonly TraceEvent[], field: 'dur' | 'tdur' = 'dur'): Map<string, number> {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('profile: no CrRendererMain thread in the trace');
  const xs = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, number>();
  const stack: { e: TraceEvent; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.e.ts + (top.e.dur ?? 0) > upTo) return;
      stack.pop();
      const own = top.e[field] ?? 0;
      out.set(top.e.name, (out.get(top.e.name) ?? 0) + Math.max(0, own - top.child) / 1000);
      if (stack.length > 0) stack[stack.length - 1]!.child += own;
    }
  };
  for (const e of xs) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return out;
}

interface CpuProfile {
  readonly nodes: readonly {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time per function (name, file and line) of a sampled CPU profile, ms, largest first. */
function jsSelfTimes(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id);
    if (!f) return;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...out].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
}

async function dragFor(page: Page, id: string, ms: number) {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`profile: node ${id} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const end = Date.now() + ms;
  for (let i = 1; Date.now() < end; i++) await page.mouse.move(x + 80 + ((i * 2) % 160) - 80, y);
}

async function tracedDrag(page: Page, id: string): Promise<{ updates: number; durationMs: number }> {
  await page.evaluate(startDragProbe, id);
  await dragFor(page, id, 2000);
  const figures = await page.evaluate(stopDragProbe);
  await page.mouse.up();
  return figures;
}

/** A partner moving a node near the centre REMOTE_MOVES times, as the bench does; `updates` counts the moves. */
async function remoteMoves(page: Page, centre: number): Promise<{ updates: number; durationMs: number }> {
  const cell = gridCells(N)[centre + 2 * columnsFor(N) + 2] ?? gridCells(N)[centre]!;
  const t0 = Date.now();
  const ms = await page.evaluate(remoteLatencies, { id: cell.id, at: cell.position, count: REMOTE_MOVES, spacingMs: 50 });
  const sorted = ms.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  console.log(
    `  change → DOM median ${sorted[sorted.length >> 1]?.toFixed(2)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(2)} ms`,
  );
  return { updates: REMOTE_MOVES, durationMs: Date.now() - t0 };
}

async function main() {
  const outDir = await mkdtemp(join(tmpdir(), 'archdrill-canvas-profile-'));
  // Unminified, so the script profile names React Flow's and our functions.
  await build({ configFile: CONFIG, build: { outDir, minify: false } });
  const server = await preview({ configFile: CONFIG, build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args] });
  try {
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('profile: the preview server has no port');
    console.log(
      `N=${N}, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const mode of PAGES) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
      await page.addInitScript(watchDrawn);
      await page.goto(`http://127.0.0.1:${address.port}/?${URL_OF[mode]}&n=${N}`);
      await page.waitForFunction(() => (window as { __drawnAt?: number }).__drawnAt, undefined, { timeout: 60_000 });
      if (EXTRA_CSS) await page.addStyleTag({ content: EXTRA_CSS });
      const cols = columnsFor(N);
      const centre = Math.floor(Math.ceil(N / cols) / 2) * cols + Math.floor(cols / 2);
      const id = String(centre + 1);
      const target = VIEW === 'fit' ? fittedView(N, VIEWPORT) : { zoom: VIEW, centre: gridCells(N)[centre]!.position };
      const zoom = await page.evaluate(([z, at]) => window.__bench!.setView(z, at), [target.zoom, target.centre] as const);
      await dragFor(page, id, 300);
      await page.mouse.up();
      const cdp = await context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (d) => {
        events.push(...(d.value as unknown as TraceEvent[]));
      });
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
      if (SAMPLE_JS) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const figures = REMOTE ? await remoteMoves(page, centre) : await tracedDrag(page, id);
      const sampled = SAMPLE_JS ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }) : null;
      await cdp.send('Tracing.end');
      await done;
      const per = figures.updates;
      const unit = REMOTE ? 'remote move' : 'update';
      if (TRACE_DIR) await writeFile(join(TRACE_DIR, `${mode}-${N}.json`), JSON.stringify({ traceEvents: events }));
      const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      const cpu = [...selfTimes(events, 'tdur')].sort((a, b) => b[1] - a[1]);
      console.log(
        `\n${mode} at zoom ${zoom.toFixed(2)}: ${per} ${unit}s in ${figures.durationMs.toFixed(0)} ms, main thread ${(sum(selfTimes(events)) / per).toFixed(2)} ms wall, ${(sum(new Map(cpu)) / per).toFixed(2)} ms CPU per ${unit}`,
      );
      const others = [...otherThreads(events)].map(([name, t]) => `${name} ${(t / per).toFixed(2)}`);
      console.log(`  other threads, CPU ms per ${unit}: ${others.join(', ')}`);
      console.log(`  main thread, self CPU ms per ${unit}:`);
      for (const [name, t] of cpu.slice(0, 16)) console.log(`  ${(t / per).toFixed(2).padStart(7)}  ${name}`);
      if (!sampled) {
        await context.close();
        continue;
      }
      const { profile } = sampled;
      if (TRACE_DIR) await writeFile(join(TRACE_DIR, `${mode}-${N}.cpuprofile`), JSON.stringify(profile));
      console.log(`  script, self ms per ${unit}:`);
      for (const [name, t] of jsSelfTimes(profile).slice(0, 25)) console.log(`  ${(t / per).toFixed(2).padStart(7)}  ${name}`);
      const byFile = new Map<string, number>();
      for (const [name, t] of jsSelfTimes(profile)) {
        const file = name.split(' ').pop()?.split(':')[0] || '(native)';
        byFile.set(file, (byFile.get(file) ?? 0) + t);
      }
      console.log(`  script by file: ${[...byFile].map(([f, t]) => `${f} ${(t / per).toFixed(2)}`).join(', ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    await rm(outDir, { recursive: true, force: true });
  }
}

await main();

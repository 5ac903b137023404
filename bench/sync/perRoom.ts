/**
 * The sync bench's memory per room: each server measured the same way, so the
 * figure is what one more room costs, not the process's one-off costs (JIT
 * code, buffer pools, the store's first handles, V8's young generation)
 * spread over however few rooms were open.
 */
import { rmSync } from 'node:fs';
import type { Child } from './child';
import * as h from './harness';
import type { MemoryReport } from './memory';

const { KiB, MiB, memory } = h;

/** Rooms that warm each server up and leave before its baseline. */
const WARM_ROOMS = 50;
/** The room counts held (each added to the last, in one server process). */
const SIZES: readonly number[] = h.QUICK ? [100, 200] : [100, 500];
/**
 * V8's young generation, fixed at its default maximum (2 × 16 MiB
 * semi-spaces) and filled before the baseline. Left to size itself it grows
 * 8 → 16 → 32 MiB as the edit rate rises: one step of 16 MiB is 160 KiB per
 * room at 100 rooms, and when it falls depends on the load, not on the rooms.
 */
const SEMI_SPACE_MIB = 16;
const YOUNG_GEN_FLAGS = [`--min-semi-space-size=${SEMI_SPACE_MIB}`, `--max-semi-space-size=${SEMI_SPACE_MIB}`];
const RUN_MS = h.QUICK ? 2000 : 3000;
const TARGET_KIB = 100;

interface Point {
  readonly n: number;
  readonly mem: MemoryReport;
  readonly saturated: string | null;
}

const perRoom = (a: MemoryReport, b: MemoryReport, rooms: number) => ({
  rss: (b.rss - a.rss) / rooms / KiB,
  heap: (b.heapUsed - b.codeUsed - (a.heapUsed - a.codeUsed)) / rooms / KiB,
});

/**
 * Memory once the store has written every edit sent (ours): a batch being
 * written holds its updates, more of them the busier the disk, and that is
 * the store's backlog, not what a room holds.
 */
const settled = async (server: Child): Promise<MemoryReport> => {
  for (let waited = 0; ; waited += 50) {
    const mem = await memory(server);
    if (!mem.pendingWrites || waited >= 5000) return mem;
    await h.sleep(50);
  }
};

/** One server: warm-up round, baseline, then each size held under load. */
const measureServer = async (kind: h.ServerKind): Promise<{ base: MemoryReport; points: Point[] }> => {
  const dataDir = kind === 'ours' ? h.tempDir() : undefined;
  // Rooms leave memory 1 s after their last client: the warm-up's are gone before the baseline.
  const server = await h.startServer(kind, { dataDir, idleMs: 1000, nodeArgs: YOUNG_GEN_FLAGS });
  const warm = await h.openLoad(server.ready, h.makeRooms(WARM_ROOMS));
  await h.runLoad(warm, RUN_MS);
  await h.closeLoad(warm);
  // The stock server frees no room without persistence (its bin's default): its warm-up rooms stay in its baseline.
  for (let waited = 0; kind !== 'stock' && (await memory(server)).rooms > 0 && waited < 10_000; waited += 250) await h.sleep(250);
  await server.ask({ fillYoung: 8 * SEMI_SPACE_MIB * MiB }, 'filled');
  const base = await memory(server);
  const heapDir = process.env.BENCH_SYNC_HEAP;
  // BENCH_SYNC_HEAP=DIR: heap snapshots at the baseline and at each size, to see what a room holds (diff them by constructor).
  if (heapDir) await server.ask({ heap: `${heapDir}/${kind}-base.heapsnapshot` }, 'heapWritten');
  const workers: Child[] = [];
  const points: Point[] = [];
  let held = 0;
  for (const n of SIZES) {
    workers.push(...(await h.openLoad(server.ready, h.makeRooms(n - held))));
    held = n;
    const results = await h.runLoad(workers, RUN_MS);
    points.push({ n, mem: await settled(server), saturated: h.saturation(results) });
    if (heapDir) await server.ask({ heap: `${heapDir}/${kind}-${n}.heapsnapshot` }, 'heapWritten');
  }
  await h.closeLoad(workers);
  await server.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  return { base, points };
};

export const memoryPhase = async (): Promise<void> => {
  const started = performance.now();
  console.log(
    `\nMemory per room (2 clients/room, each making ${h.EDITS_PER_SEC} edits/s), each server in its own process, measured alike:`,
  );
  console.log(
    `  ${WARM_ROOMS} rooms warm the server up (edits for ${RUN_MS / 1000} s) and leave; V8's young generation is fixed at 2 × ${SEMI_SPACE_MIB} MiB (its default maximum) and filled;`,
  );
  console.log(
    `  then baseline (full GC), then ${SIZES.join(' then ')} rooms held with edits running ${RUN_MS / 1000} s at each: per room = (memory − baseline) / rooms at that size;`,
  );
  console.log(
    `  marginal = (memory at ${SIZES[1]} − at ${SIZES[0]}) / ${SIZES[1]! - SIZES[0]!}: what one more room costs once every one-off cost is paid.`,
  );
  console.log(
    '  ours is measured once its store has no write in flight (a batch being written holds its edits: backlog, not rooms).',
  );
  if (process.env.BENCH_SYNC_HEAP)
    console.log('  BENCH_SYNC_HEAP: a heap snapshot inflates RSS after it; read the heap figures only.');
  console.log(
    '  RSS is the whole process (native sockets, allocator slack); heap+ext is live V8 heap + external after a full GC, less compiled code (the JIT adds to it as functions get hot, whatever the rooms): the steadier figure.',
  );
  console.log(
    '  server    baseline RSS  ' +
      SIZES.map((n) => `${n} rooms: KiB/room RSS / heap+ext`.padEnd(36)).join('') +
      'marginal RSS / heap+ext',
  );
  const figures = new Map<h.ServerKind, { points: { rss: number; heap: number }[]; marginal: { rss: number; heap: number } }>();
  for (const kind of ['stock', 'ours', 'ours-mem'] as const) {
    const { base, points } = await measureServer(kind);
    const each = points.map((p) => perRoom(base, p.mem, p.n));
    const marginal = perRoom(points[0]!.mem, points[1]!.mem, points[1]!.n - points[0]!.n);
    figures.set(kind, { points: each, marginal });
    console.log(
      `  ${kind.padEnd(9)} ${`${h.fmt(base.rss / MiB, 1)} MiB`.padStart(12)}  ${each.map((f) => `${h.fmt(f.rss, 1)} / ${h.fmt(f.heap, 1)}`.padEnd(36)).join('')}${h.fmt(marginal.rss, 1)} / ${h.fmt(marginal.heap, 1)}`,
    );
    const young = [base, ...points.map((p) => p.mem)].map((m) => h.fmt(m.youngGen / MiB, 0));
    console.log(
      `            RSS ${points.map((p) => `${h.fmt(p.mem.rss / MiB, 1)} MiB at ${p.n}`).join(', ')}; young generation ${young.join(' → ')} MiB`,
    );
    for (const p of points) if (p.saturated) console.log(`            ⚠ at ${p.n} rooms: ${p.saturated} (memory still counts)`);
  }
  const ours = figures.get('ours')!;
  const stock = figures.get('stock')!;
  for (const [i, n] of SIZES.entries()) {
    const o = ours.points[i]!;
    const s = stock.points[i]!;
    console.log(
      `  ours at ${n} rooms: ${h.fmt(o.rss, 1)} KiB RSS/room (target ≤ ${TARGET_KIB} KiB) ${h.verdict(o.rss, TARGET_KIB)}; ${h.fmt(o.rss / s.rss)}× stock's RSS/room, ${h.fmt(o.heap / s.heap)}× its heap+ext/room`,
    );
  }
  console.log(
    `  ours marginal: ${h.fmt(ours.marginal.rss, 1)} KiB RSS/room ${h.verdict(ours.marginal.rss, TARGET_KIB)}, ${h.fmt(ours.marginal.heap / stock.marginal.heap)}× stock's heap+ext/room; ${h.fmt((performance.now() - started) / 1000, 0)} s; load ${h.loadNow()}`,
  );
};

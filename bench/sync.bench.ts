/// <reference path="../electron/sync/y-leveldb.d.ts" />
/**
 * `npm run bench sync`: the sync server under load, against the stock
 * @y/websocket-server 0.1.1 in the same run. Servers and load generators are
 * separate processes, so a server's RSS is its own. BENCH_QUICK=1 for a short run.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LeveldbPersistence } from 'y-leveldb';
import type * as Y from 'yjs';
import { FLUSH_MS } from '../electron/sync/leveldbStore';
import type { Child } from './sync/child';
import {
  closeLoad,
  EDITS_PER_SEC,
  fmt,
  loadNow,
  MiB,
  makeRooms,
  median,
  memory,
  openLoad,
  QUICK,
  type Room,
  runLoad,
  type ServerKind,
  saturation,
  sleep,
  startServer,
  tempDir,
  verdict,
} from './sync/harness';
import type { WindowReport } from './sync/memory';
import { memoryPhase } from './sync/perRoom';
import { measureCpuPressure } from './sync/procCpu';

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** One server under load for one measured window: its latency samples. */
interface PhaseRun {
  samples: number[];
  saturated: string | null;
  /** What the server spent over the measured window alone. */
  spent: WindowReport;
  /** Share of the window in which some task on the machine waited for a CPU (Linux PSI; NaN elsewhere). */
  pressure: number;
}

const sortedSamples = (r: PhaseRun): number[] => [...r.samples].sort((a, b) => a - b);

/**
 * Samples a server's pooled p99 needs to be stable: at a few rooms, 2 edits/s
 * per client give too few in a short run, so small sizes run longer.
 */
const MIN_SAMPLES = QUICK ? 400 : 2000;
const runMsFor = (n: number, rounds: number, atLeast: number): number =>
  Math.max(atLeast, Math.ceil((MIN_SAMPLES / (rounds * n * 2 * EDITS_PER_SEC)) * 1000));

/** A server started with its rooms' clients connected and warmed up, ready to be measured. */
interface Prepared {
  readonly kind: ServerKind;
  readonly n: number;
  readonly server: Child;
  readonly workers: Child[];
  readonly dataDir: string | undefined;
}

/** BENCH_SYNC_NODE_ARGS="--flag …": more Node flags for every latency server alike (an experiment, e.g. on GC threads). */
const SERVER_NODE_ARGS = process.env.BENCH_SYNC_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

const prepare = async (kind: ServerKind, n: number): Promise<Prepared> => {
  const dataDir = kind === 'ours' ? tempDir() : undefined;
  const server = await startServer(kind, { dataDir, nodeArgs: SERVER_NODE_ARGS });
  const workers = await openLoad(server.ready, makeRooms(n));
  await runLoad(workers, QUICK ? 500 : 1500);
  return { kind, n, server, workers, dataDir };
};

/** BENCH_SYNC_PROF=DIR: a V8 CPU profile of each server's measured window (not its start, warm-up or shutdown). */
const PROF_DIR = process.env.BENCH_SYNC_PROF;
// A server that cannot write its profile never answers, and the bench would wait for it forever.
if (PROF_DIR) mkdirSync(PROF_DIR, { recursive: true });
let profiled = 0;

const measure = async ({ kind, n, server, workers }: Prepared, runMs: number): Promise<PhaseRun> => {
  if (PROF_DIR) await server.ask({ prof: 'start' }, 'profiling');
  await server.ask({ window: 'start' }, 'windowOpen');
  const pressure = measureCpuPressure();
  const results = await runLoad(workers, runMs);
  const waited = pressure();
  const spent = await server.ask<WindowReport>({ window: 'stop' }, 'window');
  if (PROF_DIR) await server.ask({ prof: 'stop', file: join(PROF_DIR, `${kind}-${n}-${++profiled}.cpuprofile`) }, 'profiled');
  return { samples: results.flatMap((r) => r.samples), saturated: saturation(results), spent, pressure: waited };
};

/** Stops a server and its load; ours only: the limits that acted over its whole life (name → count), empty when none did. */
const finish = async ({ server, workers, dataDir }: Prepared): Promise<Record<string, number>> => {
  const mem = await memory(server);
  await closeLoad(workers);
  await server.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  return Object.fromEntries(Object.entries(mem.limits ?? {}).filter(([, v]) => v > 0));
};

/**
 * A server's figures over its rounds whose load generator kept up: samples
 * pooled. A saturated round measures the generator, not the
 * server, so it is counted (`excluded`) but left out of every figure.
 */
interface LoadFigures {
  p50: number;
  p95: number;
  p99: number;
  count: number;
  rounds: number;
  excluded: string[];
  /** Limits that acted in any round, summed (ours only). */
  limitHits: Record<string, number>;
}
const sumCounts = (counts: readonly Record<string, number>[]): Record<string, number> => {
  const sum: Record<string, number> = {};
  for (const c of counts) for (const [k, v] of Object.entries(c)) sum[k] = (sum[k] ?? 0) + v;
  return sum;
};
const pool = (all: readonly PhaseRun[], limitHits: Record<string, number>): LoadFigures => {
  const runs = all.filter((r) => !r.saturated);
  const samples = runs.flatMap((r) => r.samples).sort((a, b) => a - b);
  return {
    p50: pct(samples, 50),
    p95: pct(samples, 95),
    p99: pct(samples, 99),
    count: samples.length,
    rounds: runs.length,
    excluded: all.flatMap((r) => (r.saturated ? [r.saturated] : [])),
    limitHits,
  };
};

/** BENCH_SYNC_ROOMS=100,500 picks the room counts of the latency table. */
const latencySizes = (): number[] => process.env.BENCH_SYNC_ROOMS?.split(',').map(Number) ?? (QUICK ? [10, 100] : [10, 100, 500]);
/**
 * BENCH_SYNC_ROUNDS: above TOGETHER_UP_TO rooms, the measured windows per
 * server. All three servers are started with their clients connected, and
 * take turns under load in short windows, in a rotating order: a burst of
 * load from elsewhere on the machine (seconds long, on this shared machine)
 * then lands on all three alike, not on one server's whole run.
 */
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? (QUICK ? 2 : 6));
/** Each window's length (longer at small sizes, for MIN_SAMPLES). */
const WINDOW_MS = QUICK ? 1000 : 2000;
const KINDS: readonly ServerKind[] = ['stock', 'ours', 'ours-mem'];
/**
 * Up to this many rooms the three servers run at once, in one round: their
 * load is light (40 edits/s at 10 rooms), so they do not compete, and the
 * samples a stable p99 needs take one long round instead of three.
 */
const TOGETHER_UP_TO = 20;
const latencyTable = async () => {
  console.log(`\nLatency, edit in one client → arrival in the other (loopback, 2 clients/room, ${EDITS_PER_SEC} edits/s each)`);
  console.log('  stock    = @y/websocket-server 0.1.1, rooms in memory (as its bin runs by default)');
  console.log('  ours     = auth + y-leveldb persistence (what `archdrill serve --data` runs)');
  console.log('  ours-mem = auth, rooms in memory: ours − ours-mem is what persistence costs');
  console.log(
    `  the three servers are started with their clients connected; up to ${TOGETHER_UP_TO} rooms they run at once, over the same seconds; above, they take turns under load, ${ROUNDS} windows of ${WINDOW_MS / 1000} s each per size in rotating order; each window waits for its edits in flight; samples pooled (at least ${MIN_SAMPLES} per server: small sizes run longer); memory per room is its own phase, below`,
  );
  console.log(
    '  a round whose load generator saturated (cpu > 85 % or loop lag p99 > 50 ms) is flagged ⚠ and left out of the figures',
  );
  console.log(
    process.env.BENCH_SYNC_PIN === '1'
      ? '  BENCH_SYNC_PIN=1: servers pinned to every core but the last, load generators to the last (taskset)'
      : '  no process pinned to a core (BENCH_SYNC_PIN=1 pins servers and load generators apart)',
  );
  if (SERVER_NODE_ARGS.length > 0) console.log(`  BENCH_SYNC_NODE_ARGS: every server runs with ${SERVER_NODE_ARGS.join(' ')}`);
  console.log(
    "  cpu pressure: the share of a window in which some task on the machine waited for a CPU (Linux PSI), this bench's own included",
  );
  console.log('  rooms  server    p50 ms  p95 ms  p99 ms  samples  rounds');
  const ratio = (a: LoadFigures, b: LoadFigures) =>
    `p50 ${fmt(a.p50 / b.p50)}×  p95 ${fmt(a.p95 / b.p95)}× ${verdict(a.p95 / b.p95, 1.2)}  p99 ${fmt(a.p99 / b.p99)}× ${verdict(a.p99 / b.p99, 1.2)}`;
  for (const n of latencySizes()) {
    const started = performance.now();
    const together = n <= TOGETHER_UP_TO;
    const rounds = together ? 1 : ROUNDS;
    const runMs = runMsFor(n, rounds, together ? (QUICK ? 2000 : 6000) : WINDOW_MS);
    const runs = new Map<ServerKind, PhaseRun[]>(KINDS.map((k) => [k, []]));
    // Started one after another (a thousand clients connecting is a burst of its own), then all held at once.
    const prepared: Prepared[] = [];
    for (const k of KINDS) prepared.push(await prepare(k, n));
    if (together) {
      // All three at once, measured over the same seconds: a burst from elsewhere on the machine lands on each alike.
      const results = await Promise.all(prepared.map((p) => measure(p, runMs)));
      for (const [i, k] of KINDS.entries()) runs.get(k)!.push(results[i]!);
    } else {
      // Warmed again in turn, so none starts measuring after a longer idle than the others.
      for (const p of prepared) await runLoad(p.workers, QUICK ? 300 : 1000);
      for (let r = 0; r < rounds; r++)
        for (let i = 0; i < KINDS.length; i++) {
          const p = prepared[(i + r) % KINDS.length]!;
          runs.get(p.kind)!.push(await measure(p, runMs));
        }
    }
    const limitHits = new Map<ServerKind, Record<string, number>>();
    for (const p of prepared) limitHits.set(p.kind, await finish(p));
    const [stock, ours, mem] = KINDS.map((k) => pool(runs.get(k)!, limitHits.get(k)!)) as [LoadFigures, LoadFigures, LoadFigures];
    for (const [name, f] of [
      ['stock', stock],
      ['ours', ours],
      ['ours-mem', mem],
    ] as const) {
      console.log(
        `  ${String(n).padStart(5)}  ${name.padEnd(8)} ${fmt(f.p50).padStart(7)} ${fmt(f.p95).padStart(7)} ${fmt(f.p99).padStart(7)} ${String(f.count).padStart(8)}  ${`${f.rounds}/${rounds}`.padStart(6)}`,
      );
      for (const why of f.excluded) console.log(`                  ⚠ round excluded: ${why}`);
    }
    // Each round's own tail, in the order run: one round caught by a burst from elsewhere on the machine shows here, not only in the pool.
    if (!together)
      for (const kind of KINDS) {
        const each = runs.get(kind)!.map((r) => {
          const sorted = sortedSamples(r);
          return `${fmt(pct(sorted, 95))}/${fmt(pct(sorted, 99))}${r.saturated ? ' ⚠' : ''} (${fmt(r.pressure * 100, 0)}%)`;
        });
        console.log(`         ${kind.padEnd(8)} p95/p99 per round (cpu pressure): ${each.join(', ')}`);
      }
    // Per edit relayed, over the measured windows (every round, saturated or not): what each server spent.
    for (const kind of KINDS) {
      const rs = runs.get(kind)!;
      const edits = rs.reduce((a, r) => a + r.samples.length, 0);
      const sum = (pick: (w: WindowReport) => number) => rs.reduce((a, r) => a + pick(r.spent), 0);
      console.log(
        `         ${kind.padEnd(8)} per edit: cpu ${fmt(sum((w) => w.cpuMicros) / edits, 1)} µs, allocated ${fmt(sum((w) => w.allocated) / edits, 0)} B, promoted ${fmt(sum((w) => w.promoted) / edits, 0)} B; scavenges ${sum((w) => w.scavenges)} (${fmt(
          sum((w) => w.scavengeMs),
          1,
        )} ms), full GCs ${sum((w) => w.fullGcs)}, longest GC pause ${fmt(Math.max(...rs.map((r) => r.spent.maxPauseMs)), 1)} ms`,
      );
    }
    console.log(`         ours/stock:     ${ratio(ours, stock)}  (targets p95, p99 ≤ 1.2×)`);
    console.log(`         ours-mem/stock: ${ratio(mem, stock)}`);
    if (!together) {
      // Robust to a burst from elsewhere that hits one or two windows: each server's typical window, unsaturated ones only.
      const typical = (kind: ServerKind, p: number) =>
        median(
          runs
            .get(kind)!
            .filter((r) => !r.saturated)
            .map((r) => pct(sortedSamples(r), p)),
        );
      const [s95, s99] = [typical('stock', 95), typical('stock', 99)];
      console.log(
        `         median window's p95/p99, ours/stock ${fmt(typical('ours', 95) / s95)}× / ${fmt(typical('ours', 99) / s99)}×, ours-mem/stock ${fmt(typical('ours-mem', 95) / s95)}× / ${fmt(typical('ours-mem', 99) / s99)}× (for reading the pooled ratios, not a target)`,
      );
    }
    const { echoedPresence: echoes = 0, ...acted } = sumCounts([ours.limitHits, mem.limitHits]);
    const hits = Object.entries(acted).map(([k, v]) => `${k} ${v}`);
    console.log(
      `         limits on (defaults), ours + ours-mem: ${hits.length === 0 ? 'none acted (nothing dropped, no connection closed)' : `ACTED: ${hits.join(', ')}`}; ${echoes} echoes of a peer's presence dropped (the stock client sends them back; expected)`,
    );
    console.log(
      `         ${together ? 'the three servers at once' : 'one server at a time'}, ${runMs / 1000} s per window, ${fmt((performance.now() - started) / 1000, 0)} s in all; load ${loadNow()}`,
    );
  }
};

const heldPhase = async () => {
  const n = QUICK ? 200 : 1000;
  // Not the server's 30 s default: how memory comes back does not depend on the wait before it starts.
  const idleMs = QUICK ? 2000 : 5000;
  const dataDir = tempDir();
  const server = await startServer('ours', { dataDir, idleMs });
  const base = await memory(server);
  const workers = await openLoad(server.ready, makeRooms(n), 500);
  await runLoad(workers, 1000);
  const held = await memory(server);
  console.log(
    `\n${n} rooms × 2 connections held (ours, y-leveldb): server RSS ${fmt(held.rss / MiB, 1)} MiB (target ≤ 256 MB${QUICK ? ' at 1,000 rooms; a quick run holds fewer' : `: ${verdict(held.rss / 1e6, 256)}`}); baseline ${fmt(base.rss / MiB, 1)} MiB, heap+ext ${fmt(base.heapUsed / MiB, 1)} → ${fmt(held.heapUsed / MiB, 1)} MiB`,
  );
  await closeLoad(workers);
  const t0 = Date.now();
  const step = 1000;
  for (;;) {
    await sleep(step);
    const m = await memory(server);
    const s = Math.round((Date.now() - t0) / 1000);
    console.log(
      `  +${String(s).padStart(2)} s after the last client left: rooms in memory ${m.rooms}, RSS ${fmt(m.rss / MiB, 1)} MiB, heap+ext ${fmt(m.heapUsed / MiB, 1)} MiB`,
    );
    if ((m.rooms === 0 && m.heapUsed < base.heapUsed * 1.15 + 2 * MiB) || Date.now() - t0 >= 60_000) break;
  }
  console.log(
    `  (rooms leave memory ${idleMs / 1000} s after their last connection; RSS stays high where the allocator keeps freed pages)`,
  );
  await server.kill();
  rmSync(dataDir, { recursive: true, force: true });
};

/** Reads what the store holds for each room: per writer key, the last sequence number on disk. */
const onDisk = async (dataDir: string, rooms: readonly Room[]): Promise<Map<string, number>> => {
  const ldb = new LeveldbPersistence(join(dataDir, 'rooms'));
  const out = new Map<string, number>();
  for (const r of rooms) {
    const doc = (await ldb.getYDoc(r.roomId)) as Y.Doc;
    for (const [k, v] of doc.getMap<{ s: number }>('bench').entries()) out.set(`${r.roomId}/${k}`, v.s);
    doc.destroy();
  }
  await ldb.destroy();
  return out;
};

/** Per writer: the latest sequence number its peer received, and when (Date.now()). */
type Acked = [string, { s: number; at: number }][];
const missing = (acked: Acked, disk: ReadonlyMap<string, number>) => acked.filter(([id, { s }]) => (disk.get(id) ?? -1) < s);

const killPhase = async () => {
  const n = QUICK ? 20 : 100;
  const dataDir = tempDir();
  const rooms = makeRooms(n);
  let server = await startServer('ours', { dataDir });
  const port = server.ready;
  const workers = await openLoad(port, rooms);
  const running = runLoad(workers, 4000);
  await sleep(2000);
  const killedWall = Date.now();
  await server.kill('SIGKILL');
  const killedAt = performance.now();
  const acked = (await Promise.all(workers.map((w) => w.ask<Acked>({ cmd: 'acked' }, 'acked')))).flat();
  const lostFromStore = missing(acked, await onDisk(dataDir, rooms));
  const oldestLost = Math.max(0, ...lostFromStore.map(([, { at }]) => killedWall - at));
  const restartAt = performance.now();
  server = await startServer('ours', { dataDir, port });
  const listeningAt = performance.now();
  await Promise.all(workers.map((w) => w.ask({ cmd: 'synced' }, 'synced')));
  const backAt = performance.now();
  await running;
  await sleep(500);
  const finalAcked = (await Promise.all(workers.map((w) => w.ask<Acked>({ cmd: 'acked' }, 'acked')))).flat();
  await closeLoad(workers);
  await server.kill('SIGTERM');
  const lostAfter = missing(finalAcked, await onDisk(dataDir, rooms)).length;
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`\nSIGKILL mid-session (${n} rooms × 2 clients editing, y-leveldb):`);
  console.log(
    `  server restarted and listening ${fmt((listeningAt - restartAt) / 1000)} s after spawn; all ${n * 2} clients synced ${fmt((backAt - killedAt) / 1000)} s after the kill (${fmt((backAt - listeningAt) / 1000)} s after listening; target ≤ 3 s: ${verdict((backAt - listeningAt) / 1000, 3)})`,
  );
  console.log(
    `  acknowledged edits (a peer had received them) missing from the store right after the kill: ${lostFromStore.length} of ${acked.length} writers' latest` +
      (lostFromStore.length > 0
        ? `, all received by the peer ≤ ${oldestLost} ms before the kill (flush window ${FLUSH_MS} ms; the peers restore them)`
        : ''),
  );
  console.log(
    `  acknowledged edits missing after clients resynced: ${lostAfter} of ${finalAcked.length} (target 0: ${verdict(lostAfter, 0)}); load ${loadNow()}`,
  );
};

/** BENCH_SYNC_PHASES=latency,memory,held,kill picks the phases (default all). */
const phases = new Set(process.env.BENCH_SYNC_PHASES?.split(',') ?? ['latency', 'memory', 'held', 'kill']);

export const run = async (): Promise<void> => {
  const benchStarted = performance.now();
  console.log(`${QUICK ? 'BENCH_QUICK=1: short run' : 'full run (BENCH_QUICK=1 for a short one)'}; load average ${loadNow()}`);
  if (phases.has('latency')) await latencyTable();
  if (phases.has('memory')) await memoryPhase();
  if (phases.has('held')) await heldPhase();
  if (phases.has('kill')) await killPhase();
  console.log(`\nsync bench took ${fmt((performance.now() - benchStarted) / 1000, 0)} s; load average ${loadNow()}`);
};

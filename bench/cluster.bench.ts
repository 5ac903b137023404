/**
 * `npm run bench cluster`: the multi-node deployment under the sync bench's
 * load (rooms × 2 clients × 2 edits/s). In one run: one node with y-leveldb,
 * one node with PostgreSQL, and three PostgreSQL nodes behind HAProxy with
 * half the room pairs split across nodes; then the busiest node is killed.
 * Servers are the sync bench's bundled `ours.ts` children, so each setup runs
 * the same server code the same way. BENCH_QUICK=1 for a short run;
 * BENCH_CLUSTER_ROOMS=N for the room count (default 100), BENCH_CLUSTER_ROUNDS=N
 * for the alternating single-node windows (default 3), BENCH_CLUSTER_PROF=DIR
 * for CPU profiles of those windows. Each window prints the CPU every process
 * took (from /proc), so a run says when the machine is the bottleneck.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { signToken } from '../electron/sync/auth';
import { type Haproxy, startHaproxy } from '../electron/sync/cluster/haproxy';
import { type Postgres, startPostgres } from '../electron/sync/cluster/postgres';
import { freePort, waitUntil } from '../electron/sync/cluster/processes';
import { newRoomId } from '../shared/collab';
import { type Child, spawnChild } from './sync/child';
import { median } from './sync/harness';
import type { MemoryReport } from './sync/memory';
import { type CpuReport, formatCpu, measureCpu, pidsByCommandLine, SATURATED } from './sync/procCpu';

const QUICK = process.env.BENCH_QUICK === '1';
const ROOMS = Number(process.env.BENCH_CLUSTER_ROOMS ?? (QUICK ? 20 : 100));
const RUN_MS = QUICK ? 2000 : 8000;
/**
 * Windows per single node, of ROUND_MS each, alternating between the two nodes: on a shared machine the other
 * work comes in bursts of seconds, and short alternating windows expose both nodes to the same bursts.
 */
const ROUNDS = Number(process.env.BENCH_CLUSTER_ROUNDS ?? (QUICK ? 1 : 8));
const ROUND_MS = QUICK ? 2000 : 2000;
/** BENCH_CLUSTER_PROF=DIR: a CPU profile of each single node's measured window (not its start or shutdown). */
const PROF_DIR = process.env.BENCH_CLUSTER_PROF;
const EDITS_PER_SEC = 2;
const secret = randomBytes(32);
const secretHex = secret.toString('hex');
const KiB = 1024;

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const load = () =>
  loadavg()
    .map((l) => fmt(l))
    .join(' ');

interface Room {
  readonly roomId: string;
  readonly tokens: readonly [string, string];
  readonly bases?: readonly [string, string];
}
const makeRoom = (bases?: readonly [string, string]): Room => {
  const roomId = newRoomId();
  return { roomId, tokens: [signToken(secret, roomId, 'candidate'), signToken(secret, roomId, 'interviewer')], bases };
};

interface RunResult {
  samples: number[];
  cpuShare: number;
  lagP99: number;
}
/** One measured window of a single node. */
interface Window {
  readonly results: readonly RunResult[];
  readonly f: Figures;
  readonly writes: number;
  readonly rssPerRoom: number;
  readonly heapPerRoom: number;
  readonly cpuPerRoom: number;
  readonly usage: CpuReport;
}
interface Figures {
  p50: number;
  p95: number;
  p99: number;
  count: number;
  busy: string | null;
}
const figures = (results: readonly RunResult[]): Figures => {
  const s = results.flatMap((r) => r.samples).sort((a, b) => a - b);
  const busy = results.find((r) => r.cpuShare > 0.85 || r.lagP99 > 50);
  return {
    p50: pct(s, 50),
    p95: pct(s, 95),
    p99: pct(s, 99),
    count: s.length,
    busy: busy ? `load generator busy (cpu ${fmt(busy.cpuShare * 100, 0)}%, loop lag p99 ${fmt(busy.lagP99, 1)} ms)` : null,
  };
};
const row = (name: string, f: Figures) =>
  console.log(
    `  ${name.padEnd(34)} ${fmt(f.p50).padStart(7)} ${fmt(f.p95).padStart(7)} ${fmt(f.p99).padStart(7)} ${String(f.count).padStart(8)}${f.busy ? `  ⚠ ${f.busy}` : ''}`,
  );

const startNode = (store: string, port = 0) => spawnChild('ours.ts', [String(port), store, secretHex, '30000'], true);

/** One load process per group of rooms, so same-node and cross-node samples stay apart. */
const openLoad = async (base: string, rooms: readonly Room[]): Promise<Child> => {
  const w = await spawnChild('load.ts');
  await w.ask({ cmd: 'open', base, rooms }, 'opened');
  return w;
};
const runLoad = (workers: readonly Child[], ms: number) =>
  Promise.all(workers.map((w) => w.ask<RunResult>({ cmd: 'run', ms, perSec: EDITS_PER_SEC }, 'result')));
const closeLoad = (workers: readonly Child[]) =>
  Promise.all(workers.map((w) => w.ask({ cmd: 'close' }, 'closed').then(() => w.kill())));

/** Rows PostgreSQL has been given (the id sequence), for writes per second. */
const rowsWritten = async (url: string): Promise<number> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>('SELECT last_value AS n FROM archdrill_updates_id_seq');
    return Number(rows[0]!.n);
  } finally {
    await c.end();
  }
};

/** PostgreSQL's own floor for the cross-node path: NOTIFY from one session → arrival on another, one at a time. */
const notifyFloor = async (url: string): Promise<{ p50: number; p95: number }> => {
  const sender = new pg.Client({ connectionString: url, options: '-c synchronous_commit=off' });
  const listener = new pg.Client({ connectionString: url });
  await Promise.all([sender.connect(), listener.connect()]);
  try {
    await listener.query('LISTEN archdrill_bench');
    const lat: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const got = new Promise((r) => listener.once('notification', r));
      await sender.query("SELECT pg_notify('archdrill_bench', 'x')");
      await got;
      lat.push(performance.now() - t);
    }
    lat.sort((a, b) => a - b);
    return { p50: pct(lat, 50), p95: pct(lat, 95) };
  } finally {
    await Promise.all([sender.end(), listener.end()]);
  }
};

/** A single node with its own load process, warmed up; `measure` runs one window of the load on it. */
const singleNode = async (name: string, store: string, pgPids: () => number[]) => {
  const node = await startNode(store);
  const base0 = await node.ask<MemoryReport>('mem', 'mem');
  const w = await openLoad(
    `ws://127.0.0.1:${node.ready}`,
    Array.from({ length: ROOMS }, () => makeRoom()),
  );
  await runLoad([w], 1000);
  const isPg = store.startsWith('postgres');
  const windows: Window[] = [];
  return {
    name,
    windows,
    async measure(round: number): Promise<void> {
      const before = isPg ? await rowsWritten(store) : 0;
      if (PROF_DIR) await node.ask({ prof: 'start' }, 'profiling');
      const cpu = measureCpu({
        [`${name} node`]: [node.proc.pid!],
        'its load clients': [w.proc.pid!],
        ...(isPg ? { PostgreSQL: pgPids() } : {}),
        bench: [process.pid],
      });
      const t0 = performance.now();
      const results = await runLoad([w], ROUND_MS);
      const secs = (performance.now() - t0) / 1000;
      const usage = cpu();
      if (PROF_DIR) await node.ask({ prof: 'stop', file: join(PROF_DIR, `${name}-${round}.cpuprofile`) }, 'profiled');
      const mem = await node.ask<MemoryReport>('mem', 'mem');
      windows.push({
        results,
        f: figures(results),
        writes: isPg ? ((await rowsWritten(store)) - before) / secs : Number.NaN,
        rssPerRoom: (mem.rss - base0.rss) / ROOMS,
        heapPerRoom: (mem.heapUsed - base0.heapUsed) / ROOMS,
        // The server's share of one core per busy room, from /proc over the window alone.
        cpuPerRoom: usage.groups[0]!.cores / ROOMS,
        usage,
      });
    },
    async stop(): Promise<void> {
      await closeLoad([w]);
      await node.kill();
    },
  };
};
type SingleNode = Awaited<ReturnType<typeof singleNode>>;

const medianOf = (ws: readonly Window[], pick: (w: Window) => number) => median(ws.map(pick));

export const run = async (): Promise<void> => {
  console.log(
    `${QUICK ? 'BENCH_QUICK=1: short run' : 'full run (BENCH_QUICK=1 for a short one)'}; ${ROOMS} rooms × 2 clients × ${EDITS_PER_SEC} edits/s; ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per single node; ${cpus().length} cores; load average ${load()}`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'archdrill-bench-cluster-'));
  let pgServer: Postgres | null = null;
  let haproxy: Haproxy | null = null;
  const nodes: Child[] = [];
  const workers: Child[] = [];
  const singles: SingleNode[] = [];
  try {
    pgServer = await startPostgres();
    const pgData = join(pgServer.dir, 'data');
    const pgPids = () => pidsByCommandLine(`-D ${pgData}`);
    const floor = await notifyFloor(pgServer.url);
    const leveldb = await singleNode('y-leveldb', dataDir, pgPids);
    singles.push(leveldb);
    const pg1 = await singleNode('PostgreSQL', pgServer.url, pgPids);
    singles.push(pg1);
    // Both nodes stay up and take turns, in alternating order, so drift in what else the machine runs hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of round % 2 ? [pg1, leveldb] : [leveldb, pg1]) await s.measure(round);
      const [l, p] = [leveldb.windows[round]!, pg1.windows[round]!];
      console.log(
        `  round ${round + 1}: p95 y-leveldb ${fmt(l.f.p95)} ms, PostgreSQL ${fmt(p.f.p95)} ms (${fmt(p.f.p95 / l.f.p95)}×); load average ${load()}`,
      );
      console.log(`    y-leveldb window  ${formatCpu(l.usage)}`);
      console.log(`    PostgreSQL window ${formatCpu(p.usage)}`);
    }
    for (const s of singles.splice(0)) await s.stop();

    // Three nodes behind HAProxy: half the pairs through HAProxy (both clients hash to one node), half split across two nodes.
    const ports = [await freePort(), await freePort(), await freePort()];
    for (const p of ports) nodes.push(await startNode(pgServer.url, p));
    const front = await freePort();
    haproxy = await startHaproxy(
      {
        bind: `127.0.0.1:${front}`,
        statsBind: `127.0.0.1:${await freePort()}`,
        nodes: ports.map((port, i) => ({ name: `node${i + 1}`, host: '127.0.0.1', port })),
      },
      dataDir,
      false,
    );
    const half = Math.ceil(ROOMS / 2);
    const ws = (port: number) => `ws://127.0.0.1:${port}`;
    const same = Array.from({ length: half }, () => makeRoom());
    const split = Array.from({ length: ROOMS - half }, (_, i) => makeRoom([ws(ports[i % 3]!), ws(ports[(i + 1) % 3]!)]));
    const sameW = await openLoad(ws(front), same);
    const splitW = await openLoad(ws(front), split);
    workers.push(sameW, splitW);
    await runLoad(workers, 1000);
    const before = await rowsWritten(pgServer.url);
    const cpu3 = measureCpu({
      ...Object.fromEntries(nodes.map((n, i) => [`node${i + 1}`, [n.proc.pid!]])),
      'load clients': workers.map((w) => w.proc.pid!),
      PostgreSQL: pgPids(),
      HAProxy: [haproxy.pid],
      bench: [process.pid],
    });
    const t0 = performance.now();
    const [sameR, splitR] = await runLoad(workers, RUN_MS);
    const writes3 = ((await rowsWritten(pgServer.url)) - before) / ((performance.now() - t0) / 1000);
    const usage3 = cpu3();
    const same3 = figures([sameR!]);
    const cross3 = figures([splitR!]);
    /** Every round's samples together: the two nodes' figures cover the same span of the machine's other work. */
    const pooled = (s: SingleNode) => figures(s.windows.flatMap((w) => w.results));
    const [lv, pq] = [pooled(leveldb), pooled(pg1)];

    console.log(
      `\nLatency, edit in one client → arrival in its peer (loopback), ms; single nodes: all ${ROUNDS} rounds' samples`,
    );
    console.log('  setup                               p50 ms  p95 ms  p99 ms  samples');
    row('1 node, y-leveldb (same node)', lv);
    row('1 node, PostgreSQL (same node)', pq);
    row('3 nodes + HAProxy, same node', same3);
    row('3 nodes, pair split across nodes', cross3);
    console.log(
      `  (PostgreSQL NOTIFY alone, session → session, idle: p50 ${fmt(floor.p50)} ms, p95 ${fmt(floor.p95)} ms: the cross-node path's floor on this machine)`,
    );
    console.log(`  three-node window ${formatCpu(usage3)}`);
    console.log(`  load average now ${load()}`);
    console.log('\nPostgreSQL rows written per second (one row per room per write batch)');
    console.log(
      `  1 node: ${fmt(
        medianOf(pg1.windows, (w) => w.writes),
        0,
      )}/s   3 nodes: ${fmt(writes3, 0)}/s   (edits offered: ${ROOMS * 2 * EDITS_PER_SEC}/s)`,
    );
    console.log('\nMemory per room held (RSS / heap+external), KiB');
    const perRoom = (s: SingleNode) =>
      `${fmt(medianOf(s.windows, (w) => w.rssPerRoom) / KiB, 1)} / ${fmt(medianOf(s.windows, (w) => w.heapPerRoom) / KiB, 1)}`;
    console.log(`  y-leveldb node ${perRoom(leveldb)}   PostgreSQL node ${perRoom(pg1)}`);

    console.log(`\nServer CPU per busy room (2 clients × 2 edits/s), share of one core, median of ${ROUNDS} rounds`);
    for (const s of [leveldb, pg1]) {
      const cpuPerRoom = medianOf(s.windows, (w) => w.cpuPerRoom);
      const perCore = 0.7 / cpuPerRoom;
      // Heap, not RSS: RSS per room is noise below a few hundred rooms (the allocator's pages come and go).
      const perGiB =
        (1024 * 1024 * KiB) /
        Math.max(
          medianOf(s.windows, (w) => w.heapPerRoom),
          1,
        );
      const pgShare = medianOf(s.windows, (w) => w.usage.groups.find((g) => g.name === 'PostgreSQL')?.cores ?? 0);
      console.log(
        `  ${`${s.name} node`.padEnd(16)} ${fmt(cpuPerRoom * 100, 3)}% → ~${fmt(perCore, 0)} busy rooms per core at 70% CPU; ~${fmt(perGiB, 0)} rooms per GiB of heap${pgShare ? `; PostgreSQL server ${fmt((pgShare / ROOMS) * 100, 3)}% per room` : ''}`,
      );
    }

    // Kill: the split pairs talk to nodes directly (they would wait for their node forever), so they leave first.
    await closeLoad([splitW]);
    workers.splice(1, 1);
    const connections = () =>
      Promise.all(
        ports.map(
          async (p) => ((await (await fetch(`http://127.0.0.1:${p}/healthz`)).json()) as { connections: number }).connections,
        ),
      );
    await waitUntil(
      'the split pairs to be gone',
      async () => (await connections()).reduce((a, b) => a + b, 0) === same.length * 2,
    );
    const conns = await connections();
    const victim = conns.indexOf(Math.max(...conns));
    const running = runLoad([sameW], 6000);
    await new Promise((r) => setTimeout(r, 1500));
    const killedAt = Date.now();
    await nodes[victim]!.kill('SIGKILL');
    const lastBack = await sameW.ask<number>({ cmd: 'resynced', since: killedAt, count: conns[victim]! }, 'resynced');
    const resync = (lastBack - killedAt) / 1000;
    await running;
    console.log(`\nSIGKILL of the busiest node (${conns[victim]} of ${conns.reduce((a, b) => a + b, 0)} clients) while editing:`);
    console.log(`  all its clients reconnected through HAProxy and resynced on the others in ${fmt(resync)} s`);

    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const ratios = leveldb.windows.map((l, i) => pg1.windows[i]!.f.p95 / l.f.p95);
    const ratio = pq.p95 / lv.p95;
    console.log('\nTargets:');
    console.log(
      `  same-node p95, PostgreSQL / y-leveldb = ${fmt(ratio)}× over all rounds (≤ 1.3×): ${met(ratio <= 1.3)}; round by round ${ratios.map((r) => fmt(r)).join(', ')}, median ${fmt(median(ratios))}×`,
    );
    console.log(`  cross-node p95 = ${fmt(cross3.p95)} ms (< 20 ms): ${met(cross3.p95 < 20)}`);
    console.log(`  kill → all resynced = ${fmt(resync)} s (< 3 s): ${met(resync < 3)}`);
    const windows = [...leveldb.windows, ...pg1.windows];
    const saturated = [...windows.map((w) => w.usage), usage3].filter((u) => u.machineBusy >= SATURATED).length;
    const others = median(windows.map((w) => w.usage.others));
    if (saturated > 0 || others > 0.25)
      console.log(
        `  ⚠ ${saturated} of ${windows.length + 1} windows had the machine ≥ ${SATURATED * 100}% busy; other processes took a median ${fmt(others * 100, 0)}% of a core: the machine, not the design, bounds these figures (load average ${load()})`,
      );
  } finally {
    for (const s of singles) await s.stop().catch(() => {});
    await closeLoad(workers).catch(() => {});
    await Promise.all(nodes.map((n) => n.kill().catch(() => {})));
    await haproxy?.stop();
    await pgServer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

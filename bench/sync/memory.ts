import { GCProfiler, getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';

/** Answers the bench's `mem` query with this process's memory after a full GC (run with --expose-gc). */
export interface MemoryReport {
  readonly rss: number;
  readonly heapUsed: number;
  /** Of heapUsed, V8's code space: compiled code (the JIT's, growing as functions get hot), not anything a room holds. */
  readonly codeUsed: number;
  /** V8's young generation as committed (both semi-spaces), bytes: it grows in steps with the allocation rate, not with rooms. */
  readonly youngGen: number;
  readonly rooms: number;
  /** CPU time this process has used so far (user + system), µs: differences give a server's CPU share. */
  readonly cpuMicros: number;
  /** Our server only: how often each of its limits acted so far (SyncStats counters), to show the bench ran with them on and within them. */
  readonly limits?: Readonly<Record<string, number>>;
  /** Our server only: edits relayed but not yet written to its store (a write in flight holds them). */
  readonly pendingWrites?: number;
}

/** `{ prof: 'start' }` … `{ prof: 'stop', file }`: a V8 CPU profile of just that window (not start-up or shutdown), written to `file`. */
const serveProfiling = (): void => {
  let session: import('node:inspector/promises').Session | null = null;
  process.on('message', async (msg) => {
    if (typeof msg !== 'object' || !msg || !('prof' in msg)) return;
    const { prof, file } = msg as { prof: string; file?: string };
    if (prof === 'start') {
      const { Session } = await import('node:inspector/promises');
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      process.send?.({ profiling: true });
    } else if (prof === 'stop' && session && file) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, JSON.stringify(profile));
      process.send?.({ profiled: file });
    }
  });
};

/** What a server spent over one measured window (`{ window: 'start' }` … `{ window: 'stop' }`): its own process only. */
export interface WindowReport {
  /** CPU time, user + system, µs (every thread of the process: GC helpers and libuv's pool included). */
  readonly cpuMicros: number;
  /** Bytes allocated on V8's heap over the window (what each GC found used, less what the one before left). */
  readonly allocated: number;
  readonly scavenges: number;
  readonly scavengeMs: number;
  /** Bytes the scavenges moved into the old generation (what lived through them twice): what the next full GC has to deal with. */
  readonly promoted: number;
  /** The longest single GC pause of any kind, ms. */
  readonly maxPauseMs: number;
  /** Mark-compacts (full GCs). */
  readonly fullGcs: number;
}

/** The old generation's used bytes in one of GCProfiler's snapshots (objects too large for the young one included). */
const oldUsed = (snapshot: { heapSpaceStatistics: readonly { spaceName: string; spaceUsedSize: number }[] }): number =>
  snapshot.heapSpaceStatistics
    .filter((sp) => sp.spaceName === 'old_space' || sp.spaceName === 'large_object_space')
    .reduce((a, sp) => a + sp.spaceUsedSize, 0);

const serveWindows = (): void => {
  let open: { profiler: GCProfiler; cpu: NodeJS.CpuUsage; used: number } | null = null;
  process.on('message', (msg) => {
    if (typeof msg !== 'object' || !msg || !('window' in msg)) return;
    if ((msg as { window: string }).window === 'start') {
      const profiler = new GCProfiler();
      profiler.start();
      open = { profiler, cpu: process.cpuUsage(), used: getHeapStatistics().used_heap_size };
      process.send?.({ windowOpen: true });
      return;
    }
    if (!open) return;
    const cpu = process.cpuUsage(open.cpu);
    const gcs = open.profiler.stop()?.statistics ?? [];
    let allocated = 0;
    let before = open.used;
    let scavenges = 0;
    let scavengeMs = 0;
    let maxPauseMs = 0;
    let fullGcs = 0;
    let promoted = 0;
    for (const gc of gcs) {
      allocated += Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - before);
      before = gc.afterGC.heapStatistics.usedHeapSize;
      const ms = gc.cost / 1000;
      maxPauseMs = Math.max(maxPauseMs, ms);
      if (gc.gcType === 'Scavenge' || gc.gcType === 'MinorMarkCompact') {
        scavenges++;
        scavengeMs += ms;
        promoted += Math.max(0, oldUsed(gc.afterGC) - oldUsed(gc.beforeGC));
      } else if (gc.gcType === 'MarkSweepCompact') fullGcs++;
    }
    allocated += Math.max(0, getHeapStatistics().used_heap_size - before);
    open = null;
    process.send?.({
      window: {
        cpuMicros: cpu.user + cpu.system,
        allocated,
        scavenges,
        scavengeMs,
        promoted,
        maxPauseMs,
        fullGcs,
      } satisfies WindowReport,
    });
  });
};

export const serveMemoryQueries = (
  rooms: () => number,
  limits?: () => Readonly<Record<string, number>>,
  pendingWrites?: () => number,
): void => {
  serveProfiling();
  serveWindows();
  process.on('message', async (msg) => {
    if (typeof msg === 'object' && msg && 'heap' in msg) {
      (globalThis as { gc?: () => void }).gc?.();
      const { writeHeapSnapshot } = await import('node:v8');
      process.send?.({ heapWritten: writeHeapSnapshot((msg as { heap: string }).heap) });
      return;
    }
    if (typeof msg === 'object' && msg && 'fillYoung' in msg) {
      // Short-lived garbage, allocated in the young generation, several times its size: every page of both
      // semi-spaces is then resident, as under sustained load, so a later growth of RSS is not that.
      const bytes = (msg as { fillYoung: number }).fillYoung;
      let keep = 0;
      for (let done = 0; done < bytes; done += 8 * 1024) keep ^= new Array(1024).fill(done).length;
      process.send?.({ filled: keep >= 0 });
      return;
    }
    if (msg !== 'mem') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    const spaces = getHeapSpaceStatistics();
    const space = (name: string) => spaces.find((s) => s.space_name === name);
    const cpu = process.cpuUsage();
    process.send?.({
      mem: {
        rss: m.rss,
        heapUsed: m.heapUsed + m.external,
        codeUsed: space('code_space')?.space_used_size ?? 0,
        youngGen: space('new_space')?.space_size ?? 0,
        rooms: rooms(),
        cpuMicros: cpu.user + cpu.system,
        ...(limits && { limits: limits() }),
        ...(pendingWrites && { pendingWrites: pendingWrites() }),
      } satisfies MemoryReport,
    });
  });
};

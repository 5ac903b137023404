/** Answers the bench's `mem` query with this process's memory after a full GC (run with --expose-gc). */
export interface MemoryReport {
  readonly rss: number;
  readonly heapUsed: number;
  readonly rooms: number;
  /** CPU time this process has used so far (user + system), µs: differences give a server's CPU share. */
  readonly cpuMicros: number;
  /** Our server only: how often each of its limits acted so far (SyncStats counters), to show the bench ran with them on and within them. */
  readonly limits?: Readonly<Record<string, number>>;
}

export const serveMemoryQueries = (rooms: () => number, limits?: () => Readonly<Record<string, number>>): void => {
  process.on('message', async (msg) => {
    if (typeof msg === 'object' && msg && 'heap' in msg) {
      (globalThis as { gc?: () => void }).gc?.();
      const { writeHeapSnapshot } = await import('node:v8');
      process.send?.({ heapWritten: writeHeapSnapshot((msg as { heap: string }).heap) });
      return;
    }
    if (msg !== 'mem') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send?.({
      mem: {
        rss: m.rss,
        heapUsed: m.heapUsed + m.external,
        rooms: rooms(),
        cpuMicros: cpu.user + cpu.system,
        ...(limits && { limits: limits() }),
      } satisfies MemoryReport,
    });
  });
};

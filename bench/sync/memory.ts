/** Answers the bench's `mem` query with this process's memory after a full GC (run with --expose-gc). */
export interface MemoryReport {
  readonly rss: number;
  readonly heapUsed: number;
  readonly rooms: number;
  /** CPU time this process has used so far (user + system), µs: differences give a server's CPU share. */
  readonly cpuMicros: number;
}

export const serveMemoryQueries = (rooms: () => number): void => {
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
      } satisfies MemoryReport,
    });
  });
};

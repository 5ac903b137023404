/**
 * Child process: our sync server under load, alone in its process so its RSS
 * is its own. argv: port dataDir|postgres://…|- secretHex idleEvictMs. Prints nothing; talks over IPC.
 */
import { startSyncServer } from '../../electron/sync/server';
import { serveMemoryQueries } from './memory';

const [port = '0', dataDir = '-', secretHex = '', idle = '30000'] = process.argv.slice(2);
const server = await startSyncServer({
  port: Number(port),
  dataDir: dataDir === '-' || dataDir.startsWith('postgres') ? undefined : dataDir,
  storeUrl: dataDir.startsWith('postgres') ? dataDir : undefined,
  secret: Buffer.from(secretHex, 'hex'),
  idleEvictMs: Number(idle),
  // Every other limit at its default (electron/sync/limits.ts), as `archdrill serve` runs.
  limits: { maxConnectionsPerRoom: 64 },
});
serveMemoryQueries(
  () => server.stats().rooms,
  () => {
    const s = server.stats();
    return {
      droppedWrites: s.droppedWrites,
      malformed: s.malformed,
      overBudget: s.overBudget,
      droppedSyncRequests: s.droppedSyncRequests,
      // The stock client echoes its peer's presence back (another connection's id, dropped): expected, reported apart.
      droppedPresence: s.droppedPresence - s.foreignPresence,
      echoedPresence: s.foreignPresence,
      refusedUpdates: s.refusedUpdates,
    };
  },
  () => server.stats().pendingWrites,
);
process.send?.({ ready: server.port });
// Graceful: every room flushed before exit (and --cpu-prof, BENCH_SYNC_PROF, writes its profile). SIGKILL stays abrupt.
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
// The bench died (or forgot us): do not outlive it.
process.on('disconnect', () => process.exit(0));

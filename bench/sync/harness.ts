/**
 * What the sync bench's phases share: rooms with signed tokens, the three
 * servers (each its own process, so its RSS is its own) and the load processes
 * that drive them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../../electron/sync/auth';
import { newRoomId } from '../../shared/collab';
import { type Child, spawnChild } from './child';
import type { MemoryReport } from './memory';

export const QUICK = process.env.BENCH_QUICK === '1';
export const EDITS_PER_SEC = 2;
const secret = randomBytes(32);
export const secretHex = secret.toString('hex');

export const KiB = 1024;
export const MiB = 1024 * 1024;
export const fmt = (n: number, digits = 2) => n.toFixed(digits);
/** NaN for no values. */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const loadNow = () =>
  loadavg()
    .map((l) => fmt(l))
    .join(' ');
/** "met" / "MISSED" for a figure against its bound; "n/a" when there is no figure (every round saturated). */
export const verdict = (value: number, bound: number, atMost = true): string =>
  !Number.isFinite(value) ? 'n/a (no unsaturated round)' : (atMost ? value <= bound : value >= bound) ? 'met' : 'MISSED';

export interface Room {
  readonly roomId: string;
  readonly tokens: readonly [string, string];
}
export const makeRooms = (n: number): Room[] =>
  Array.from({ length: n }, () => {
    const roomId = newRoomId();
    return { roomId, tokens: [signToken(secret, roomId, 'candidate'), signToken(secret, roomId, 'interviewer')] as const };
  });

/** stock = @y/websocket-server in memory; ours = auth + y-leveldb; ours-mem = auth, rooms in memory (what persistence costs). */
export type ServerKind = 'stock' | 'ours' | 'ours-mem';
export const tempDir = () => mkdtempSync(join(tmpdir(), 'archdrill-bench-'));

export const startServer = (
  kind: ServerKind,
  opts: { port?: number; dataDir?: string; idleMs?: number; nodeArgs?: readonly string[] } = {},
) =>
  kind === 'stock'
    ? spawnChild('stock.ts', [String(opts.port ?? 0)], true, opts.nodeArgs)
    : spawnChild(
        'ours.ts',
        [String(opts.port ?? 0), opts.dataDir ?? '-', secretHex, String(opts.idleMs ?? 30_000)],
        true,
        opts.nodeArgs,
      );

export const memory = (server: Child) => server.ask<MemoryReport>('mem', 'mem');

/** Spreads rooms over load processes: one Node process saturates somewhere past a few hundred busy rooms. */
export const openLoad = async (port: number, rooms: readonly Room[], perWorker = 250): Promise<Child[]> => {
  const workers: Child[] = [];
  for (let i = 0; i < rooms.length; i += perWorker) workers.push(await spawnChild('load.ts'));
  await Promise.all(
    workers.map((w, i) =>
      w.ask({ cmd: 'open', base: `ws://127.0.0.1:${port}`, rooms: rooms.slice(i * perWorker, (i + 1) * perWorker) }, 'opened'),
    ),
  );
  return workers;
};

export interface RunResult {
  samples: number[];
  cpuShare: number;
  lagP99: number;
}
export const runLoad = (workers: readonly Child[], ms: number) =>
  Promise.all(workers.map((w) => w.ask<RunResult>({ cmd: 'run', ms, perSec: EDITS_PER_SEC }, 'result')));

export const closeLoad = (workers: readonly Child[]) =>
  Promise.all(workers.map((w) => w.ask({ cmd: 'close' }, 'closed').then(() => w.kill())));

/** A load generator past this (cpu share, or event-loop lag p99 in ms) measures itself, not the server. */
export const saturation = (results: readonly RunResult[]): string | null => {
  const busy = results.find((r) => r.cpuShare > 0.85 || r.lagP99 > 50);
  return busy ? `load generator busy (cpu ${fmt(busy.cpuShare * 100, 0)}%, loop lag p99 ${fmt(busy.lagP99, 1)} ms)` : null;
};

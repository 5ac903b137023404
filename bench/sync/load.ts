/**
 * Child process: load generator. Opens two stock y-websocket clients per room,
 * makes each edit a few times a second, and measures the time from an edit in
 * one client to its arrival in the other (both clients share this process's clock).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type LoadCommand =
  | {
      readonly cmd: 'open';
      readonly base: string;
      /** `bases`: where each of the two clients connects, when not both to `base` (a pair split across nodes). */
      readonly rooms: readonly { roomId: string; tokens: readonly [string, string]; bases?: readonly [string, string] }[];
    }
  | { readonly cmd: 'run'; readonly ms: number; readonly perSec: number }
  | { readonly cmd: 'synced' }
  /** Waits until at least `count` clients lost their connection at or after `since` (Date.now()) and all of those synced again; answers when the last did. */
  | { readonly cmd: 'resynced'; readonly since: number; readonly count: number }
  | { readonly cmd: 'acked' }
  | { readonly cmd: 'close' };

interface Client {
  readonly key: 'a' | 'b';
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  seq: number;
  /** Date.now() of its last lost connection and of its last sync (0: never). */
  readonly times: { lost: number; synced: number };
}

// Each provider adds a process 'exit' listener; hundreds per process are expected here.
process.setMaxListeners(0);

const rooms: { roomId: string; clients: Client[] }[] = [];
let samples: number[] | null = null;
/** Per room and writer: the highest sequence number the peer received ("acknowledged" by the other side), and when (Date.now(), comparable across processes). */
const acked = new Map<string, { s: number; at: number }>();

const open = (base: string, roomId: string, key: 'a' | 'b', token: string): Client => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${base}/sync`, roomId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  const map = doc.getMap<{ t: number; s: number }>('bench');
  map.observe((ev) => {
    if (ev.transaction.local) return;
    const now = performance.now();
    for (const k of ev.keysChanged) {
      const v = map.get(k);
      if (!v) continue;
      samples?.push(now - v.t);
      const id = `${roomId}/${k}`;
      if ((acked.get(id)?.s ?? -1) < v.s) acked.set(id, { s: v.s, at: Date.now() });
    }
  });
  const times = { lost: 0, synced: 0 };
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') times.lost = Date.now();
  });
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) times.synced = Date.now();
  });
  return { key, doc, provider, seq: 0, times };
};

/** The longest a window waits, after its last edit, for edits still in flight (a peer that lost its connection never gets them). */
const DRAIN_MS = 2000;
/** Whether every edit made so far has reached the other client of its room. */
const allArrived = (): boolean =>
  rooms.every((r) => r.clients.every((c) => c.seq === 0 || (acked.get(`${r.roomId}/${c.key}`)?.s ?? -1) >= c.seq));

const allSynced = (): boolean => rooms.every((r) => r.clients.every((c) => c.provider.synced));

const run = async (ms: number, perSec: number) => {
  samples = [];
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const timers: NodeJS.Timeout[] = [];
  for (const r of rooms) {
    for (const c of r.clients) {
      const tick = () => {
        c.doc.getMap('bench').set(c.key, { t: performance.now(), s: ++c.seq });
        timers.push(setTimeout(tick, (1000 / perSec) * (0.5 + Math.random())));
      };
      timers.push(setTimeout(tick, Math.random() * (1000 / perSec)));
    }
  }
  await new Promise((r) => setTimeout(r, ms));
  for (const t of timers) clearTimeout(t);
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  lag.disable();
  // The edits still in flight are the slowest of the window: cutting them off would drop its tail.
  const drainUntil = performance.now() + DRAIN_MS;
  while (!allArrived() && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 5));
  const out = samples;
  samples = null;
  return { samples: out, cpuShare: (cpu.user + cpu.system) / 1000 / wall, lagP99: lag.percentile(99) / 1e6 };
};

process.on('message', async (msg: LoadCommand) => {
  switch (msg.cmd) {
    case 'open':
      for (const r of msg.rooms) {
        rooms.push({
          roomId: r.roomId,
          clients: [
            open(r.bases?.[0] ?? msg.base, r.roomId, 'a', r.tokens[0]),
            open(r.bases?.[1] ?? msg.base, r.roomId, 'b', r.tokens[1]),
          ],
        });
      }
      while (!allSynced()) await new Promise((r) => setTimeout(r, 20));
      process.send?.({ opened: true });
      break;
    case 'run':
      process.send?.({ result: await run(msg.ms, msg.perSec) });
      break;
    case 'resynced': {
      const moved = () => rooms.flatMap((r) => r.clients).filter((c) => c.times.lost >= msg.since);
      const done = () => {
        const m = moved();
        return m.length >= msg.count && m.every((c) => c.provider.synced && c.times.synced >= c.times.lost);
      };
      while (!done()) await new Promise((r) => setTimeout(r, 5));
      process.send?.({ resynced: Math.max(...moved().map((c) => c.times.synced)) });
      break;
    }
    case 'synced':
      while (!allSynced()) await new Promise((r) => setTimeout(r, 5));
      process.send?.({ synced: performance.now() });
      break;
    case 'acked':
      process.send?.({ acked: [...acked] });
      break;
    case 'close':
      for (const r of rooms) for (const c of r.clients) c.provider.destroy();
      process.send?.({ closed: true }, () => process.exit(0));
      break;
  }
});

process.send?.({ ready: 0 });
// The bench died (or forgot us): do not outlive it.
process.on('disconnect', () => process.exit(0));

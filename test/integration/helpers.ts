import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type SyncServer, type SyncServerOptions, startSyncServer } from '../../electron/sync/server';
import type { Role } from '../../shared/collab';

/** Everything a test opened, closed after it whatever happened. */
const cleanups: (() => unknown)[] = [];
export const onCleanup = (fn: () => unknown): void => void cleanups.push(fn);

afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

export const startServer = async (options: SyncServerOptions = {}): Promise<SyncServer> => {
  const server = await startSyncServer({ idleEvictMs: 100, ...options });
  onCleanup(() => server.close());
  return server;
};

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
}

/** A stock y-websocket client in Node. BroadcastChannel is off: in one process it would sync the docs behind the server's back. */
export const connect = (
  baseUrl: string,
  roomId: string,
  token: string | null,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): Client => {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, roomId, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 200,
    connect: options.connect ?? true,
  });
  onCleanup(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider };
};

export const join = (server: SyncServer, roomId: string, role: Role, doc?: Y.Doc): Client =>
  connect(server.url, roomId, server.tokenFor(roomId, role), { doc });

/** Polls until `check` holds (it may ask a server); fails with `what` after `ms`, generous for a busy machine. */
export const waitFor = async (what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

export const synced = (c: Client): Promise<void> => waitFor('sync', () => c.provider.synced);

/** The HTTP status a raw WebSocket upgrade gets (with these request headers), or 101 when it opens. */
export const upgradeStatus = (url: string, headers: Record<string, string> = {}): Promise<number> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', reject);
  });

/** A raw socket into a room, for sending what no real client would. */
export const rawSocket = (url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
    onCleanup(() => ws.terminate());
  });

/** The close code a socket gets (-1 when it was already closed). */
export const closed = (ws: WebSocket): Promise<number> =>
  new Promise((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve(-1) : ws.once('close', (code) => resolve(code))));

/** The WebSocket URL of a room for a token. */
export const roomUrl = (server: SyncServer, roomId: string, token: string): string =>
  `${server.url.replace(/^http/, 'ws')}/sync/${roomId}?token=${encodeURIComponent(token)}`;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * For tests that start `archdrill serve` in child processes: each start loads Node and tsx, which on a
 * busy machine (the suite must pass beside two CPU-bound processes) outlasts the default 20 s per test.
 */
export const SPAWNING = { timeout: 120_000 };

/** `archdrill serve` in a child process (so a test can SIGKILL it); resolves once it listens. */
export const spawnServe = (port: number, dataDir: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/integration/fixtures/serve.ts', '--port', String(port), '--data', dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    onCleanup(() => child.kill('SIGKILL'));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('sync server on')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
  });

/** A port nothing listens on right now: a server's, closed. */
export const freePort = async (): Promise<number> => {
  const probe = await startSyncServer();
  await probe.close();
  return probe.port;
};

/**
 * The installed bin as a supervisor runs it (no npm in between), in its own
 * process group so cleanup reaches it whatever the test did.
 */
export const spawnBin = (args: string[]) => {
  const child = spawn(process.execPath, ['electron/cli/archdrill.mjs', 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  onCleanup(() => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
};

/** A fresh room with a candidate and an interviewer connected and synced: the usual start of a pair test. */
export const pairInRoom = async (server: SyncServer): Promise<{ roomId: string; alice: Client; bob: Client }> => {
  const { roomId } = server.createRoom();
  const alice = join(server, roomId, 'candidate');
  const bob = join(server, roomId, 'interviewer');
  await Promise.all([synced(alice), synced(bob)]);
  return { roomId, alice, bob };
};

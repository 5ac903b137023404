import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { newRoomId, type Role } from '../../shared/collab';
import { adminKey, authorizeUpgrade, newSecret, signToken, verifyAdminKey } from './auth';
import { type ConnectionCounters, serveConnection } from './connection';
import { type Logger, silentLogger } from './log';
import { openStore } from './openStore';
import type { Room } from './room';
import { RoomRegistry } from './rooms';
import { createStaticHandler } from './staticFiles';

export interface SyncServerOptions {
  /** Default 127.0.0.1: nothing off this machine can connect unless asked for. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Where rooms are stored (y-leveldb, in DIR/rooms). Without it (or storeUrl) rooms live in memory and a restart loses them. */
  readonly dataDir?: string;
  /** postgres://… : rooms in PostgreSQL, shared with every node using the same database (takes precedence over dataDir). Nodes must share `secret`. */
  readonly storeUrl?: string;
  /** PostgreSQL only: compact a room into one snapshot row after this many rows written by this node (default 200). */
  readonly compactAt?: number;
  /** How long an edit may wait to be written with others in one batch (default 50 ms): the most a crash can take from the store alone, as peers still hold it. */
  readonly flushMs?: number;
  /** The HMAC key for tokens; random per process when omitted (links then die with the process). */
  readonly secret?: Uint8Array;
  /** Largest frame a client may send. Default 1 MiB; ws would allow 100 MiB. */
  readonly maxPayload?: number;
  /** How long a room with nobody connected stays in memory. Default 30 s. */
  readonly idleEvictMs?: number;
  /** The built renderer (dist/renderer), served so a join link opens the app in a browser. */
  readonly staticDir?: string;
  /** More connections than this to one room are refused (503). Default 32. */
  readonly maxConnectionsPerRoom?: number;
  readonly logger?: Logger;
}

export interface RoomTokens {
  readonly roomId: string;
  readonly tokens: Readonly<Record<Role, string>>;
}

export interface SyncStats {
  /** Rooms currently in memory (not the ones on disk). */
  readonly rooms: number;
  readonly connections: number;
  /** Updates relayed but not yet written to the store (at most its flush window's worth): what a crash right now could cost the store; peers still hold them. */
  readonly pendingWrites: number;
  readonly uptimeSeconds: number;
  readonly droppedWrites: number;
  readonly malformed: number;
}

export interface SyncServer {
  /** `http://host:port`: the app, the health endpoint, and under /sync the rooms. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops accepting, closes every connection, flushes every room and closes the store. */
  close(): Promise<void>;
  createRoom(): RoomTokens;
  tokenFor(roomId: string, role: Role): string;
  stats(): SyncStats;
  /** The bearer key for POST /rooms. */
  readonly adminKey: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};
/** Dead sockets (a laptop lid closed) are found by ping and dropped after one missed pong. */
const KEEPALIVE_MS = 30_000;

/** Answers an upgrade with a plain HTTP error, before any WebSocket exists. */
const refuse = (socket: Duplex, status: number, reason: string): void => {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};

function destroySocket(this: Duplex): void {
  this.destroy();
}

const json = (res: ServerResponse, status: number, value: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
};

const peerAddress = (req: IncomingMessage): string => `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;

/**
 * Starts the sync server: y-websocket protocol under /sync/<roomId>?token=…,
 * auth before the upgrade, y-leveldb persistence, idle eviction, the built app
 * and a health endpoint. Plain Node: `archdrill serve` and the desktop main
 * process both start it.
 */
export const startSyncServer = async (options: SyncServerOptions = {}): Promise<SyncServer> => {
  const log = options.logger ?? silentLogger;
  const secret = options.secret ?? newSecret();
  const { store, where } = await openStore(options, log);
  const rooms = new RoomRegistry(store, options.idleEvictMs ?? 30_000, log);
  const maxPerRoom = options.maxConnectionsPerRoom ?? 32;
  const counters: ConnectionCounters = { droppedWrites: 0, malformed: 0 };
  const started = Date.now();
  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : null;
  let closing = false;

  const tokenFor = (roomId: string, role: Role): string => signToken(secret, roomId, role);
  const createRoom = (): RoomTokens => {
    const roomId = newRoomId();
    return {
      roomId,
      tokens: {
        candidate: tokenFor(roomId, 'candidate'),
        interviewer: tokenFor(roomId, 'interviewer'),
        spectator: tokenFor(roomId, 'spectator'),
      },
    };
  };
  const stats = (): SyncStats => ({
    rooms: rooms.size,
    connections: rooms.connections,
    pendingWrites: store.pending,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    ...counters,
  });

  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return json(res, closing ? 503 : 200, { ok: !closing, ...stats() });
    if (path === '/rooms' && req.method === 'POST') {
      // Only whoever holds the server's secret (the host, a team admin) may mint rooms.
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      if (!auth) return json(res, 401, { error: 'missing bearer key' });
      if (!verifyAdminKey(secret, auth[1]!)) return json(res, 403, { error: 'wrong key' });
      const room = createRoom();
      log.info(`room ${room.roomId} created over HTTP by ${peerAddress(req)}`);
      return json(res, 201, room);
    }
    if (serveStatic) return void serveStatic(req, res);
    json(res, 404, { error: 'not found' });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 1024 * 1024 });
  const alive = new WeakSet<WebSocket>();

  /** Wires an upgraded socket into its room. Apart from the upgrade handler, so nothing a connection keeps (closures, listeners) holds on to its request. */
  const accept = (ws: WebSocket, room: Room, role: Role, who: string): void => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    serveConnection(ws, room, role, who, log, counters, () => rooms.release(room));
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', destroySocket);
    if (closing) return refuse(socket, 503, 'shutting down');
    const verdict = authorizeUpgrade(secret, req.url);
    if (!verdict.ok) {
      log.warn(`refused ${peerAddress(req)}: ${verdict.status} ${verdict.reason}`);
      return refuse(socket, verdict.status, verdict.reason);
    }
    const room = rooms.acquire(verdict.roomId);
    if (room.peers.size >= maxPerRoom) {
      rooms.release(room);
      return refuse(socket, 503, 'room is full');
    }
    const { role } = verdict;
    const who = peerAddress(req);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The WebSocket has its own error handling from here.
      socket.off('error', destroySocket);
      accept(ws, room, role, who);
    });
  });
  http.on('clientError', (_err, socket) => socket.destroy());

  const keepalive = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
  }, KEEPALIVE_MS);
  keepalive.unref();

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  }).catch(async (err: Error) => {
    clearInterval(keepalive);
    await store.close();
    throw err;
  });
  const port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  log.info(`sync server on http://${urlHost}:${port} (${where})`);

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      clearInterval(keepalive);
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      const socketsClosed = [...wss.clients].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.close(1001, 'server shutting down');
            setTimeout(() => ws.terminate(), 1000).unref();
          }),
      );
      await Promise.all(socketsClosed);
      http.closeAllConnections();
      await rooms.closeAll();
      await store.close();
      await httpClosed;
      log.info('sync server stopped; every room flushed');
    })();
    return closed;
  };

  return { url: `http://${urlHost}:${port}`, host, port, close, createRoom, tokenFor, stats, adminKey: adminKey(secret) };
};

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { isRoomId, newRoomId, type Role } from '../../shared/collab';
import { adminKey, newSecret, parseSyncPath, signToken, verifyAdminKey, verifyToken } from './auth';
import {
  CLOSE_REVOKED,
  type ConnectionContext,
  type ConnectionCounters,
  keepAliveAll,
  newCounters,
  peerAddress,
  serveConnection,
} from './connection';
import { OriginPolicy, SECURITY_HEADERS } from './httpPolicy';
import { CodeTries, issueRoomCodes, JOIN_CODES_PATH, JoinCodes, type LinkState, serveJoinCodes } from './joinCodes';
import { DEFAULT_LIMITS, type SyncLimits } from './limits';
import { type Logger, silentLogger } from './log';
import { openStore } from './openStore';
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
  /** What one connection (and one room) may cost; each field defaults to DEFAULT_LIMITS (README "Limits"). */
  readonly limits?: Partial<SyncLimits>;
  /** How long a room with nobody connected stays in memory. Default 30 s. */
  readonly idleEvictMs?: number;
  /** The built renderer (dist/renderer), served so a join link opens the app in a browser. */
  readonly staticDir?: string;
  /** How long links handed out by createRoom/tokenFor/revokeLinks admit anyone (ms); by default they do not expire. */
  readonly linkTtlMs?: number;
  /**
   * The origins browsers reach this server by (`--public-origin`). When given,
   * WebSockets from any other Origin and requests for any other Host are
   * refused (see httpPolicy.ts). A function gets the port the server listens on.
   */
  readonly publicOrigins?: readonly string[] | ((port: number) => readonly string[]);
  readonly logger?: Logger;
}

export interface RoomTokens {
  readonly roomId: string;
  readonly tokens: Readonly<Record<Role, string>>;
  /** A short join code per token (joinCodes.ts): valid on this server while the token is, until the room's links are revoked. */
  readonly codes: Readonly<Record<Role, string>>;
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
  readonly overBudget: number;
  readonly droppedSyncRequests: number;
  readonly droppedPresence: number;
  /** Of droppedPresence, entries naming another connection's id (the stock client echoes its peers'). */
  readonly foreignPresence: number;
  readonly refusedUpdates: number;
}

export interface SyncServer {
  /** `http://host:port`: the app, the health endpoint, and under /sync the rooms. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops accepting, closes every connection, flushes every room and closes the store. */
  close(): Promise<void>;
  createRoom(): RoomTokens;
  /** A token for the room's current link generation as far as this server knows it (after a revoke, or a connection it checked). */
  tokenFor(roomId: string, role: Role): string;
  /** Revokes every link to the room (bumps its generation in the store), closes its connections, and returns fresh tokens. */
  revokeLinks(roomId: string): Promise<RoomTokens>;
  stats(): SyncStats;
  /** The bearer key for POST /rooms. */
  readonly adminKey: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  405: 'Method Not Allowed',
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

const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(value));
};

const REVOKE_PATH = /^\/rooms\/([^/]+)\/revoke$/;

/**
 * Starts the sync server: y-websocket protocol under /sync/<roomId>?token=…,
 * auth before the upgrade, per-connection limits, y-leveldb persistence, idle
 * eviction, the built app and a health endpoint. Plain Node: `archdrill serve`
 * and the desktop main process both start it.
 */
export const startSyncServer = async (options: SyncServerOptions = {}): Promise<SyncServer> => {
  const log = options.logger ?? silentLogger;
  const secret = options.secret ?? newSecret();
  const limits: SyncLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store, where } = await openStore(options, log);
  const rooms = new RoomRegistry(store, options.idleEvictMs ?? 30_000, log, limits.roomBytes);
  const counters: ConnectionCounters = newCounters();
  const started = Date.now();
  const serveStatic = options.staticDir ? createStaticHandler(options.staticDir) : null;
  /** Link generations this server has seen (checked on connect, bumped by revoke), so tokenFor signs for the current one. */
  const generations = new Map<string, number>();
  let origins = new OriginPolicy([]);
  let closing = false;

  const tokenFor = (roomId: string, role: Role): string =>
    signToken(secret, roomId, role, {
      generation: generations.get(roomId) ?? 0,
      ...(options.linkTtlMs !== undefined && { expires: Math.floor((Date.now() + options.linkTtlMs) / 1000) }),
    });
  /** A code's link is checked as a connection's token would be: at the room's generation now, on whichever node. */
  const linkState: LinkState = async (roomId, token) => {
    const verdict = verifyToken(secret, roomId, token, await store.generation(roomId));
    if (verdict.ok) return 'ok';
    return verdict.reason === 'link expired' ? 'expired' : verdict.reason === 'link revoked' ? 'revoked' : 'unknown';
  };
  const joinCodes = new JoinCodes(Date.now, { ...(store.codes && { shared: store.codes }), linkState, log });
  const codeTries = new CodeTries();
  const tokensFor = (roomId: string): RoomTokens => {
    const tokens = {
      candidate: tokenFor(roomId, 'candidate'),
      interviewer: tokenFor(roomId, 'interviewer'),
      spectator: tokenFor(roomId, 'spectator'),
    };
    const expiresAt = options.linkTtlMs !== undefined ? Math.floor((Date.now() + options.linkTtlMs) / 1000) * 1000 : undefined;
    return { roomId, tokens, codes: issueRoomCodes(joinCodes, roomId, tokens, expiresAt) };
  };
  const createRoom = (): RoomTokens => tokensFor(newRoomId());
  const closeRevoked = (roomId: string, generation: number, by: string): void => {
    generations.set(roomId, generation);
    joinCodes.revokeRoom(roomId);
    const room = rooms.peek(roomId);
    for (const peer of room ? [...room.peers] : []) peer.close(CLOSE_REVOKED, 'the links to this room were revoked');
    log.info(`room ${roomId}: links revoked ${by} (generation ${generation})`);
  };
  const revokeLinks = async (roomId: string): Promise<RoomTokens> => {
    closeRevoked(roomId, await store.bumpGeneration(roomId), 'here');
    const room = tokensFor(roomId);
    await joinCodes.shared();
    return room;
  };
  // Another node revoked (shared store): its connections on the old links close here too.
  store.onRevoked?.((roomId, generation) => {
    if (generation > (generations.get(roomId) ?? 0)) closeRevoked(roomId, generation, 'by another node');
  });
  const stats = (): SyncStats => ({
    rooms: rooms.size,
    connections: rooms.connections,
    pendingWrites: store.pending,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    ...counters,
  });

  /** Only whoever holds the server's secret (the host, a team admin) may mint rooms or revoke links. */
  const isAdmin = (req: IncomingMessage): 'ok' | 401 | 403 => {
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!auth) return 401;
    return verifyAdminKey(secret, auth[1]!) ? 'ok' : 403;
  };

  const http = createServer((req, res) => {
    const hostRefusal = origins.refuseHost(req);
    if (hostRefusal) {
      log.warn(`refused ${peerAddress(req.socket)}: ${hostRefusal}`);
      return json(res, 421, { error: 'this server does not answer for that host' });
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return json(res, 405, { error: 'GET or HEAD only' }, { allow: 'GET, HEAD' });
      return json(res, closing ? 503 : 200, { ok: !closing, ...stats() });
    }
    const revoke = path && REVOKE_PATH.exec(path);
    if (path === '/rooms' || revoke) {
      const cors = origins.corsOrigin(req);
      const corsHeaders: Record<string, string> = cors ? { 'access-control-allow-origin': cors, vary: 'Origin' } : {};
      if (req.method === 'OPTIONS')
        return json(res, cors ? 204 : 403, cors ? null : { error: 'origin not allowed' }, {
          ...corsHeaders,
          ...(cors && {
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'authorization',
            'access-control-max-age': '600',
          }),
        });
      if (req.method !== 'POST') return json(res, 405, { error: 'POST only' }, { ...corsHeaders, allow: 'POST' });
      const admin = isAdmin(req);
      if (admin !== 'ok') return json(res, admin, { error: admin === 401 ? 'missing bearer key' : 'wrong key' }, corsHeaders);
      if (!revoke) {
        const room = createRoom();
        log.info(`room ${room.roomId} created over HTTP by ${peerAddress(req.socket)}`);
        return void joinCodes.shared().then(() => json(res, 201, room, corsHeaders));
      }
      const roomId = revoke[1]!;
      if (!isRoomId(roomId)) return json(res, 400, { error: 'malformed room id' }, corsHeaders);
      return void revokeLinks(roomId).then(
        (room) => json(res, 200, room, corsHeaders),
        (err: Error) => json(res, 503, { error: `could not revoke: ${err.message}` }, corsHeaders),
      );
    }
    if (path === JOIN_CODES_PATH)
      return void serveJoinCodes(req, res, { codes: joinCodes, tries: codeTries, corsOrigin: origins.corsOrigin(req), log });
    if (serveStatic) return void serveStatic(req, res);
    json(res, 404, { error: 'not found' });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload });

  const connectionContext: ConnectionContext = { log, counters, limits, release: (room) => rooms.release(room) };

  /** Wires an upgraded socket into its room. Apart from the upgrade handler, so nothing a connection keeps (closures, listeners) holds on to its request. */
  const accept = (ws: WebSocket, roomId: string, role: Role, socket: Socket): void => {
    // Acquired only now that a WebSocket exists: a handshake that fails never pins a room.
    const room = rooms.acquire(roomId);
    serveConnection(ws, room, role, socket, connectionContext);
  };

  /** The token's role at the room's current link generation, or the HTTP refusal. */
  const authorize = async (
    req: IncomingMessage,
  ): Promise<{ ok: true; roomId: string; role: Role } | { ok: false; status: number; reason: string }> => {
    const originRefusal = origins.refuseSocket(req);
    if (originRefusal) return { ok: false, status: 403, reason: originRefusal };
    const path = parseSyncPath(req.url);
    if (!path.ok) return path;
    const generation = await store.generation(path.roomId);
    const verdict = verifyToken(secret, path.roomId, path.token, generation);
    if (!verdict.ok) return { ok: false, status: 403, reason: verdict.reason };
    if (generation > 0) generations.set(path.roomId, generation);
    return { ok: true, roomId: path.roomId, role: verdict.role };
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', destroySocket);
    const who = peerAddress(req.socket);
    authorize(req).then(
      (verdict) => {
        if (closing) return refuse(socket, 503, 'shutting down');
        if (!verdict.ok) {
          log.warn(`refused ${who}: ${verdict.status} ${verdict.reason}`);
          return refuse(socket, verdict.status, verdict.reason);
        }
        if ((rooms.peek(verdict.roomId)?.peers.size ?? 0) >= limits.maxConnectionsPerRoom)
          return refuse(socket, 503, 'room is full');
        wss.handleUpgrade(req, socket, head, (ws) => {
          // The WebSocket has its own error handling from here.
          socket.off('error', destroySocket);
          accept(ws, verdict.roomId, verdict.role, req.socket);
        });
      },
      (err: Error) => {
        log.warn(`refused ${who}: the store could not say which links are valid: ${err.message}`);
        refuse(socket, 503, 'links cannot be checked right now');
      },
    );
  });
  http.on('clientError', (_err, socket) => socket.destroy());

  const keepalive = setInterval(() => keepAliveAll(wss.clients), KEEPALIVE_MS);
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
  try {
    const publicOrigins = typeof options.publicOrigins === 'function' ? options.publicOrigins(port) : options.publicOrigins;
    origins = new OriginPolicy(publicOrigins ?? []);
  } catch (err) {
    await new Promise((r) => http.close(r));
    clearInterval(keepalive);
    await store.close();
    throw err;
  }
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

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    close,
    createRoom,
    tokenFor,
    revokeLinks,
    stats,
    adminKey: adminKey(secret),
  };
};

import type { Socket } from 'node:net';
import { type RawData, WebSocket } from 'ws';
import { CLOSE_CODES, canWrite, type Role } from '../../shared/collab';
import { refill, type SyncLimits } from './limits';
import type { Logger } from './log';
import { PresenceAbuse, type PresenceDrop, PresenceGuard } from './presenceGuard';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, isSyncStep1 } from './protocol';
import type { Peer, Room, UpdateRefusal } from './room';

/** Close codes: shared/collab/closeCodes.ts, where the app's message for each lives. */
export const CLOSE_MALFORMED = CLOSE_CODES.malformed;
export const CLOSE_REVOKED = CLOSE_CODES.revoked;
export const CLOSE_ROOM_TOO_LARGE = CLOSE_CODES.roomTooLarge;
export const CLOSE_SUBDOCUMENTS = CLOSE_CODES.subdocuments;
export const CLOSE_BUDGET = CLOSE_CODES.overBudget;
export const CLOSE_UNAVAILABLE = CLOSE_CODES.unavailable;

/** Frames that may arrive while the room loads; a client sends two or three, more is abuse. */
const MAX_QUEUED = 64;
/** Sync step 1 frames dropped in a row (each too soon after the last answered) before the connection is closed. */
const MAX_DROPPED_SYNC_STEP1 = 10;
/**
 * How long a peer closed for its own fault has to answer the close frame before
 * its socket is cut: until then ws keeps parsing whatever it sends (unlooked at),
 * and without this for ws's 30 s close timeout.
 */
const CLOSE_GRACE_MS = 1000;
/** A peer that stops reading is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface ConnectionCounters {
  droppedWrites: number;
  malformed: number;
  /** Connections closed for going over a budget or for abusive presence. */
  overBudget: number;
  /** Sync step 1 frames dropped for coming faster than one per syncStep1IntervalMs. */
  droppedSyncRequests: number;
  /** Presence entries dropped (another participant's id, clock, size, rate). */
  droppedPresence: number;
  /** Of those, the ones naming another connection's id: mostly harmless, the stock client echoes its peers' presence. */
  foreignPresence: number;
  /** Document updates refused (subdocuments, room size cap). */
  refusedUpdates: number;
}

export const newCounters = (): ConnectionCounters => ({
  droppedWrites: 0,
  malformed: 0,
  overBudget: 0,
  droppedSyncRequests: 0,
  droppedPresence: 0,
  foreignPresence: 0,
  refusedUpdates: 0,
});

/** ws hands over a Buffer (a Uint8Array already: taken as it is, no view object per frame); the other two shapes only for other binaryTypes. */
const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
};

const REFUSAL: Readonly<Record<UpdateRefusal, { code: number; reason: string }>> = {
  subdocuments: { code: CLOSE_SUBDOCUMENTS, reason: 'subdocuments are not supported' },
  'too large': { code: CLOSE_ROOM_TOO_LARGE, reason: 'this board has reached its size limit' },
};

/** Everything a connection needs from the server besides its socket and room: one object, shared by every connection. */
export interface ConnectionContext {
  readonly log: Logger;
  readonly counters: ConnectionCounters;
  readonly limits: SyncLimits;
  /** Called once a connection to the room has closed (starts its idle countdown when it was the last). */
  readonly release: (room: Room) => void;
}

/** For logs: a peer's address and port. */
export const peerAddress = (socket: Socket): string => `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;

/**
 * The clock the budgets run on, in whole milliseconds: a small integer is
 * kept inside the connection object, a fraction would be a boxed number of
 * its own (16 B per clock per connection). Precision past 1 ms buys nothing
 * for limits counted per second.
 */
const nowMs = (): number => Math.floor(performance.now());

/** The Connection a socket serves, found by the shared listeners below (ws keeps its own state on sockets the same way). */
const CONNECTION = Symbol('connection');
type ServedSocket = WebSocket & { [CONNECTION]?: Connection };

/*
 * The socket's listeners are module functions called with the socket as
 * `this`, and everything a connection keeps is fields of one object with its
 * methods on the prototype: a server holds thousands of connections, and one
 * closure per handler per connection cost ~1 KiB each (the sync bench's
 * memory per room).
 */
function onMessage(this: ServedSocket, data: RawData): void {
  this[CONNECTION]?.receive(data);
}
function onSocketError(this: ServedSocket, err: Error): void {
  this[CONNECTION]?.socketError(err);
}
function onSocketClose(this: ServedSocket): void {
  this[CONNECTION]?.closed();
}
function onPong(this: ServedSocket): void {
  const connection = this[CONNECTION];
  if (connection) connection.alive = true;
}

/**
 * The server's keepalive tick for one socket: a socket that has not answered
 * the last ping (a laptop lid closed) is dropped, any other is pinged again.
 */
const keepAlive = (ws: WebSocket): void => {
  const connection = (ws as ServedSocket)[CONNECTION];
  if (!connection?.alive) ws.terminate();
  else {
    connection.alive = false;
    ws.ping();
  }
};

/** Sockets pinged per event-loop turn by keepAliveAll. */
const PINGS_PER_TURN = 64;

/**
 * The keepalive tick for every socket, a slice per event-loop turn: one ping
 * is a write to the socket (~25 µs on loopback), so a thousand in one turn
 * held every room's edits for tens of ms, and their pongs came back as one
 * burst.
 */
export const keepAliveAll = (sockets: Iterable<WebSocket>): void => {
  const all = [...sockets];
  const slice = (from: number): void => {
    const to = Math.min(all.length, from + PINGS_PER_TURN);
    for (let i = from; i < to; i++) keepAlive(all[i]!);
    if (to < all.length) setImmediate(slice, to);
  };
  slice(0);
};

/**
 * Runs the y-websocket protocol for one authorised socket in one room.
 * Nothing is answered until the room's stored state is loaded. A spectator's
 * document updates are dropped here, whatever its client does. The connection
 * is closed, with a code the client can show, for a frame that fails to
 * decode, going over its budget, or an update the room refuses; once it is
 * closing, nothing more it sent is looked at.
 */
class Connection extends PresenceGuard implements Peer {
  /** A pong (or the handshake) since the last keepalive ping. */
  alive = true;
  /** The room's bookkeeping (Peer). */
  presenceId: number | null = null;
  presenceOffset: number | null = null;
  /** Frames that came before the room loaded; null once it has. */
  private queue: Uint8Array[] | null = [];
  private broken = false;
  private warnedReadOnly = false;
  /** Presence drops already logged, by reason (null until the first). */
  private warnedDrops: Set<PresenceDrop> | null = null;
  /** When the last sync step 1 was answered (nowMs), null before the first. */
  private lastSyncStep1: number | null = null;
  private droppedSyncStep1 = 0;
  /** The per-connection budget: bytes and messages left, refilled at their rates since `budgetAt` (a token bucket each, on one clock). */
  private bytesLeft: number;
  private messagesLeft: number;
  private budgetAt: number;

  constructor(
    private readonly ws: ServedSocket,
    private readonly room: Room,
    role: Role,
    /** For logs: the peer's TCP socket (its address is read when a line is written: nothing kept per connection). */
    private readonly socket: Socket,
    private readonly context: ConnectionContext,
  ) {
    super(role, context.limits, nowMs());
    this.bytesLeft = context.limits.bytesBurst;
    this.messagesLeft = context.limits.messagesBurst;
    this.budgetAt = nowMs();
    ws[CONNECTION] = this;
    room.join(this);
    context.log.info(`room ${room.id}: ${this.label} joined (${room.peers.size} connected)`);
    ws.on('error', onSocketError);
    ws.on('message', onMessage);
    ws.on('close', onSocketClose);
    ws.on('pong', onPong);
    room.ready.then(
      () => this.start(),
      () => this.shut(CLOSE_UNAVAILABLE, 'room unavailable', null),
    );
  }

  /** For logs: who this is (address, role). Built when a line is written, not kept. */
  get label(): string {
    return `${peerAddress(this.socket)} as ${this.role}`;
  }

  send(frame: Uint8Array): void {
    if (this.usable() && !this.cutIfNotReading()) this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    this.shut(code, reason, null);
  }

  protected claimPresence(clientId: number): boolean {
    return this.room.claimPresence(this, clientId);
  }

  protected presenceDropped(why: PresenceDrop): void {
    const { counters, log } = this.context;
    counters.droppedPresence++;
    // The stock client echoes every peer's presence: those are dropped silently.
    if (why === 'foreign id') {
      counters.foreignPresence++;
      return;
    }
    if (this.warnedDrops?.has(why)) return;
    this.warnedDrops ??= new Set();
    this.warnedDrops.add(why);
    log.warn(`room ${this.room.id}: dropping presence from ${this.label}: ${why}`);
  }

  receive(data: RawData): void {
    // Frames already received when the socket started closing are not looked at.
    if (!this.usable()) return;
    const frame = toBytes(data);
    const t = nowMs();
    const over = this.spend(frame.byteLength, t);
    if (over) this.overBudget(over);
    else if (this.queue === null) this.handle(frame, t);
    else if (this.queue.push(frame) > MAX_QUEUED) this.fail('too many messages before the room loaded');
  }

  socketError(err: Error): void {
    this.context.log.warn(`room ${this.room.id}: socket error from ${this.label}: ${err.message}`);
    this.ws.terminate();
  }

  closed(): void {
    this.broken = true;
    this.room.leave(this);
    this.context.log.info(`room ${this.room.id}: ${this.label} left (${this.room.peers.size} connected)`);
    this.context.release(this.room);
  }

  /** The room has loaded: sync step 1, the presence already there, then whatever the client sent meanwhile. */
  private start(): void {
    if (!this.usable()) return;
    const { room } = this;
    this.send(encodeSyncStep1(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) this.send(encodeAwareness(room.awareness, states));
    const pending = this.queue ?? [];
    this.queue = null;
    for (const frame of pending) this.handle(frame, nowMs());
  }

  /** Takes a frame out of the budget; what was exceeded (for the log line), or null. */
  private spend(bytes: number, t: number): string | null {
    const { limits } = this.context;
    const elapsed = t - this.budgetAt;
    this.budgetAt = t;
    this.messagesLeft = refill(this.messagesLeft, elapsed, limits.messagesPerSecond, limits.messagesBurst);
    this.bytesLeft = refill(this.bytesLeft, elapsed, limits.bytesPerSecond, limits.bytesBurst);
    if (this.messagesLeft < 1) return `over ${limits.messagesPerSecond} messages/s (burst ${limits.messagesBurst})`;
    this.messagesLeft -= 1;
    if (this.bytesLeft < bytes) return `over ${limits.bytesPerSecond} bytes/s (burst ${limits.bytesBurst})`;
    this.bytesLeft -= bytes;
    return null;
  }

  private usable(): boolean {
    return !this.broken && this.ws.readyState === WebSocket.OPEN;
  }

  private cutIfNotReading(): boolean {
    if (this.ws.bufferedAmount <= MAX_BUFFERED_BYTES) return false;
    this.context.log.warn(`room ${this.room.id}: ${this.label} is not reading; disconnecting`);
    this.broken = true;
    this.ws.terminate();
    return true;
  }

  /** Closes with a code the client shows; `logLine` is the line for the server's log, null for a close that is no fault of the peer. */
  private shut(code: number, reason: string, logLine: string | null): void {
    if (this.broken) return;
    this.broken = true;
    const { ws } = this;
    ws.close(code, reason);
    if (!logLine) return;
    this.context.log.warn(`room ${this.room.id}: closing ${this.label}: ${logLine}`);
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  private fail(reason: string): void {
    if (!this.broken) this.context.counters.malformed++;
    this.shut(CLOSE_MALFORMED, 'malformed message', reason);
  }

  private overBudget(what: string): void {
    if (!this.broken) this.context.counters.overBudget++;
    this.shut(CLOSE_BUDGET, 'too many messages', what);
  }

  /** A sync step 1 too soon after the last one answered is dropped unread (the answer is the costly part). */
  private syncStep1TooSoon(t: number): boolean {
    const { limits, counters } = this.context;
    if (this.lastSyncStep1 === null || t - this.lastSyncStep1 >= limits.syncStep1IntervalMs) return false;
    counters.droppedSyncRequests++;
    // One early request may be a client's resync timer racing its reconnect; a run of them is not.
    if (++this.droppedSyncStep1 >= MAX_DROPPED_SYNC_STEP1)
      this.overBudget(`${this.droppedSyncStep1} sync requests within ${limits.syncStep1IntervalMs} ms of each other`);
    return true;
  }

  private answerSyncStep1(stateVector: Uint8Array, t: number): void {
    this.lastSyncStep1 = t;
    this.droppedSyncStep1 = 0;
    // Not even the cached answer for a peer that does not read what it was sent.
    if (!this.cutIfNotReading()) this.ws.send(this.room.answerSyncStep1(stateVector));
  }

  private handle(frame: Uint8Array, t: number): void {
    if (!this.usable()) return;
    if (isSyncStep1(frame) && this.syncStep1TooSoon(t)) return;
    const { room, context } = this;
    try {
      const msg = decodeClientMessage(frame);
      if (msg.type === 'sync-step-1') this.answerSyncStep1(msg.stateVector, t);
      else if (msg.type === 'awareness') room.applyPresence(this.filterPresence(msg.update, t), this);
      else if (canWrite(this.role)) {
        const refused = room.applyUpdate(msg.update, this);
        if (refused) {
          context.counters.refusedUpdates++;
          const { code, reason } = REFUSAL[refused];
          this.shut(code, reason, `refused an update of ${msg.update.byteLength} bytes: ${reason}`);
        }
      } else {
        context.counters.droppedWrites++;
        if (!this.warnedReadOnly) context.log.warn(`room ${room.id}: dropping document updates from read-only ${this.label}`);
        this.warnedReadOnly = true;
      }
    } catch (err) {
      if (err instanceof PresenceAbuse) this.overBudget(err.message);
      else this.fail((err as Error).message);
    }
  }
}

/** Serves one authorised socket in its room until it closes (see Connection). */
export const serveConnection = (ws: WebSocket, room: Room, role: Role, socket: Socket, context: ConnectionContext): void =>
  void new Connection(ws, room, role, socket, context);

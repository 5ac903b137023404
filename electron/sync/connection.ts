import { type RawData, WebSocket } from 'ws';
import { CLOSE_CODES, canWrite, type Role } from '../../shared/collab';
import { type SyncLimits, TokenBucket } from './limits';
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

const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
};

const REFUSAL: Readonly<Record<UpdateRefusal, { code: number; reason: string }>> = {
  subdocuments: { code: CLOSE_SUBDOCUMENTS, reason: 'subdocuments are not supported' },
  'too large': { code: CLOSE_ROOM_TOO_LARGE, reason: 'this board has reached its size limit' },
};

/** Everything a connection needs from the server besides its socket and room. */
export interface ConnectionContext {
  readonly log: Logger;
  readonly counters: ConnectionCounters;
  readonly limits: SyncLimits;
  readonly onClosed: () => void;
}

/**
 * Runs the y-websocket protocol for one authorised socket in one room.
 * Nothing is answered until the room's stored state is loaded. A spectator's
 * document updates are dropped here, whatever its client does. The connection
 * is closed, with a code the client can show, for a frame that fails to
 * decode, going over its budget, or an update the room refuses; once it is
 * closing, nothing more it sent is looked at.
 */
export const serveConnection = (ws: WebSocket, room: Room, role: Role, who: string, context: ConnectionContext): void => {
  const { log, counters, limits } = context;
  const peer: Peer = {
    label: `${who} as ${role}`,
    send(frame) {
      if (usable() && !cutIfNotReading()) ws.send(frame);
    },
    close: (code, reason) => shut(code, reason, null),
  };
  const writable = canWrite(role);
  const now = () => performance.now();
  const bytes = new TokenBucket(limits.bytesPerSecond, limits.bytesBurst, now());
  const messages = new TokenBucket(limits.messagesPerSecond, limits.messagesBurst, now());
  let lastSyncStep1 = Number.NEGATIVE_INFINITY;
  let droppedSyncStep1 = 0;
  const warnedDrops = new Set<PresenceDrop>();
  const presence = new PresenceGuard(
    role,
    limits,
    (clientId) => room.claimPresence(peer, clientId),
    (why) => {
      counters.droppedPresence++;
      // The stock client echoes every peer's presence: those are dropped silently.
      if (why === 'foreign id') counters.foreignPresence++;
      if (why === 'foreign id' || warnedDrops.has(why)) return;
      warnedDrops.add(why);
      log.warn(`room ${room.id}: dropping presence from ${peer.label}: ${why}`);
    },
    now(),
  );
  let queue: Uint8Array[] | null = [];
  let broken = false;
  let warnedReadOnly = false;

  const usable = (): boolean => !broken && ws.readyState === WebSocket.OPEN;

  const cutIfNotReading = (): boolean => {
    if (ws.bufferedAmount <= MAX_BUFFERED_BYTES) return false;
    log.warn(`room ${room.id}: ${peer.label} is not reading; disconnecting`);
    broken = true;
    ws.terminate();
    return true;
  };

  /** Closes with a code the client shows; `log` is the line for the server's log, null for a close that is no fault of the peer. */
  const shut = (code: number, reason: string, logLine: string | null): void => {
    if (broken) return;
    broken = true;
    ws.close(code, reason);
    if (!logLine) return;
    log.warn(`room ${room.id}: closing ${peer.label}: ${logLine}`);
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
  };

  const fail = (reason: string): void => {
    if (!broken) counters.malformed++;
    shut(CLOSE_MALFORMED, 'malformed message', reason);
  };

  const overBudget = (what: string): void => {
    if (!broken) counters.overBudget++;
    shut(CLOSE_BUDGET, 'too many messages', what);
  };

  /** A sync step 1 too soon after the last one answered is dropped unread (the answer is the costly part). */
  const syncStep1TooSoon = (t: number): boolean => {
    if (t - lastSyncStep1 >= limits.syncStep1IntervalMs) return false;
    counters.droppedSyncRequests++;
    // One early request may be a client's resync timer racing its reconnect; a run of them is not.
    if (++droppedSyncStep1 >= MAX_DROPPED_SYNC_STEP1)
      overBudget(`${droppedSyncStep1} sync requests within ${limits.syncStep1IntervalMs} ms of each other`);
    return true;
  };

  const answerSyncStep1 = (stateVector: Uint8Array, t: number): void => {
    lastSyncStep1 = t;
    droppedSyncStep1 = 0;
    // Not even the cached answer for a peer that does not read what it was sent.
    if (!cutIfNotReading()) ws.send(room.answerSyncStep1(stateVector));
  };

  const handle = (frame: Uint8Array): void => {
    if (!usable()) return;
    const t = now();
    if (isSyncStep1(frame) && syncStep1TooSoon(t)) return;
    try {
      const msg = decodeClientMessage(frame);
      if (msg.type === 'sync-step-1') answerSyncStep1(msg.stateVector, t);
      else if (msg.type === 'awareness') room.applyPresence(presence.filter(msg.update, t), peer);
      else if (writable) {
        const refused = room.applyUpdate(msg.update, peer);
        if (refused) {
          counters.refusedUpdates++;
          const { code, reason } = REFUSAL[refused];
          shut(code, reason, `refused an update of ${msg.update.byteLength} bytes: ${reason}`);
        }
      } else {
        counters.droppedWrites++;
        if (!warnedReadOnly) log.warn(`room ${room.id}: dropping document updates from read-only ${peer.label}`);
        warnedReadOnly = true;
      }
    } catch (err) {
      if (err instanceof PresenceAbuse) overBudget(err.message);
      else fail((err as Error).message);
    }
  };

  room.join(peer);
  log.info(`room ${room.id}: ${peer.label} joined (${room.peers.size} connected)`);

  ws.on('error', (err) => {
    log.warn(`room ${room.id}: socket error from ${peer.label}: ${err.message}`);
    ws.terminate();
  });
  ws.on('message', (data) => {
    // Frames already received when the socket started closing are not looked at.
    if (!usable()) return;
    const frame = toBytes(data);
    const t = now();
    if (!messages.take(1, t)) return overBudget(`over ${limits.messagesPerSecond} messages/s (burst ${limits.messagesBurst})`);
    if (!bytes.take(frame.byteLength, t)) return overBudget(`over ${limits.bytesPerSecond} bytes/s (burst ${limits.bytesBurst})`);
    if (queue === null) return handle(frame);
    queue.push(frame);
    if (queue.length > MAX_QUEUED) fail('too many messages before the room loaded');
  });
  ws.on('close', () => {
    broken = true;
    room.leave(peer);
    log.info(`room ${room.id}: ${peer.label} left (${room.peers.size} connected)`);
    context.onClosed();
  });

  room.ready.then(
    () => {
      if (!usable()) return;
      peer.send(encodeSyncStep1(room.doc));
      const states = [...room.awareness.getStates().keys()];
      if (states.length > 0) peer.send(encodeAwareness(room.awareness, states));
      const pending = queue ?? [];
      queue = null;
      for (const frame of pending) handle(frame);
    },
    () => shut(CLOSE_UNAVAILABLE, 'room unavailable', null),
  );
};

import { type RawData, WebSocket } from 'ws';
import { canWrite, type Role } from '../../shared/collab';
import type { Logger } from './log';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2 } from './protocol';
import type { Peer, Room } from './room';

/** Close code for a protocol violation. y-websocket clients treat 4400–4499 as final and stop reconnecting. */
export const CLOSE_MALFORMED = 4400;
/** Close code when the room could not be loaded; clients retry. */
export const CLOSE_UNAVAILABLE = 1011;

/** Frames that may arrive while the room loads; a client sends two or three, more is abuse. */
const MAX_QUEUED = 64;
/** A peer that stops reading is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface ConnectionCounters {
  droppedWrites: number;
  malformed: number;
}

const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
};

/**
 * Runs the y-websocket protocol for one authorised socket in one room.
 * Nothing is answered until the room's stored state is loaded. A spectator's
 * document updates are dropped here, whatever its client does. Any frame that
 * fails to decode or apply closes this socket only.
 */
export const serveConnection = (
  ws: WebSocket,
  room: Room,
  role: Role,
  who: string,
  log: Logger,
  counters: ConnectionCounters,
  onClosed: () => void,
): void => {
  const peer: Peer = {
    label: `${who} as ${role}`,
    send(frame) {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        log.warn(`room ${room.id}: ${peer.label} is not reading; disconnecting`);
        ws.terminate();
        return;
      }
      ws.send(frame);
    },
  };
  const writable = canWrite(role);
  let queue: Uint8Array[] | null = [];
  let broken = false;
  let warnedReadOnly = false;

  const fail = (reason: string): void => {
    if (broken) return;
    broken = true;
    counters.malformed++;
    log.warn(`room ${room.id}: closing ${peer.label}: ${reason}`);
    ws.close(CLOSE_MALFORMED, 'malformed message');
  };

  const handle = (frame: Uint8Array): void => {
    if (broken) return;
    try {
      const msg = decodeClientMessage(frame);
      if (msg.type === 'sync-step-1') peer.send(encodeSyncStep2(room.doc, msg.stateVector));
      else if (msg.type === 'awareness') room.applyAwareness(msg.update, frame, peer);
      else if (writable) room.applyUpdate(msg.update, peer);
      else {
        counters.droppedWrites++;
        if (!warnedReadOnly) log.warn(`room ${room.id}: dropping document updates from read-only ${peer.label}`);
        warnedReadOnly = true;
      }
    } catch (err) {
      fail((err as Error).message);
    }
  };

  room.join(peer);
  log.info(`room ${room.id}: ${peer.label} joined (${room.peers.size} connected)`);

  ws.on('error', (err) => {
    log.warn(`room ${room.id}: socket error from ${peer.label}: ${err.message}`);
    ws.terminate();
  });
  ws.on('message', (data) => {
    const frame = toBytes(data);
    if (queue === null) return handle(frame);
    queue.push(frame);
    if (queue.length > MAX_QUEUED) fail('too many messages before the room loaded');
  });
  ws.on('close', () => {
    room.leave(peer);
    log.info(`room ${room.id}: ${peer.label} left (${room.peers.size} connected)`);
    onClosed();
  });

  room.ready.then(
    () => {
      if (ws.readyState !== WebSocket.OPEN) return;
      peer.send(encodeSyncStep1(room.doc));
      const states = [...room.awareness.getStates().keys()];
      if (states.length > 0) peer.send(encodeAwareness(room.awareness, states));
      const pending = queue ?? [];
      queue = null;
      for (const frame of pending) handle(frame);
    },
    () => ws.close(CLOSE_UNAVAILABLE, 'room unavailable'),
  );
};

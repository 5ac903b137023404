import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The y-websocket wire protocol: every frame starts with a varuint message
 * type. Clients send sync (0) and awareness (1); auth (2) and query-awareness
 * (3) flow only from server to client here, so anything else is malformed.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
};

/**
 * The frame relaying one update to every peer: built in one allocation, as
 * lib0's encoder would lay it out (type, step, varuint length, payload),
 * without the encoder's 100-byte buffer and the copy out of it on every edit.
 */
export const encodeUpdate = (update: Uint8Array): Uint8Array => {
  const length = update.byteLength;
  let lengthBytes = 1;
  for (let v = length; v > 0x7f; v = Math.floor(v / 128)) lengthBytes++;
  const frame = new Uint8Array(2 + lengthBytes + length);
  frame[0] = MESSAGE_SYNC;
  frame[1] = syncProtocol.messageYjsUpdate;
  let pos = 2;
  let v = length;
  for (; v > 0x7f; v = Math.floor(v / 128)) frame[pos++] = 0x80 | (v & 0x7f);
  frame[pos++] = v;
  frame.set(update, pos);
  return frame;
};

export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: readonly number[]): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
  return encoding.toUint8Array(e);
};

/** A decoded client frame. `update` covers both sync-step-2 and incremental updates: the same payload. */
export type ClientMessage =
  | { readonly type: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array };

/** Whether a frame is a sync step 1, read from its first two bytes (each varuint 0): cheap enough to drop one unread. */
export const isSyncStep1 = (frame: Uint8Array): boolean =>
  frame[0] === MESSAGE_SYNC && frame[1] === syncProtocol.messageYjsSyncStep1;

/** Decodes one client frame; throws on anything malformed (bad varint, unknown type, truncated payload). */
export const decodeClientMessage = (frame: Uint8Array): ClientMessage => {
  const d = decoding.createDecoder(frame);
  const type = decoding.readVarUint(d);
  if (type === MESSAGE_AWARENESS) return { type: 'awareness', update: decoding.readVarUint8Array(d) };
  if (type !== MESSAGE_SYNC) throw new Error(`unknown message type ${type}`);
  const step = decoding.readVarUint(d);
  const payload = decoding.readVarUint8Array(d);
  switch (step) {
    case syncProtocol.messageYjsSyncStep1:
      return { type: 'sync-step-1', stateVector: payload };
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate:
      return { type: 'update', update: payload };
    default:
      throw new Error(`unknown sync step ${step}`);
  }
};

/** The server's answer to a client's sync step 1: `missing` is everything the client lacks (Room.answerSyncStep1). */
export const encodeSyncStep2 = (missing: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, missing);
  return encoding.toUint8Array(e);
};

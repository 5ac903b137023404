import type { Socket } from 'node:net';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';

/** Frames no honest client sends, for the attack tests: built by hand, written straight to the TCP socket. */

/** An awareness frame (message type 1) with the given entries: client id, clock, state. */
export const awarenessFrame = (entries: readonly { id: number; clock: number; state: unknown }[]): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { id, clock, state } of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

/** A document update frame (sync message, step "update"). */
export const updateFrame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/** A sync step 1 (sync message, step 0) for an empty state vector: asks the server for the whole document. */
export const SYNC_STEP_1 = Uint8Array.from([0, 0, 1, 0]);

/**
 * Client frames (binary, masked with a zero mask, which leaves the payload as
 * is) concatenated for one socket write, as an attacker would send them: the
 * test pays nothing per frame, so what is measured is the server alone.
 */
export const oneWrite = (payloads: readonly Uint8Array[]): Buffer =>
  Buffer.concat(
    payloads.flatMap((p) => {
      if (p.byteLength > 0xffff) throw new Error('frame too long for this helper');
      const head = p.byteLength < 126 ? [0x82, 0x80 | p.byteLength] : [0x82, 0x80 | 126, p.byteLength >> 8, p.byteLength & 255];
      return [Buffer.from([...head, 0, 0, 0, 0]), p];
    }),
  );

/** Writes bytes straight to a ws client's TCP socket. */
export const writeRaw = (ws: WebSocket, bytes: Buffer): void => void (ws as unknown as { _socket: Socket })._socket.write(bytes);

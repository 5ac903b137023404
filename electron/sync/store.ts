/// <reference path="./y-leveldb.d.ts" />
import { LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';

/**
 * Where rooms live when they are not in memory. Every update is appended as it
 * arrives (so a crash loses at most what the OS had not been handed yet), and
 * a room is compacted into one update when it leaves memory.
 */
export interface RoomStore {
  /** The room's whole state as one update; null for a room never stored. Rejects when the store cannot be read. */
  load(roomId: string): Promise<Uint8Array | null>;
  append(roomId: string, update: Uint8Array): Promise<void>;
  /** Merges the stored updates into one. */
  compact(roomId: string): Promise<void>;
  /** Waits for pending writes, then releases the store. */
  close(): Promise<void>;
  readonly kind: 'leveldb' | 'memory';
}

/**
 * y-leveldb, the y-websocket ecosystem's store. Its operations are serialised
 * on one promise chain, so `close` runs after every queued write. y-leveldb
 * logs and swallows errors, returning null, so a null doc means "failed".
 */
export const leveldbStore = (dir: string): RoomStore => {
  const ldb = new LeveldbPersistence(dir);
  return {
    kind: 'leveldb',
    async load(roomId) {
      const doc = (await ldb.getYDoc(roomId)) as Y.Doc | null;
      if (!doc) throw new Error(`could not read room ${roomId} from ${dir}`);
      const state = doc.store.clients.size === 0 ? null : Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return state;
    },
    append: async (roomId, update) => {
      await ldb.storeUpdate(roomId, update);
    },
    compact: async (roomId) => {
      await ldb.flushDocument(roomId);
    },
    close: () => ldb.destroy(),
  };
};

/**
 * In-memory store (tests, or `archdrill serve` without --data): evicted rooms
 * keep their state here as merged updates, so eviction frees the Y.Doc, the
 * awareness and the connections but loses no edit. A restart loses everything.
 */
export const memoryStore = (): RoomStore => {
  const rooms = new Map<string, Uint8Array[]>();
  return {
    kind: 'memory',
    load: async (roomId) => {
      const updates = rooms.get(roomId);
      return updates ? Y.mergeUpdates(updates) : null;
    },
    append: async (roomId, update) => {
      const list = rooms.get(roomId);
      if (list) list.push(update);
      else rooms.set(roomId, [update]);
    },
    compact: async (roomId) => {
      const updates = rooms.get(roomId);
      if (updates && updates.length > 1) rooms.set(roomId, [Y.mergeUpdates(updates)]);
    },
    close: async () => {},
  };
};

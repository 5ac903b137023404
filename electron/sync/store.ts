import * as Y from 'yjs';

/**
 * Where rooms live when they are not in memory. `append` never waits: the
 * relay to peers must not sit behind the disk. A persistent store writes what
 * was appended within its flush window (see leveldbStore.ts) and on `flush`.
 */
export interface RoomStore {
  /** The room's whole state as one update; null for a room never stored. Rejects when the store cannot be read. */
  load(roomId: string): Promise<Uint8Array | null>;
  /** Queues an update for the room; cheap and synchronous. */
  append(roomId: string, update: Uint8Array): void;
  /** Writes everything queued so far, for every room; rejects if the write failed (the updates stay queued). */
  flush(): Promise<void>;
  /** Flushes, then merges the room's stored updates into one (the room is leaving memory). */
  compact(roomId: string): Promise<void>;
  /** Updates appended but not yet written: what a crash right now could cost the store (peers still hold them). */
  readonly pending: number;
  /** Flushes, then releases the store. */
  close(): Promise<void>;
  readonly kind: 'leveldb' | 'memory';
}

/** An evicted room's update list is merged when it grows past this, so a long-lived server's memory stays bounded. */
const MERGE_AT = 64;

/**
 * In-memory store (tests, or `archdrill serve` without --data): evicted rooms
 * keep their state here as merged updates, so eviction frees the Y.Doc, the
 * awareness and the connections but loses no edit. A restart loses everything.
 */
export const memoryStore = (): RoomStore => {
  const rooms = new Map<string, Uint8Array[]>();
  const merge = (roomId: string): void => {
    const updates = rooms.get(roomId);
    if (updates && updates.length > 1) rooms.set(roomId, [Y.mergeUpdates(updates)]);
  };
  return {
    kind: 'memory',
    pending: 0,
    load: async (roomId) => {
      merge(roomId);
      return rooms.get(roomId)?.[0] ?? null;
    },
    append: (roomId, update) => {
      const list = rooms.get(roomId);
      if (!list) rooms.set(roomId, [update]);
      else if (list.push(update) > MERGE_AT) merge(roomId);
    },
    flush: async () => {},
    compact: async (roomId) => merge(roomId),
    close: async () => {},
  };
};

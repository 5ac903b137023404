import type { Role } from '../../shared/collab';

/**
 * Where rooms live when they are not in memory. `append` never waits: the
 * relay to peers must not sit behind the disk. A persistent store writes what
 * was appended within its flush window (see leveldbStore.ts) and on `flush`.
 */
export interface RoomStore {
  /**
   * The room's whole state: one update, or several to apply in order (in one
   * transaction: merging a y-leveldb room's 500 records first cost 5× as much
   * main thread); null for a room never stored. Rejects when the store cannot be read.
   * A store shared by several nodes (PostgreSQL) calls `onRemote` with every update another node writes to
   * the room from the moment `load` is called until `evict`, so no update falls between the read and the watch.
   */
  load(roomId: string, onRemote?: RemoteUpdates, currentState?: CurrentState): Promise<StoredState | null>;
  /** Queues an update for the room; cheap and synchronous. */
  append(roomId: string, update: Uint8Array): void;
  /** Writes everything queued so far, for every room; rejects if the write failed (the updates stay queued). */
  flush(): Promise<void>;
  /** The room leaves memory with this whole state: flushes, then keeps the state as the room's one record. */
  evict(roomId: string, state: Uint8Array): Promise<void>;
  /** Updates appended but not yet written: what a crash right now could cost the store (peers still hold them). */
  readonly pending: number;
  /**
   * The room's link generation (0 for a room never revoked). Tokens are signed
   * for one generation, so bumping it revokes every link handed out before.
   * Rejects when the store cannot be read: the caller then refuses the link.
   */
  generation(roomId: string): Promise<number>;
  /** Revokes the room's links: stores and returns generation + 1, durably before it resolves. */
  bumpGeneration(roomId: string): Promise<number>;
  /**
   * A store shared by several nodes calls this with a room's new generation when another node revoked its
   * links (and, after its notifications reconnect, with the generation of every room held here), so the
   * connections this node holds on the old links are closed too.
   */
  onRevoked?(listener: (roomId: string, generation: number) => void): void;
  /**
   * Join codes every node reads (PostgreSQL): a code handed out by one node
   * resolves on any of them, and after a restart. Absent: codes live in the
   * memory of the process that issued them (joinCodes.ts).
   */
  readonly codes?: SharedJoinCodes;
  /** Flushes, then releases the store. */
  close(): Promise<void>;
  readonly kind: 'leveldb' | 'memory' | 'postgres';
}

/** A join code as the store keeps it: the link it names, and when the link expires (ms), if it does. */
export interface StoredCode {
  readonly roomId: string;
  readonly role: Role;
  readonly token: string;
  readonly expiresAt?: number;
}

/** Join codes kept where every node sees them. */
export interface SharedJoinCodes {
  /** Records a fresh code; a code already taken (40 bits: not in practice) keeps its first link. */
  put(code: string, entry: StoredCode): Promise<void>;
  /** The link a canonical code names; null for a code no node issued. Rejects when the store cannot be read. */
  get(code: string): Promise<StoredCode | null>;
}

/** A room's state as a store hands it back: one update, or updates to apply in order. */
export type StoredState = Uint8Array | readonly Uint8Array[];

/**
 * The loaded room's whole state now (everything appended so far, and more):
 * what a store compacts a live room's records into. Encoding the doc costs
 * far less than merging its stored updates (a y-leveldb trim merges 500: ~10
 * ms of main thread, every other room waiting).
 */
export type CurrentState = () => Uint8Array;

/** Receives an update another node wrote to a room this node holds: the room applies it and relays it to its own peers. */
export type RemoteUpdates = (update: Uint8Array) => void;

/**
 * In-memory store (tests, or `archdrill serve` without --data): a room's
 * state lives in its Y.Doc while it is loaded and here, as one update, while
 * it is not, so eviction frees the doc, the awareness and the connections but
 * loses no edit. Updates are not kept twice. A restart loses everything.
 */
export const memoryStore = (): RoomStore => {
  const rooms = new Map<string, Uint8Array>();
  const generations = new Map<string, number>();
  return {
    kind: 'memory',
    pending: 0,
    load: async (roomId) => {
      const state = rooms.get(roomId) ?? null;
      rooms.delete(roomId);
      return state;
    },
    append: () => {},
    flush: async () => {},
    evict: async (roomId, state) => void rooms.set(roomId, state),
    generation: async (roomId) => generations.get(roomId) ?? 0,
    bumpGeneration: async (roomId) => {
      const next = (generations.get(roomId) ?? 0) + 1;
      generations.set(roomId, next);
      return next;
    },
    close: async () => {},
  };
};

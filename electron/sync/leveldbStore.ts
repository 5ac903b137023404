/// <reference path="./y-leveldb.d.ts" />

import * as buffer from 'lib0/buffer';
import * as encoding from 'lib0/encoding';
import {
  getCurrentUpdateClock,
  getLevelUpdates,
  getLevelUpdatesEntries,
  keyEncoding,
  type LevelDb,
  LeveldbPersistence,
} from 'y-leveldb';
import * as Y from 'yjs';
import type { CurrentState, RoomStore } from './store';

/** How long an appended update may wait before it is written: the most a SIGKILL can take from the store alone. */
export const FLUSH_MS = 50;
/**
 * A flush hands LevelDB at most about this many records per event-loop turn.
 * Building a batch is main-thread work (LevelDB's binding copies every key and
 * value, ~2.5 µs a record), and every edit to be relayed waits behind it: 500
 * rooms queue ~100 records a flush window. A slice is written before the next
 * is built, so a room's updates reach disk in order; a room's updates in one
 * flush stay in one slice.
 */
export const SLICE_RECORDS = 32;
/** A live room's stored updates are compacted into one past this many, as y-leveldb does on load (its PREFERRED_TRIM_SIZE). */
const TRIM_AT = 500;
/**
 * LevelDB's defaults (8 MiB block cache, 4 MiB memtable) are sized for a
 * database server; a room's state is read once per load, so a small cache
 * costs little and keeps the sync server's memory per room down.
 */
const LEVEL_OPTIONS = { cacheSize: 2 * 1024 * 1024, writeBufferSize: 1024 * 1024 };

/** y-leveldb's keys: a room's updates in clock order, and the record its getAllDocNames lists rooms by. */
const updateKey = (roomId: string, clock: number) => ['v1', roomId, 'update', clock];
const svKey = (roomId: string) => ['v1_sv', roomId];
/** updateKey less its clock, encoded: a flush appends each record's clock to it instead of encoding the whole key again. */
const updateKeyPrefix = (roomId: string): Uint8Array => keyEncoding.encode(['v1', roomId, 'update']);
/** y-leveldb's encoding of a uint32 key part: its type byte, then big-endian. */
const CLOCK_BYTES = 5;
const CLOCK_TYPE = 1;
/** A flush's keys are already in y-leveldb's encoding and its values are updates: LevelDB takes both as bytes. */
const AS_IS = { keyEncoding: 'view', valueEncoding: 'view' } as const;
/** y-leveldb's meta record (its setMeta/getMeta layout, lib0 `encodeAny` values): the room's link generation. */
const generationKey = (roomId: string) => ['v1', roomId, 'meta', 'generation'];
/** y-leveldb's state vector record: the clock it was taken at, then the state vector. */
const stateVectorRecord = (clock: number, sv: Uint8Array): Buffer => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint8Array(e, sv);
  return asBuffer(encoding.toUint8Array(e));
};
interface RoomClock {
  last: number;
  records: number;
  readonly prefix: Uint8Array;
}

/** LevelDB takes Buffers; a view, not a copy. */
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export interface LeveldbStoreOptions {
  /** Default FLUSH_MS. */
  readonly flushMs?: number;
  /** Default SLICE_RECORDS. */
  readonly sliceRecords?: number;
  /** Told when a timed flush fails (the updates stay queued and are retried); once per run of failures. */
  readonly onWriteError?: (err: Error) => void;
}

/**
 * y-leveldb, the y-websocket ecosystem's store, with its key layout kept
 * (['v1', room, 'update', clock] and the ['v1_sv', room] record) so data
 * written by y-leveldb loads here and the other way round. What changes is the
 * write path: y-leveldb's `storeUpdate` opens an iterator to find the room's
 * last clock and then does a put, one update at a time on one shared queue,
 * which cost ~125 µs of main-thread CPU per edit in the sync bench. Here the
 * appended updates wait up to `flushMs` and go to disk in one LevelDB batch
 * for all rooms, each update its own record (merging a room's few updates
 * first cost ~50 µs each on the main thread, every room waiting; LevelDB's
 * own thread writes the records), with each room's clock kept in memory.
 * The batch goes in slices of about SLICE_RECORDS records, each written before
 * the next is built, so relays run between them instead of behind the whole
 * flush; keys are the room's encoded prefix plus the clock.
 * A live room past TRIM_AT records is compacted into its doc's current state
 * (an encode, not a merge of its records), one room per event-loop turn and
 * never in the flush's own turn, so edits to other rooms are relayed between.
 * Everything runs inside y-leveldb's own transaction queue (`_transact`), so
 * its reads and ours never interleave.
 */
export const leveldbStore = (dir: string, options: LeveldbStoreOptions = {}): RoomStore => {
  const flushMs = options.flushMs ?? FLUSH_MS;
  const sliceRecords = options.sliceRecords ?? SLICE_RECORDS;
  const ldb = new LeveldbPersistence(dir, { levelOptions: LEVEL_OPTIONS });
  /** Each loaded room's last stored clock (-1: nothing stored yet), how many update records it has on disk, its key prefix. */
  const clocks = new Map<string, RoomClock>();
  const clockEntry = (roomId: string, last: number, records: number): RoomClock => {
    const c = { last, records, prefix: updateKeyPrefix(roomId) };
    clocks.set(roomId, c);
    return c;
  };
  /** Each loaded room's current state, for compaction (see CurrentState). */
  const states = new Map<string, CurrentState>();
  /** Rooms past TRIM_AT records, compacted one per event-loop turn (see compactNext). */
  const toTrim = new Set<string>();
  let trimming = false;
  let queued = new Map<string, Uint8Array[]>();
  let queuedCount = 0;
  let writingCount = 0;
  let timer: NodeJS.Timeout | null = null;
  let failing = false;
  /** The last flush; each flush starts after the one before, so a room's updates reach disk in order. */
  let tail: Promise<void> = Promise.resolve();

  /** y-leveldb's `_transact` logs and swallows errors; this one hands them to the caller. */
  const transact = <T>(f: (db: LevelDb) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      void ldb._transact(async (db) => {
        try {
          resolve(await f(db));
        } catch (err) {
          reject(err);
        }
      });
    });

  const clockOf = async (db: LevelDb, roomId: string) => {
    let c = clocks.get(roomId);
    if (!c) {
      // Only for a room appended to without a load; its record count is unknown, so the next write merges them.
      c = clockEntry(roomId, await getCurrentUpdateClock(db, roomId), TRIM_AT);
    }
    return c;
  };

  /** y-leveldb's flushDocument: the merged state one clock up, its state vector record, then the old updates cleared. */
  const trim = async (db: LevelDb, roomId: string, state: Uint8Array, last: number): Promise<number> => {
    const next = last + 1;
    await db.batch([
      { type: 'put', key: updateKey(roomId, next), value: asBuffer(state) },
      { type: 'put', key: svKey(roomId), value: stateVectorRecord(next, Y.encodeStateVectorFromUpdate(state)) },
    ]);
    await db.clear({ gte: updateKey(roomId, 0), lt: updateKey(roomId, next) });
    return next;
  };

  const readGeneration = async (db: LevelDb, roomId: string): Promise<number> => {
    try {
      const raw = await db.get(generationKey(roomId));
      const value: unknown = raw == null ? 0 : buffer.decodeAny(raw);
      return typeof value === 'number' ? value : 0;
    } catch (err) {
      // Any other read error rejects: a link is refused rather than let through on a store that cannot say.
      if ((err as { notFound?: boolean }).notFound || (err as { code?: string }).code === 'LEVEL_NOT_FOUND') return 0;
      throw err;
    }
  };

  /**
   * One slice's records: each room's updates from its next clock on. Keys and
   * updates are copied into one buffer, each record a view of it: LevelDB's
   * binding copies them anyway, and handing it Yjs's own small updates (kept
   * inside V8's heap) would make V8 move each one out to an ArrayBuffer of its
   * own, which every scavenge then tracks.
   */
  const sliceOps = async (db: LevelDb, rooms: [string, Uint8Array[]][]) => {
    const ops: { type: 'put'; key: Uint8Array; value: Uint8Array }[] = [];
    const roomClocks: RoomClock[] = [];
    let bytes = 0;
    for (const [roomId, updates] of rooms) {
      const c = clocks.get(roomId) ?? (await clockOf(db, roomId));
      roomClocks.push(c);
      bytes += (c.prefix.length + CLOCK_BYTES) * updates.length;
      for (const u of updates) bytes += u.byteLength;
    }
    const slab = new Uint8Array(bytes);
    const view = new DataView(slab.buffer);
    let at = 0;
    const take = (length: number): Uint8Array => {
      at += length;
      return slab.subarray(at - length, at);
    };
    for (let r = 0; r < rooms.length; r++) {
      const [roomId, updates] = rooms[r]!;
      const { last, prefix } = roomClocks[r]!;
      // A room's first record also writes its state vector record, as y-leveldb's storeUpdate does (getAllDocNames reads it).
      if (last === -1)
        ops.push({
          type: 'put',
          key: keyEncoding.encode(svKey(roomId)),
          value: stateVectorRecord(0, Y.encodeStateVectorFromUpdate(updates[0]!)),
        });
      for (let i = 0; i < updates.length; i++) {
        slab.set(prefix, at);
        slab[at + prefix.length] = CLOCK_TYPE;
        view.setUint32(at + prefix.length + 1, last + 1 + i);
        const key = take(prefix.length + CLOCK_BYTES);
        slab.set(updates[i]!, at);
        ops.push({ type: 'put', key, value: take(updates[i]!.byteLength) });
      }
    }
    return ops;
  };

  const write = (batch: Map<string, Uint8Array[]>): Promise<void> =>
    transact(async (db) => {
      const rooms = [...batch];
      let from = 0;
      try {
        while (from < rooms.length) {
          // Whole rooms up to the slice's size (a room with more updates than that is a slice of its own).
          let to = from + 1;
          let records = rooms[from]![1].length;
          while (to < rooms.length && records + rooms[to]![1].length <= sliceRecords) records += rooms[to++]![1].length;
          const slice = rooms.slice(from, to);
          await db.batch(await sliceOps(db, slice), AS_IS);
          for (const [roomId, updates] of slice) {
            const c = clocks.get(roomId)!;
            c.last += updates.length;
            c.records += updates.length;
            if (c.records > TRIM_AT) toTrim.add(roomId);
          }
          writingCount -= records;
          from = to;
        }
      } catch (err) {
        // The slice that failed wrote nothing (a batch is atomic), nor did any after it: those rooms' updates go
        // back in front of anything queued since; the slices before it are on disk.
        for (const [roomId, updates] of rooms.slice(from)) {
          queued.set(roomId, [...updates, ...(queued.get(roomId) ?? [])]);
          queuedCount += updates.length;
          writingCount -= updates.length;
        }
        schedule();
        throw err;
      } finally {
        if (toTrim.size > 0 && !trimming) {
          trimming = true;
          setImmediate(compactNext);
        }
      }
    });

  /** Compacts one room past TRIM_AT records, then yields the event loop before the next. */
  const compactNext = (): void => {
    const roomId = toTrim.values().next().value;
    if (roomId === undefined) {
      trimming = false;
      return;
    }
    toTrim.delete(roomId);
    void transact(async (db) => {
      const c = clocks.get(roomId);
      if (!c || c.records <= TRIM_AT) return;
      // Taken inside the queue: every record written so far is in it (appended updates come from the doc).
      const state = states.get(roomId)?.() ?? Y.mergeUpdates(await getLevelUpdates(db, roomId));
      c.last = await trim(db, roomId, state, c.last);
      c.records = 1;
    })
      .catch(() => {
        // The records stay; the room is compacted on its next write past TRIM_AT, or its eviction.
      })
      .finally(() => setImmediate(compactNext));
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (queuedCount === 0) return tail;
    const batch = queued;
    const count = queuedCount;
    queued = new Map();
    queuedCount = 0;
    writingCount += count;
    const done = tail.then(() => write(batch));
    tail = done.catch(() => {});
    return done;
  };

  const schedule = (): void => {
    timer ??= setTimeout(
      () =>
        void flush().then(
          () => {
            failing = false;
          },
          (err: Error) => {
            if (!failing) options.onWriteError?.(err);
            failing = true;
          },
        ),
      flushMs,
    );
  };

  return {
    kind: 'leveldb',
    get pending() {
      return queuedCount + writingCount;
    },
    load: (roomId, _onRemote, currentState) =>
      transact(async (db) => {
        if (currentState) states.set(roomId, currentState);
        const entries = await getLevelUpdatesEntries(db, roomId);
        if (entries.length === 0) {
          clockEntry(roomId, -1, 0);
          return null;
        }
        // Not merged here (the room applies them in one transaction) nor trimmed yet: past TRIM_AT, the room's next
        // write compacts it into the doc's state, its eviction otherwise.
        clockEntry(roomId, entries[entries.length - 1]!.key[3] as number, entries.length);
        return entries.map((e) => e.value);
      }),
    append(roomId, update) {
      const list = queued.get(roomId);
      if (list) list.push(update);
      else queued.set(roomId, [update]);
      queuedCount++;
      schedule();
    },
    flush,
    generation: (roomId) => transact((db) => readGeneration(db, roomId)),
    bumpGeneration: (roomId) =>
      transact(async (db) => {
        const next = (await readGeneration(db, roomId)) + 1;
        await db.put(generationKey(roomId), buffer.encodeAny(next));
        return next;
      }),
    async evict(roomId, state) {
      await flush();
      await transact(async (db) => {
        const c = await clockOf(db, roomId);
        // The doc's state holds everything on disk and more: it replaces the room's records, as y-leveldb's flushDocument would.
        if (c.records > 1) await trim(db, roomId, state, c.last);
        // Its next load reads the clock again.
        clocks.delete(roomId);
        states.delete(roomId);
        toTrim.delete(roomId);
      });
    },
    async close() {
      try {
        await flush();
        // A write already under way when close was called, and failed since, put its updates back: one more try,
        // which rejects if it fails too.
        if (queuedCount > 0) await flush();
      } finally {
        if (timer) clearTimeout(timer);
        timer = null;
        await ldb.destroy();
      }
    },
  };
};

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Level } from 'level';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLevelUpdates, getLevelUpdatesEntries, LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';
import { leveldbStore } from '../../electron/sync/leveldbStore';
import type { RoomStore } from '../../electron/sync/store';
import { newRoomId } from '../../shared/collab';
import { onCleanup, waitFor } from './helpers';

/** The store hands a flush to LevelDB in slices of a few records, one after another, so relays run between them. */

const roomsDir = (): string => {
  const dir = mkdtempSync(joinPath(tmpdir(), 'archdrill-slices-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return joinPath(dir, 'rooms');
};

interface TestRoom {
  readonly id: string;
  readonly doc: Y.Doc;
  /** Every update the doc made, in order: what the store must hold. */
  readonly updates: Uint8Array[];
}

const openRooms = async (store: RoomStore, count: number): Promise<TestRoom[]> => {
  const rooms: TestRoom[] = [];
  for (let i = 0; i < count; i++) {
    const room = { id: newRoomId(), doc: new Y.Doc(), updates: [] as Uint8Array[] };
    await store.load(room.id, undefined, () => Y.encodeStateAsUpdate(room.doc));
    room.doc.on('update', (u: Uint8Array) => {
      room.updates.push(u);
      store.append(room.id, u);
    });
    rooms.push(room);
  }
  return rooms;
};

/** `count` edits to the room, each its own update. */
const edit = (room: TestRoom, count: number): void => {
  const list = room.doc.getArray<number>('edits');
  for (let i = 0; i < count; i++) list.push([list.length]);
};

/** What plain y-leveldb reads back: each room's records are its updates, in order, at clocks 0, 1, 2…, and it lists each room. */
const expectStored = async (dir: string, rooms: TestRoom[]): Promise<void> => {
  const ldb = new LeveldbPersistence(dir);
  try {
    for (const room of rooms) {
      const entries = (await ldb._transact((db) => getLevelUpdatesEntries(db, room.id))) ?? [];
      expect(entries.map((e) => e.key[3])).toEqual(room.updates.map((_, i) => i));
      expect(entries.map((e) => Buffer.from(e.value))).toEqual(room.updates.map((u) => Buffer.from(u)));
      const stored = await ldb.getYDoc(room.id);
      expect(stored.getArray('edits').toArray()).toEqual(room.doc.getArray('edits').toArray());
    }
    expect(await ldb.getAllDocNames()).toEqual(expect.arrayContaining(rooms.map((r) => r.id)));
  } finally {
    await ldb.destroy();
  }
};

/** LevelDB's batch writes, counted; `fail(n)` makes the n-th from now reject once (nothing of it written, as LevelDB's are atomic). */
const watchBatches = () => {
  // Only the array form is called by the store; its overloads (the chained form returns a batch) are not ours to spy on.
  const proto = Level.prototype as unknown as { batch: (...args: unknown[]) => Promise<void> };
  const original = proto.batch;
  let calls = 0;
  let failAt = -1;
  const started: (() => void)[] = [];
  vi.spyOn(proto, 'batch').mockImplementation(function (this: unknown, ...args: unknown[]) {
    calls++;
    for (const notify of started.splice(0)) notify();
    if (calls === failAt) return Promise.reject(new Error('disk full (injected)'));
    return original.apply(this, args);
  });
  return {
    get calls() {
      return calls;
    },
    fail(nth: number) {
      failAt = calls + nth;
    },
    /** Resolves at the next batch handed to LevelDB. */
    next: () => new Promise<void>((resolve) => started.push(resolve)),
  };
};

afterEach(() => vi.restoreAllMocks());

describe('a flush in slices', () => {
  it("writes every room's updates in order, a slice at a time, whatever their sizes", async () => {
    const dir = roomsDir();
    const batches = watchBatches();
    // Only flush() writes: the window is longer than the test.
    const store = leveldbStore(dir, { flushMs: 60_000, sliceRecords: 4 });
    const rooms = await openRooms(store, 30);
    // One update for most rooms, more than a slice for some, as 500 rooms' edits queue in a flush window.
    rooms.forEach((room, i) => {
      edit(room, i % 7 === 0 ? 9 : 1 + (i % 3));
    });
    const before = batches.calls;
    await store.flush();
    expect(batches.calls - before).toBeGreaterThan(5);
    expect(store.pending).toBe(0);
    // A second flush continues each room's clocks.
    for (const room of rooms) edit(room, 2);
    await store.flush();
    await store.close();
    await expectStored(dir, rooms);
  });

  it('close() while a flush is between slices loses nothing, the edits queued meanwhile included', async () => {
    const dir = roomsDir();
    const batches = watchBatches();
    const store = leveldbStore(dir, { flushMs: 60_000, sliceRecords: 2 });
    const rooms = await openRooms(store, 40);
    for (const room of rooms) edit(room, 3);
    const started = batches.next();
    const flushing = store.flush();
    await started;
    // The first slice is with LevelDB, the rest not yet built: new edits land behind them, then the process stops.
    for (const room of rooms.slice(0, 10)) edit(room, 2);
    expect(store.pending).toBeGreaterThan(0);
    await store.close();
    await flushing;
    expect(store.pending).toBe(0);
    await expectStored(dir, rooms);
  });

  it('a failed slice keeps the slices before it, retries from it in order, and is reported once', async () => {
    const dir = roomsDir();
    const batches = watchBatches();
    const errors: Error[] = [];
    const store = leveldbStore(dir, { flushMs: 5, sliceRecords: 2, onWriteError: (err) => errors.push(err) });
    const rooms = await openRooms(store, 12);
    batches.fail(3);
    for (const room of rooms) edit(room, 1);
    await waitFor('the failed write reported', () => errors.length > 0);
    // Edits made while the write is failing go in after the ones put back.
    for (const room of rooms) edit(room, 1);
    await waitFor('the retry wrote everything', () => store.pending === 0);
    expect(errors.map((e) => e.message)).toEqual(['disk full (injected)']);
    await store.close();
    await expectStored(dir, rooms);
  });

  it('compacts a room past 500 records after a sliced flush, as after one batch', async () => {
    const dir = roomsDir();
    const store = leveldbStore(dir, { flushMs: 60_000, sliceRecords: 4 });
    const [busy, ...others] = await openRooms(store, 6);
    for (let i = 0; i < 31; i++) {
      edit(busy!, 20);
      for (const room of others) edit(room, 1);
      await store.flush();
    }
    // The compaction runs in a turn of its own after the write that crossed the bound.
    await new Promise((r) => setImmediate(r));
    await store.close();

    const ldb = new LeveldbPersistence(dir);
    const records = await ldb._transact((db) => getLevelUpdates(db, busy!.id));
    expect(records?.length).toBeLessThan(200);
    expect((await ldb.getYDoc(busy!.id)).getArray('edits').length).toBe(620);
    await ldb.destroy();
    await expectStored(dir, others);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLevelUpdates, LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';
import { loadOrCreateSecret, signToken } from '../../electron/sync/auth';
import { FLUSH_MS, leveldbStore } from '../../electron/sync/leveldbStore';
import { startSyncServer } from '../../electron/sync/server';
import { newRoomId } from '../../shared/collab';
import { connect, join, onCleanup, SPAWNING, spawnServe, startServer, synced, waitFor } from './helpers';

/** The store writes updates in batches (one LevelDB write for every room, at most FLUSH_MS after an edit arrives). */

const tempDir = (): string => {
  const dir = mkdtempSync(joinPath(tmpdir(), 'archdrill-batch-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** `count` edits, each its own transaction and so its own update on the wire. */
const edit = (doc: Y.Doc, from: number, count: number): void => {
  const list = doc.getArray<number>('edits');
  for (let i = from; i < from + count; i++) list.push([i]);
};
const edits = (doc: Y.Doc): number[] => doc.getArray<number>('edits').toArray();
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('batched writes to the store', SPAWNING, () => {
  it('many quick edits, then close(): a restart on the same data dir has every one', async () => {
    const dataDir = tempDir();
    // A window longer than the test: only close() can write these edits.
    const first = await startSyncServer({ dataDir, flushMs: 60_000 });
    const roomId = newRoomId();
    const alice = join(first, roomId, 'candidate');
    const bob = join(first, roomId, 'interviewer');
    await Promise.all([synced(alice), synced(bob)]);
    edit(alice.doc, 0, 500);
    await waitFor('bob received every edit', () => edits(bob.doc).length === 500);
    expect(first.stats().pendingWrites).toBeGreaterThan(0);
    alice.provider.destroy();
    bob.provider.destroy();
    await first.close();
    expect(first.stats().pendingWrites).toBe(0);

    const second = await startServer({ dataDir });
    const carol = join(second, roomId, 'interviewer');
    await synced(carol);
    expect(edits(carol.doc)).toEqual(range(500));
  });

  it("keeps y-leveldb's layout: plain y-leveldb reads what we wrote, and we load what it wrote", async () => {
    const dataDir = tempDir();
    const server = await startSyncServer({ dataDir });
    const roomId = newRoomId();
    const alice = join(server, roomId, 'candidate');
    const bob = join(server, roomId, 'interviewer');
    await Promise.all([synced(alice), synced(bob)]);
    edit(alice.doc, 0, 50);
    await waitFor('bob received every edit', () => edits(bob.doc).length === 50);
    alice.provider.destroy();
    bob.provider.destroy();
    await server.close();

    const ldb = new LeveldbPersistence(joinPath(dataDir, 'rooms'));
    const stored = await ldb.getYDoc(roomId);
    expect(edits(stored)).toEqual(range(50));
    expect(await ldb.getAllDocNames()).toEqual([roomId]);
    // One more edit written the y-leveldb way, on top of ours.
    const more = new Y.Doc();
    Y.applyUpdate(more, Y.encodeStateAsUpdate(stored));
    const written: Promise<number>[] = [];
    more.on('update', (u: Uint8Array) => written.push(ldb.storeUpdate(roomId, u)));
    edit(more, 50, 1);
    await Promise.all(written);
    await ldb.destroy();

    const again = await startServer({ dataDir });
    const carol = join(again, roomId, 'interviewer');
    await synced(carol);
    expect(edits(carol.doc)).toEqual(range(51));
  });

  it(`a SIGKILL once the flush window (${FLUSH_MS} ms) has written the edits loses nothing from the store`, async () => {
    const dataDir = tempDir();
    const probe = await startSyncServer();
    const port = probe.port;
    await probe.close();
    const secret = loadOrCreateSecret(joinPath(dataDir, 'secret'));
    const url = `http://127.0.0.1:${port}`;
    const roomId = newRoomId();
    const token = (role: 'candidate' | 'interviewer') => signToken(secret, roomId, role);

    const server = await spawnServe(port, dataDir);
    const alice = connect(url, roomId, token('candidate'));
    const bob = connect(url, roomId, token('interviewer'));
    await Promise.all([synced(alice), synced(bob)]);
    edit(alice.doc, 0, 300);
    await waitFor('bob received every edit', () => edits(bob.doc).length === 300);
    // The window's own timer writes them: /healthz only reads the count, it never forces a flush.
    await waitFor(
      'the store has written every edit',
      async () => ((await (await fetch(`${url}/healthz`)).json()) as { pendingWrites: number }).pendingWrites === 0,
    );
    server.kill('SIGKILL');
    // Neither client may restore anything: only the store speaks after the restart.
    alice.provider.destroy();
    bob.provider.destroy();

    await spawnServe(port, dataDir);
    const carol = connect(url, roomId, token('interviewer'));
    await synced(carol);
    expect(edits(carol.doc)).toEqual(range(300));
  });

  it("a live room's records are compacted into its doc's state past 500, and nothing is lost", async () => {
    const dir = joinPath(tempDir(), 'rooms');
    const store = leveldbStore(dir, { flushMs: 5 });
    const roomId = newRoomId();
    const doc = new Y.Doc();
    await store.load(roomId, undefined, () => Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array) => store.append(roomId, u));
    // Written a few at a time, as a room's edits are: more records than a trim allows.
    for (let i = 0; i < 620; i += 20) {
      edit(doc, i, 20);
      await store.flush();
    }
    // The compaction runs in a turn of its own after the write that crossed the bound.
    await new Promise((r) => setImmediate(r));
    // Released without an eviction (which would compact anyway): what is on disk is the live compaction's work.
    await store.close();

    const ldb = new LeveldbPersistence(dir);
    const records = await ldb._transact((db) => getLevelUpdates(db, roomId));
    expect(records?.length).toBeLessThan(200);
    expect(edits(await ldb.getYDoc(roomId))).toEqual(range(620));
    await ldb.destroy();
  });
});

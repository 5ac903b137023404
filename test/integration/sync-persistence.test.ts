import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { loadOrCreateSecret, signToken } from '../../electron/sync/auth';
import { type SyncServer, startSyncServer } from '../../electron/sync/server';
import { addNodes, readBoard, setNotes } from '../../shared/board/doc';
import { newRoomId } from '../../shared/collab';
import { connect, join, onCleanup, SPAWNING, spawnServe, startServer, synced, waitFor } from './helpers';

const tempDir = (): string => {
  const dir = mkdtempSync(joinPath(tmpdir(), 'archdrill-sync-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const ROOM = newRoomId();

/** Waits until the server's copy of the room holds what `check` looks for, seen through a spectator that then leaves. */
const serverHas = async (server: SyncServer, roomId: string, what: string, check: (doc: Y.Doc) => boolean) => {
  const watcher = join(server, roomId, 'spectator');
  await waitFor(`the server has ${what}`, () => watcher.provider.synced && check(watcher.doc));
  watcher.provider.destroy();
};

describe('rooms survive', SPAWNING, () => {
  it('a restart on the same data dir mid-session: the room comes back whole and the client reconnects', async () => {
    const dataDir = tempDir();
    const first = await startSyncServer({ dataDir, secret: loadOrCreateSecret(joinPath(dataDir, 'secret')) });
    const { roomId, tokens } = first.createRoom();
    const port = first.port;
    const alice = connect(first.url, roomId, tokens.candidate);
    await synced(alice);
    addNodes(alice.doc, [{ id: 'lb', kind: 'load_balancer', position: { x: 0, y: 0 } }], 'a');
    setNotes(alice.doc, 'scope', '100M URLs a month', 'a');
    await serverHas(first, roomId, 'the notes', (d) => readBoard(d).notes.scope === '100M URLs a month');
    await first.close();
    await waitFor('alice notices', () => !alice.provider.wsconnected);

    // Same secret file, same port: the old link still works.
    const second = await startServer({ dataDir, port, secret: loadOrCreateSecret(joinPath(dataDir, 'secret')) });
    await waitFor('alice reconnects', () => alice.provider.synced);
    const bob = join(second, roomId, 'interviewer');
    await synced(bob);
    expect(readBoard(bob.doc).nodes.map((n) => n.id)).toEqual(['lb']);
    expect(readBoard(bob.doc).notes.scope).toBe('100M URLs a month');
  });

  it('a SIGKILL of `archdrill serve` mid-session loses nothing: the store has what was written, peers restore the rest', async () => {
    const dataDir = tempDir();
    const probe = await startSyncServer();
    const port = probe.port;
    await probe.close();
    const secret = loadOrCreateSecret(joinPath(dataDir, 'secret'));
    const url = `http://127.0.0.1:${port}`;
    const token = (role: 'candidate' | 'interviewer') => signToken(secret, ROOM, role);
    const health = async () => (await (await fetch(`${url}/healthz`)).json()) as { pendingWrites: number };
    const nodeIds = (doc: Y.Doc) => readBoard(doc).nodes.length;

    let server = await spawnServe(port, dataDir);
    const alice = connect(url, ROOM, token('candidate'));
    const bob = connect(url, ROOM, token('interviewer'));
    await Promise.all([synced(alice), synced(bob)]);
    const addBatch = (from: number) => {
      for (let i = from; i < from + 20; i++)
        addNodes(alice.doc, [{ id: `n${i}`, kind: 'service', position: { x: i, y: 0 } }], 'a');
    };

    // 1. Edits the server reports as written survive the kill in the store alone (no client helps).
    addBatch(0);
    await waitFor('bob received every edit', () => nodeIds(bob.doc) === 20);
    await waitFor('the store has written every edit', async () => (await health()).pendingWrites === 0);
    server.kill('SIGKILL');
    await waitFor('clients notice', () => !alice.provider.wsconnected && !bob.provider.wsconnected);
    alice.provider.disconnect();
    bob.provider.disconnect();
    server = await spawnServe(port, dataDir);
    const first = connect(url, ROOM, token('interviewer'));
    await synced(first);
    expect(nodeIds(first.doc)).toBe(20);

    // 2. Killed straight after relaying, with the author gone for good: the peer that saw the edits restores them.
    alice.provider.connect();
    bob.provider.connect();
    await Promise.all([synced(alice), synced(bob)]);
    addBatch(20);
    await waitFor('bob received every edit', () => nodeIds(bob.doc) === 40);
    server.kill('SIGKILL');
    alice.provider.destroy();
    await spawnServe(port, dataDir);
    await waitFor('bob reconnects', () => bob.provider.synced);
    const second = connect(url, ROOM, token('interviewer'));
    await waitFor('a newcomer sees all 40', () => nodeIds(second.doc) === 40);
  });

  it('an idle room leaves memory and reloads from the store on the next connection', async () => {
    const server = await startServer({ dataDir: tempDir(), idleEvictMs: 100 });
    const { roomId } = server.createRoom();
    const alice = join(server, roomId, 'candidate');
    await synced(alice);
    addNodes(alice.doc, [{ id: 'cache', kind: 'cache', position: { x: 0, y: 0 } }], 'a');
    await serverHas(server, roomId, 'the edit', (d) => readBoard(d).nodes.length === 1);
    alice.provider.destroy();
    await waitFor('the room is evicted', () => server.stats().rooms === 0);

    const bob = join(server, roomId, 'interviewer');
    await synced(bob);
    expect(server.stats().rooms).toBe(1);
    expect(readBoard(bob.doc).nodes.map((n) => n.id)).toEqual(['cache']);
  });

  it('without a data dir, eviction keeps the state in memory', async () => {
    const server = await startServer({ idleEvictMs: 50 });
    const { roomId } = server.createRoom();
    const alice = join(server, roomId, 'candidate');
    await synced(alice);
    addNodes(alice.doc, [{ id: 'q', kind: 'message_queue', position: { x: 0, y: 0 } }], 'a');
    await serverHas(server, roomId, 'the edit', (d) => readBoard(d).nodes.length === 1);
    alice.provider.destroy();
    await waitFor('the room is evicted', () => server.stats().rooms === 0);
    const bob = join(server, roomId, 'interviewer');
    await synced(bob);
    expect(readBoard(bob.doc).nodes.map((n) => n.id)).toEqual(['q']);
  });
});

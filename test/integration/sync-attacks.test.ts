import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeMessage } from '../../shared/collab';
import { closed, join, rawSocket, roomUrl, startServer, synced, waitFor } from './helpers';
import { awarenessFrame, oneWrite, updateFrame, writeRaw } from './rawFrames';

/**
 * The attacks of issue 17, each from a participant holding only a link, as a
 * raw socket sending what no honest client would. Each fails on a server
 * without the limits (electron/sync/limits.ts). The stall (a burst of sync
 * step 1 frames) is in sync-stall.test.ts, against a server in its own process.
 */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

type Seen = { name?: string; role?: string; cursor?: { x: number } | null } | undefined;

describe('a participant cannot exhaust the server', () => {
  it('an awareness flood of a million client ids grows the heap by under 32 MB and gets the connection closed', async () => {
    const server = await startServer();
    const { roomId, tokens } = server.createRoom();
    const bystander = join(server, roomId, 'candidate');
    await synced(bystander);
    const baseline = heapAfterGc();

    const ws = await rawSocket(roomUrl(server, roomId, tokens.spectator));
    const closedWith = closed(ws);
    // 10,000 frames of 100 null states each, in writes of 500 frames: 100 fits the per-frame cap, so only the budget stops it.
    let id = 1;
    for (let f = 0; f < 10_000 && ws.readyState === ws.OPEN; f += 500) {
      const frames = Array.from({ length: 500 }, () =>
        awarenessFrame(Array.from({ length: 100 }, () => ({ id: id++, clock: 2 ** 31, state: null }))),
      );
      writeRaw(ws, oneWrite(frames));
      await new Promise((r) => setImmediate(r));
    }
    expect(await closedWith).toBe(4429);
    // And one frame naming 100,000 ids at once is closed at once.
    const ws2 = await rawSocket(roomUrl(server, roomId, tokens.spectator));
    const closed2 = closed(ws2);
    ws2.send(awarenessFrame(Array.from({ length: 100_000 }, (_, i) => ({ id: 5_000_000 + i, clock: 1, state: null }))));
    expect(await closed2).toBe(4429);

    const grown = heapAfterGc() - baseline;
    expect(grown).toBeLessThan(32 * 1024 * 1024);
    expect(bystander.provider.awareness.getStates().size).toBeLessThanOrEqual(1);
    expect(bystander.provider.wsconnected).toBe(true);
  });

  it('a subdocument update is refused with 4415 and the stored state is intact', async () => {
    const server = await startServer();
    const { roomId, tokens } = server.createRoom();
    const alice = join(server, roomId, 'candidate');
    await synced(alice);
    alice.doc.getMap('notes').set('scope', 'kept');

    const evil = new Y.Doc();
    for (let i = 0; i < 50; i++) evil.getMap('notes').set(`sub${i}`, new Y.Doc());
    const ws = await rawSocket(roomUrl(server, roomId, tokens.candidate));
    const closedWith = closed(ws);
    ws.send(updateFrame(Y.encodeStateAsUpdate(evil)));
    expect(await closedWith).toBe(4415);

    const newcomer = join(server, roomId, 'interviewer');
    await synced(newcomer);
    expect(newcomer.doc.getMap('notes').toJSON()).toEqual({ scope: 'kept' });
    expect(server.stats().refusedUpdates).toBe(1);
  });

  it('an update that would take the room past its size cap is refused with 4413; what it held survives a restart', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: joinPath } = await import('node:path');
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'archdrill-cap-'));
    const secret = new Uint8Array(32).fill(7);
    const limits = { roomBytes: 64 * 1024 };
    const first = await startServer({ dataDir, secret, limits });
    const { roomId } = first.createRoom();
    const alice = join(first, roomId, 'candidate');
    await synced(alice);
    const notes = alice.doc.getText('notes');
    notes.insert(0, 'a'.repeat(40 * 1024));
    const closedWith = new Promise<{ code: number; reason: string }>((resolve) => alice.provider.on('closed', resolve));
    notes.insert(notes.length, 'b'.repeat(40 * 1024));
    const { code, reason } = await closedWith;
    expect(code).toBe(4413);
    // What the app shows for it (renderer/src/collab/room.ts puts it under the connection badge).
    expect(closeMessage(code, reason)).toMatch(/^This board has reached its size limit/);
    // The code is final: the client does not come back to push the same update again.
    expect(alice.provider.shouldConnect).toBe(false);
    await first.close();

    const second = await startServer({ dataDir, secret, limits });
    const bob = join(second, roomId, 'interviewer');
    await synced(bob);
    expect(bob.doc.getText('notes').toString()).toBe('a'.repeat(40 * 1024));
    // The room still takes edits that fit.
    bob.doc.getText('notes').insert(0, 'ok ');
    const carol = join(second, roomId, 'candidate');
    await waitFor('carol sees the small edit', () => carol.doc.getText('notes').toString().startsWith('ok a'));
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('a participant cannot spoof another', () => {
  it("a spectator's awareness frame naming another participant's id changes nothing peers see", async () => {
    const server = await startServer();
    const { roomId, tokens } = server.createRoom();
    const alice = join(server, roomId, 'candidate');
    const bob = join(server, roomId, 'interviewer');
    await Promise.all([synced(alice), synced(bob)]);
    const aliceId = alice.doc.clientID;
    const seenByBob = (): Seen => bob.provider.awareness.getStates().get(aliceId) as Seen;
    alice.provider.awareness.setLocalState({ name: 'Alice', cursor: { x: 1 } });
    await waitFor('bob sees alice', () => seenByBob()?.name === 'Alice');

    const ws = await rawSocket(roomUrl(server, roomId, tokens.spectator));
    const dropped = server.stats().droppedPresence;
    // First its own id (which it may have), then alice's with a clock far ahead: the freeze of issue 17.
    ws.send(awarenessFrame([{ id: 999, clock: 1, state: { name: 'Mallory' } }]));
    ws.send(
      awarenessFrame([{ id: aliceId, clock: 2 ** 40, state: { name: 'Fake Alice', role: 'interviewer', cursor: { x: -1 } } }]),
    );
    ws.send(awarenessFrame([{ id: aliceId, clock: 2 ** 40 + 1, state: null }]));
    await waitFor('the server dropped both', () => server.stats().droppedPresence >= dropped + 2);
    await waitFor('bob sees the spectator itself', () => bob.provider.awareness.getStates().has(999));
    expect(seenByBob()).toMatchObject({ name: 'Alice', cursor: { x: 1 }, role: 'candidate' });

    // Alice is not frozen: her next move reaches bob.
    alice.provider.awareness.setLocalStateField('cursor', { x: 42 });
    await waitFor('bob sees alice move', () => seenByBob()?.cursor?.x === 42);
    expect(seenByBob()?.name).toBe('Alice');
  });

  it("a spectator's presence shows the spectator role whatever it claims", async () => {
    const server = await startServer();
    const { roomId } = server.createRoom();
    const bob = join(server, roomId, 'interviewer');
    const spy = join(server, roomId, 'spectator');
    await Promise.all([synced(bob), synced(spy)]);
    spy.provider.awareness.setLocalState({ name: 'Totally the interviewer', role: 'interviewer', cursor: { x: 3 } });
    const seen = (): Seen => bob.provider.awareness.getStates().get(spy.doc.clientID) as Seen;
    await waitFor('bob sees the spectator', () => seen()?.name === 'Totally the interviewer');
    expect(seen()?.role).toBe('spectator');
    spy.provider.awareness.setLocalStateField('cursor', { x: 4 });
    await waitFor('its next update too', () => seen()?.cursor?.x === 4);
    expect(seen()?.role).toBe('spectator');
  });
});

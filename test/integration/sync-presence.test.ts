import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { join, startServer, synced, waitFor } from './helpers';

describe('presence', () => {
  it("a peer's name and cursor reach the others, and leave with the peer", async () => {
    const server = await startServer();
    const { roomId } = server.createRoom();
    const alice = join(server, roomId, 'candidate');
    const bob = join(server, roomId, 'interviewer');
    await Promise.all([synced(alice), synced(bob)]);
    const aliceId = alice.doc.clientID;
    const seenByBob = () =>
      bob.provider.awareness.getStates().get(aliceId) as { name?: string; cursor?: { x: number } } | undefined;

    alice.provider.awareness.setLocalState({ name: 'Alice', cursor: { x: 1 } });
    await waitFor('bob sees alice', () => seenByBob()?.name === 'Alice');
    alice.provider.awareness.setLocalStateField('cursor', { x: 42 });
    await waitFor('bob sees the cursor move', () => seenByBob()?.cursor?.x === 42);

    // A dropped connection (a closed lid, a dead network) says nothing: the server tells the others.
    alice.provider.shouldConnect = false;
    (alice.provider.ws as unknown as WebSocket).terminate();
    await waitFor('alice is gone from bob', () => seenByBob() === undefined);
    expect([...bob.provider.awareness.getStates().keys()]).not.toContain(aliceId);
  });
});

import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addNodes, readBoard } from '../../shared/board/doc';
import { closed, join, rawSocket, startServer, synced, waitFor } from './helpers';

/** A deterministic PRNG, so a failing frame can be reproduced. */
const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

const randomFrame = (rand: () => number): Uint8Array => {
  const frame = Uint8Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256));
  // Bias the first bytes towards real message types so the decoder gets past the type check.
  if (rand() < 0.6) frame[0] = Math.floor(rand() * 2);
  if (rand() < 0.5 && frame.length > 1) frame[1] = Math.floor(rand() * 4);
  return frame;
};

describe('malformed traffic', () => {
  it('1,000 random frames over many connections leave the server serving other rooms', async () => {
    const server = await startServer();
    const victim = server.createRoom();
    const a = join(server, victim.roomId, 'candidate');
    const b = join(server, victim.roomId, 'interviewer');
    await Promise.all([synced(a), synced(b)]);

    const fuzzRoom = server.createRoom();
    const url = `${server.url.replace('http', 'ws')}/sync/${fuzzRoom.roomId}?token=${fuzzRoom.tokens.candidate}`;
    const rand = prng(42);
    let sent = 0;
    while (sent < 1000) {
      const ws = await rawSocket(url);
      // Keep writing until the server hangs up on this socket, then open another.
      while (ws.readyState === WebSocket.OPEN && sent < 1000) {
        ws.send(randomFrame(rand));
        sent++;
        await new Promise((r) => setImmediate(r));
      }
      ws.terminate();
    }
    expect(server.stats().malformed).toBeGreaterThan(10);

    addNodes(a.doc, [{ id: 'still', kind: 'service', position: { x: 1, y: 2 } }], 'a');
    await waitFor('the other room still syncs', () => readBoard(b.doc).nodes.length === 1);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('closes a connection that sends an unknown message type, and only that one', async () => {
    const server = await startServer();
    const { roomId, tokens } = server.createRoom();
    const bystander = join(server, roomId, 'candidate');
    await synced(bystander);
    const ws = await rawSocket(`${server.url.replace('http', 'ws')}/sync/${roomId}?token=${tokens.candidate}`);
    ws.send(Uint8Array.from([7, 1, 2, 3]));
    expect(await closed(ws)).toBe(4400);
    expect(bystander.provider.wsconnected).toBe(true);
  });

  it('refuses a frame over 1 MiB with close code 1009 and keeps serving', async () => {
    const server = await startServer();
    const { roomId, tokens } = server.createRoom();
    const ws = await rawSocket(`${server.url.replace('http', 'ws')}/sync/${roomId}?token=${tokens.candidate}`);
    ws.on('error', () => {});
    ws.send(new Uint8Array(1024 * 1024 + 16));
    expect(await closed(ws)).toBe(1009);

    const c = join(server, roomId, 'candidate');
    await synced(c);
    expect(server.stats().connections).toBe(1);
  });
});

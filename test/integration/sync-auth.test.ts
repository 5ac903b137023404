import { describe, expect, it } from 'vitest';
import { addNodes, readBoard } from '../../shared/board/doc';
import { join, startServer, synced, upgradeStatus, waitFor } from './helpers';

describe('who may connect', () => {
  it('refuses before the upgrade: 401 without a token, 403 with a wrong one, 400 for a malformed room id', async () => {
    const server = await startServer();
    const { roomId, tokens } = server.createRoom();
    const other = server.createRoom();
    const ws = server.url.replace('http', 'ws');
    expect(await upgradeStatus(`${ws}/sync/${roomId}`)).toBe(401);
    expect(await upgradeStatus(`${ws}/sync/${roomId}?token=${other.tokens.candidate}`)).toBe(403);
    expect(await upgradeStatus(`${ws}/sync/${roomId}?token=c.AAAAAAAAAAAAAAAAAAAAAA`)).toBe(403);
    expect(await upgradeStatus(`${ws}/sync/${roomId}?token=garbage`)).toBe(403);
    expect(await upgradeStatus(`${ws}/sync/short-room?token=${tokens.candidate}`)).toBe(400);
    expect(await upgradeStatus(`${ws}/sync/..%2f..%2fetc?token=${tokens.candidate}`)).toBe(400);
    expect(await upgradeStatus(`${ws}/elsewhere`)).toBe(404);
    expect(await upgradeStatus(`${ws}/sync/${roomId}?token=${tokens.candidate}`)).toBe(101);
    // A spectator token does not turn into a writer's by changing its role letter.
    expect(await upgradeStatus(`${ws}/sync/${roomId}?token=${tokens.spectator.replace(/^s/, 'c')}`)).toBe(403);
  });

  it('drops a spectator’s writes: the server and the other clients never see them', async () => {
    const server = await startServer();
    const { roomId } = server.createRoom();
    const writer = join(server, roomId, 'candidate');
    const spectator = join(server, roomId, 'spectator');
    await Promise.all([synced(writer), synced(spectator)]);

    addNodes(writer.doc, [{ id: 'a', kind: 'service', position: { x: 0, y: 0 } }], 'w');
    await waitFor('the spectator sees the writer’s node', () => readBoard(spectator.doc).nodes.length === 1);

    addNodes(spectator.doc, [{ id: 'sneaky', kind: 'cache', position: { x: 0, y: 0 } }], 's');
    await waitFor('the server drops it', () => server.stats().droppedWrites > 0);

    // A later writer sees exactly what the server holds: the spectator's node is not there.
    const late = join(server, roomId, 'interviewer');
    await synced(late);
    addNodes(writer.doc, [{ id: 'b', kind: 'service', position: { x: 0, y: 0 } }], 'w');
    await waitFor('the late joiner gets the next write', () => readBoard(late.doc).nodes.length === 2);
    expect(
      readBoard(late.doc)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(
      readBoard(writer.doc)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});

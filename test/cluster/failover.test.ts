import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from '../../electron/sync/cluster/cluster';
import { newRoomId } from '../../shared/collab';
import { type Editor, editKeys, health, missingFrom, openEditor, readStored, tokenFor, waitUntil } from './support';

/**
 * One cluster through the whole file, as in production: the node is killed
 * mid-edit, comes back, then PostgreSQL restarts, while the same 30 clients
 * (and later 10 more) keep editing throughout.
 */
let cluster: Cluster;
const ROOMS = 10;
const roomIds = Array.from({ length: ROOMS }, () => newRoomId());
const editors: Editor[] = [];
let killed = -1;
/** PostgreSQL writes land within milliseconds; this is how old an edit must be before the store is required to hold it. */
const WRITE_WINDOW_MS = 1500;

const openVia = (base: string, roomId: string, name: string): Editor => {
  const e = openEditor(base, roomId, tokenFor(cluster.secret, roomId, 'interviewer'), name);
  editors.push(e);
  return e;
};

/** Every editor edits a few times a second, with jitter, until stopped. */
const startEditing = (perSec = 3): (() => void) => {
  const timers = new Set<NodeJS.Timeout>();
  let on = true;
  for (const e of editors) {
    const tick = () => {
      if (!on) return;
      e.edit();
      const t = setTimeout(tick, (1000 / perSec) * (0.5 + Math.random()));
      timers.add(t);
    };
    timers.add(setTimeout(tick, Math.random() * 300));
  }
  return () => {
    on = false;
    for (const t of timers) clearTimeout(t);
  };
};

const editsIn = (roomId: string): string[] => editors.filter((e) => e.roomId === roomId).flatMap((e) => editKeys(e));

/** Every client has every edit made in its room, and so has PostgreSQL once the nodes have nothing queued. */
const expectConverged = async () => {
  await waitUntil(
    'every client to hold every edit of its room',
    () => editors.every((e) => missingFrom(e.keys(), editsIn(e.roomId)).length === 0),
    30_000,
  );
  const live = cluster.nodes.filter((_, i) => i !== killed);
  await waitUntil(
    'the nodes to have written everything',
    async () => (await Promise.all(live.map((n) => health(n.url)))).every((h) => h.pendingWrites === 0),
    30_000,
  );
  const stored = await readStored(cluster.pg.url, roomIds);
  for (const id of roomIds) expect(missingFrom(stored.get(id)!, editsIn(id)), `room ${id} in PostgreSQL`).toEqual([]);
};

const editFor = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  cluster = await startCluster({ nodes: 3 });
  for (const id of roomIds) for (let i = 0; i < 3; i++) openVia(cluster.url, id, `${id.slice(0, 6)}-${i}`);
  await waitUntil('30 clients to sync through HAProxy', () => editors.every((e) => e.provider.synced), 60_000);
});
afterAll(async () => {
  for (const e of editors) e.destroy();
  await cluster?.stop();
});

describe('a node dies mid-edit', () => {
  it('its clients reconnect to the others within 3 s and nothing is lost', async () => {
    const stop = startEditing();
    try {
      await editFor(1500);
      const load = await Promise.all(cluster.nodes.map((n) => health(n.url)));
      expect(load.reduce((n, h) => n + h.connections, 0)).toBe(30);
      killed = load.indexOf(load.reduce((a, b) => (b.connections > a.connections ? b : a)));
      const victims = load[killed]!.connections;
      const killedAt = Date.now();
      await cluster.kill(killed);

      // What the store must hold already: every edit older than the write window.
      const stored = await readStored(cluster.pg.url, roomIds);
      for (const e of editors) expect(missingFrom(stored.get(e.roomId)!, editKeys(e, killedAt - WRITE_WINDOW_MS))).toEqual([]);

      await waitUntil(
        'every client to be connected and synced again',
        () => editors.every((e) => e.provider.synced && e.provider.wsconnected && e.times.synced >= e.times.lost),
        30_000,
      );
      const moved = editors.filter((e) => e.times.lost >= killedAt);
      expect(moved).toHaveLength(victims);
      const slowest = Math.max(...moved.map((e) => e.times.synced - killedAt));
      expect(slowest, `slowest reconnect+resync took ${slowest} ms`).toBeLessThanOrEqual(3000);
      const after = await Promise.all(cluster.nodes.filter((_, i) => i !== killed).map((n) => health(n.url)));
      expect(after.reduce((n, h) => n + h.connections, 0)).toBe(30);
      await editFor(1000);
    } finally {
      stop();
    }
    await expectConverged();
  });

  it('comes back and serves rooms again without splitting any room', async () => {
    await cluster.restart(killed);
    const back = cluster.nodes[killed]!;
    await waitUntil('HAProxy to see it up', async () => (await cluster.haproxy.states()).get(back.name) === 'UP', 30_000);
    killed = -1;
    // Newcomers hash to it again; the clients that moved stay where they are: the room now spans two nodes.
    for (const id of roomIds) openVia(cluster.url, id, `${id.slice(0, 6)}-late`);
    await waitUntil('the newcomers to sync', () => editors.every((e) => e.provider.synced), 30_000);
    expect((await health(back.url)).connections).toBeGreaterThan(0);
    const stop = startEditing();
    await editFor(2000).finally(stop);
    await expectConverged();
  });
});

describe('PostgreSQL restarts under load', () => {
  it('the nodes reconnect, write what they queued, and lose nothing', async () => {
    const stop = startEditing();
    try {
      await editFor(1000);
      await cluster.pg.restart();
      await editFor(2000);
    } finally {
      stop();
    }
    await expectConverged();
    // Cross-node fan-out works again (the notification connection is back): a fresh edit reaches every client of its room.
    const probe = editors.filter((e) => e.roomId === roomIds[0]);
    probe[0]!.edit();
    await waitUntil('the probe edit everywhere', () =>
      probe.every((e) => missingFrom(e.keys(), editsIn(roomIds[0]!)).length === 0),
    );
  });
});

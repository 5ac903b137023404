import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { adminKey } from '../../electron/sync/auth';
import { type Cluster, startCluster } from '../../electron/sync/cluster/cluster';
import type { SyncNode } from '../../electron/sync/cluster/node';
import { CLOSE_REVOKED } from '../../electron/sync/connection';
import { SCHEMA_VERSION } from '../../electron/sync/postgresSchema';
import { postgresStore } from '../../electron/sync/postgresStore';
import { newRoomId } from '../../shared/collab';
import {
  type Editor,
  editKeys,
  health,
  missingFrom,
  openEditor,
  readStored,
  sql,
  tokenFor,
  upgradeStatus,
  waitUntil,
} from './support';

let cluster: Cluster;
const editors: Editor[] = [];
const open = (nodeUrl: string, roomId: string, role: 'candidate' | 'interviewer' | 'spectator', name: string) => {
  const e = openEditor(nodeUrl, roomId, tokenFor(cluster.secret, roomId, role), name);
  editors.push(e);
  return e;
};
const synced = (...es: Editor[]) => waitUntil('clients to sync', () => es.every((e) => e.provider.synced), 20_000);

beforeAll(async () => {
  cluster = await startCluster({ nodes: 3, compactAt: 40 });
});
afterAll(async () => {
  for (const e of editors) e.destroy();
  await cluster?.stop();
});

describe('one room served by several nodes', () => {
  it('two stock y-websocket clients on two different nodes converge, and PostgreSQL holds every edit', async () => {
    const roomId = newRoomId();
    const [n1, n2] = cluster.nodes;
    const alice = open(n1!.url, roomId, 'candidate', 'alice');
    const bob = open(n2!.url, roomId, 'interviewer', 'bob');
    await synced(alice, bob);
    for (let i = 0; i < 20; i++) {
      alice.edit();
      bob.edit();
    }
    // An update over NOTIFY's payload limit travels by row id and is fetched.
    alice.doc.getText('notes').insert(0, randomBytes(12_000).toString('hex'));
    const all = [...editKeys(alice), ...editKeys(bob)];
    await waitUntil('both see all 40 edits', () => [alice, bob].every((e) => missingFrom(e.keys(), all).length === 0));
    await waitUntil('bob sees the long note', () => bob.doc.getText('notes').length === 24_000);
    await waitUntil(
      'PostgreSQL holds all 40',
      async () => missingFrom((await readStored(cluster.pg.url, [roomId])).get(roomId)!, all).length === 0,
    );
  });

  it('a room whose clients arrive on a third node later loads everything the others wrote', async () => {
    const roomId = newRoomId();
    const [n1, n2, n3] = cluster.nodes;
    const alice = open(n1!.url, roomId, 'candidate', 'alice');
    const bob = open(n2!.url, roomId, 'interviewer', 'bob');
    await synced(alice, bob);
    alice.edit();
    bob.edit();
    await waitUntil('both written', async () => (await readStored(cluster.pg.url, [roomId])).get(roomId)!.size === 2);
    const carol = open(n3!.url, roomId, 'interviewer', 'carol');
    await synced(carol);
    expect([...carol.keys()].sort()).toEqual(['alice:1', 'bob:1']);
    carol.edit();
    await waitUntil('alice and bob see carol', () => alice.keys().has('carol:1') && bob.keys().has('carol:1'));
  });
});

describe('tokens across the deployment', () => {
  it('a spectator stays read-only on every node', async () => {
    const roomId = newRoomId();
    const nodes = cluster.nodes;
    const writer = open(nodes[0]!.url, roomId, 'candidate', 'writer');
    const spectators = nodes.map((n, i) => open(n.url, roomId, 'spectator', `spectator${i}`));
    await synced(writer, ...spectators);
    for (const s of spectators) s.edit();
    // The writer's edit after theirs reaches every spectator: by then theirs would have reached everyone too.
    writer.edit();
    await waitUntil('every spectator sees the writer', () => spectators.every((s) => s.keys().has('writer:1')));
    await waitUntil('PostgreSQL has the writer', async () =>
      (await readStored(cluster.pg.url, [roomId])).get(roomId)!.has('writer:1'),
    );
    expect([...writer.keys()]).toEqual(['writer:1']);
    expect([...(await readStored(cluster.pg.url, [roomId])).get(roomId)!]).toEqual(['writer:1']);
    for (const s of spectators) expect([...s.keys()].filter((k) => !k.startsWith(`${s.name}:`))).toEqual(['writer:1']);
  });

  it("every node and HAProxy accept this deployment's token and refuse another deployment's", async () => {
    const roomId = newRoomId();
    const foreign = tokenFor(randomBytes(32), roomId, 'candidate');
    const own = tokenFor(cluster.secret, roomId, 'candidate');
    for (const base of [...cluster.nodes.map((n) => n.url), cluster.url]) {
      const ws = `${base.replace(/^http/, 'ws')}/sync/${roomId}`;
      expect(await upgradeStatus(`${ws}?token=${encodeURIComponent(foreign)}`)).toBe(403);
      expect(await upgradeStatus(`${ws}?token=${encodeURIComponent(own)}`)).toBe(101);
    }
  });
});

describe('join codes across the deployment', () => {
  const resolveCode = async (base: string, code: string) => {
    const res = await fetch(`${base}/join-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return { status: res.status, body: (await res.json()) as { roomId?: string; token?: string; role?: string; error?: string } };
  };

  it('a code handed out by one node resolves on every node and through HAProxy, and a revocation on another node ends it', async () => {
    const [n1, n2, n3] = cluster.nodes as [SyncNode, SyncNode, SyncNode];
    const created = await fetch(`${n1.url}/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey(cluster.secret)}` },
    });
    expect(created.status).toBe(201);
    const room = (await created.json()) as { roomId: string; tokens: Record<string, string>; codes: Record<string, string> };
    for (const base of [n1.url, n2.url, n3.url, cluster.url]) {
      const { status, body } = await resolveCode(base, room.codes.interviewer!);
      expect(status, `code on ${base}`).toBe(200);
      expect(body).toEqual({ roomId: room.roomId, token: room.tokens.interviewer, role: 'interviewer' });
    }
    // The token a code gives on another node opens the room there.
    const { body } = await resolveCode(n2.url, room.codes.candidate!);
    const ws = `${n2.url.replace(/^http/, 'ws')}/sync/${room.roomId}?token=${encodeURIComponent(body.token!)}`;
    expect(await upgradeStatus(ws)).toBe(101);

    const revoked = await fetch(`${n3.url}/rooms/${room.roomId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey(cluster.secret)}` },
    });
    expect(revoked.status).toBe(200);
    const fresh = (await revoked.json()) as { codes: Record<string, string> };
    for (const base of [n1.url, n2.url]) {
      const old = await resolveCode(base, room.codes.interviewer!);
      expect(old.status, `revoked code on ${base}`).toBe(410);
      expect(old.body.error).toMatch(/no longer works/);
      expect((await resolveCode(base, fresh.codes.interviewer!)).status, `fresh code on ${base}`).toBe(200);
    }
    expect((await resolveCode(n2.url, 'ZZZZ-ZZZZ')).status).toBe(404);
  });
});

describe('HAProxy', () => {
  it('sends every connection to one room to one node, whatever the token in the query', async () => {
    const connections = async () => Promise.all(cluster.nodes.map(async (n) => (await health(n.url)).connections));
    const before = await connections();
    const roomId = newRoomId();
    const viaProxy = (['candidate', 'interviewer', 'spectator', 'interviewer'] as const).map((role, i) =>
      open(cluster.url, roomId, role, `p${i}`),
    );
    await synced(...viaProxy);
    const added = (await connections()).map((n, i) => n - before[i]!);
    expect(added.sort()).toEqual([0, 0, 4]);
  });
});

describe("revoking a room's links", () => {
  it("on one node closes the room's connections on every node and refuses the old links everywhere", async () => {
    const roomId = newRoomId();
    const [n1, n2, n3] = cluster.nodes as [SyncNode, SyncNode, SyncNode];
    const clients = [
      open(n1.url, roomId, 'candidate', 'a'),
      open(n2.url, roomId, 'interviewer', 'b'),
      open(n3.url, roomId, 'spectator', 'c'),
    ];
    await synced(...clients);
    const closedWith: number[] = [];
    for (const c of clients) c.provider.on('connection-close', (e: CloseEvent | null) => void closedWith.push(e?.code ?? 0));
    const res = await fetch(`${n1.url}/rooms/${roomId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey(cluster.secret)}` },
    });
    expect(res.status).toBe(200);
    const fresh = ((await res.json()) as { tokens: Record<string, string> }).tokens;
    await waitUntil('all three closed as revoked', () => closedWith.filter((c) => c === CLOSE_REVOKED).length >= 3);
    const old = tokenFor(cluster.secret, roomId, 'candidate');
    for (const n of cluster.nodes) {
      const ws = `${n.url.replace(/^http/, 'ws')}/sync/${roomId}?token=`;
      expect(await upgradeStatus(ws + encodeURIComponent(old)), `old link on ${n.name}`).toBe(403);
      expect(await upgradeStatus(ws + encodeURIComponent(fresh.candidate!)), `new link on ${n.name}`).toBe(101);
    }
  });
});

describe('storage', () => {
  it('records the schema version it migrated to', async () => {
    expect(await sql<{ version: number }>(cluster.pg.url, 'SELECT version FROM archdrill_schema')).toEqual([
      { version: SCHEMA_VERSION },
    ]);
  });

  it('compacts a room into a snapshot row while clients on two nodes keep editing, losing nothing', async () => {
    const roomId = newRoomId();
    const a = open(cluster.nodes[0]!.url, roomId, 'candidate', 'a');
    const b = open(cluster.nodes[1]!.url, roomId, 'interviewer', 'b');
    await synced(a, b);
    const rows = async () =>
      sql<{ n: string; snapshots: string }>(
        cluster.pg.url,
        'SELECT count(*) AS n, count(*) FILTER (WHERE snapshot) AS snapshots FROM archdrill_updates WHERE room_id = $1',
        [roomId],
      ).then((r) => ({ n: Number(r[0]!.n), snapshots: Number(r[0]!.snapshots) }));
    // Each node compacts after COMPACT_AT (40 here) rows of its own; an edit each, seen by the other side, makes one row each.
    const round = async () => {
      a.edit();
      b.edit();
      const want = [...editKeys(a), ...editKeys(b)];
      await waitUntil('each side sees the other', () => [a, b].every((e) => missingFrom(e.keys(), want).length === 0));
    };
    let rounds = 0;
    while ((await rows()).snapshots === 0) {
      if (++rounds > 200) throw new Error('no snapshot row after 200 rounds of edits');
      await round();
    }
    // And edits go on after (and during) compactions.
    for (let i = 0; i < 60; i++) await round();
    const all = [...editKeys(a), ...editKeys(b)];
    await waitUntil(
      'PostgreSQL holds every edit',
      async () => missingFrom((await readStored(cluster.pg.url, [roomId])).get(roomId)!, all).length === 0,
    );
    // Bounded: at most each node's uncompacted rows plus snapshots, far fewer than the edits made.
    expect((await rows()).n).toBeLessThan(all.length / 2);
  });

  it("a compaction racing another node's writes deletes only rows it merged", async () => {
    const roomId = newRoomId();
    const writer = await postgresStore(cluster.pg.url);
    const compactor = await postgresStore(cluster.pg.url);
    try {
      const doc = new Y.Doc();
      const keys: string[] = [];
      doc.on('update', (u: Uint8Array) => writer.append(roomId, u));
      let compactions = 0;
      let writing = true;
      const compacting = (async () => {
        while (writing) {
          await compactor.compact(roomId);
          compactions++;
        }
      })();
      for (let i = 0; i < 400; i++) {
        keys.push(`k${i}`);
        doc.getMap('edits').set(`k${i}`, i);
        if (i % 10 === 0) await writer.flush();
      }
      await writer.flush();
      writing = false;
      await compacting;
      await compactor.compact(roomId);
      expect(compactions).toBeGreaterThan(2);
      expect(missingFrom((await readStored(cluster.pg.url, [roomId])).get(roomId)!, keys)).toEqual([]);
      expect(await sql(cluster.pg.url, 'SELECT id FROM archdrill_updates WHERE room_id = $1', [roomId])).toHaveLength(1);
    } finally {
      await writer.close();
      await compactor.close();
    }
  });

  it('a burst of edits is written one batch per write tick, reaches the other node, and is not echoed back', async () => {
    const roomId = newRoomId();
    const tick = 20;
    const writer = await postgresStore(cluster.pg.url, { writeTickMs: tick });
    const reader = await postgresStore(cluster.pg.url);
    try {
      const echoed: Uint8Array[] = [];
      await writer.load(roomId, (u) => echoed.push(u));
      const seen = new Y.Doc();
      await reader.load(roomId, (u) => Y.applyUpdate(seen, u));
      const doc = new Y.Doc();
      doc.on('update', (u: Uint8Array) => writer.append(roomId, u));
      const keys: string[] = [];
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) {
        keys.push(`k${i}`);
        doc.getMap('edits').set(`k${i}`, i);
        await new Promise((r) => setTimeout(r, 2));
      }
      await writer.flush();
      const elapsed = performance.now() - t0;
      await waitUntil(
        'the other store receives every edit',
        () => missingFrom(new Set(seen.getMap('edits').keys()), keys).length === 0,
      );
      const rows = await sql(cluster.pg.url, 'SELECT id FROM archdrill_updates WHERE room_id = $1', [roomId]);
      // Writes start at least a tick apart, however fast or slow this machine is; plus the final flush.
      expect(rows.length).toBeLessThanOrEqual(Math.floor(elapsed / tick) + 2);
      expect(echoed).toEqual([]);
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('one batch holding several rooms of different sizes stores each room its own update', async () => {
    const store = await postgresStore(cluster.pg.url);
    try {
      const rooms = [newRoomId(), newRoomId(), newRoomId()];
      rooms.forEach((roomId, i) => {
        const doc = new Y.Doc();
        doc.getText('notes').insert(0, roomId.repeat(1 + i * 40));
        store.append(roomId, Y.encodeStateAsUpdate(doc));
      });
      await store.flush();
      const stored = await sql<{ room_id: string; data: Buffer }>(
        cluster.pg.url,
        'SELECT room_id, data FROM archdrill_updates WHERE room_id = ANY($1::text[])',
        [rooms],
      );
      expect(stored).toHaveLength(3);
      for (const row of stored) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, row.data);
        expect(doc.getText('notes').toString()).toBe(row.room_id.repeat(1 + rooms.indexOf(row.room_id) * 40));
      }
    } finally {
      await store.close();
    }
  });

  it('eviction writes back whatever PostgreSQL lacks of the room held in memory (rows lost in a crash)', async () => {
    const roomId = newRoomId();
    const store = await postgresStore(cluster.pg.url);
    try {
      const doc = new Y.Doc();
      expect(await store.load(roomId, () => {})).toBeNull();
      doc.getMap('edits').set('kept', 1);
      store.append(roomId, Y.encodeStateAsUpdate(doc));
      await store.flush();
      // As if PostgreSQL crashed inside its commit window: the row is gone, the node still holds the edit.
      await sql(cluster.pg.url, 'DELETE FROM archdrill_updates WHERE room_id = $1', [roomId]);
      await store.evict(roomId, Y.encodeStateAsUpdate(doc));
      expect([...(await readStored(cluster.pg.url, [roomId])).get(roomId)!]).toEqual(['kept']);
    } finally {
      await store.close();
    }
  });
});

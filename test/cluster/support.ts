import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { signToken } from '../../electron/sync/auth';
import { waitUntil } from '../../electron/sync/cluster/processes';
import type { Role } from '../../shared/collab';

export { waitUntil };

// Each y-websocket provider adds a process 'exit' listener; a cluster test holds dozens.
process.setMaxListeners(0);

/** A stock y-websocket client (default backoff, as a browser runs it) that writes numbered edits under its own name. */
export interface Editor {
  readonly name: string;
  readonly roomId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** When each of its edits was made (Date.now()), by sequence number. */
  readonly madeAt: number[];
  /** Makes one edit: edits[name:seq] = seq. */
  edit(): void;
  /** Every key in this client's doc. */
  keys(): Set<string>;
  /** When it last became synced, and when it last lost its connection (Date.now(), 0 = never). */
  readonly times: { synced: number; lost: number };
  destroy(): void;
}

const editsOf = (doc: Y.Doc) => doc.getMap<number>('edits');

export const openEditor = (baseUrl: string, roomId: string, token: string, name: string): Editor => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, roomId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  const times = { synced: 0, lost: 0 };
  provider.on('sync', (s: boolean) => {
    if (s) times.synced = Date.now();
  });
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') times.lost = Date.now();
  });
  const madeAt: number[] = [];
  return {
    name,
    roomId,
    doc,
    provider,
    madeAt,
    times,
    edit: () => {
      madeAt.push(Date.now());
      editsOf(doc).set(`${name}:${madeAt.length}`, madeAt.length);
    },
    keys: () => new Set(editsOf(doc).keys()),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
};

export const tokenFor = (secret: Uint8Array, roomId: string, role: Role): string => signToken(secret, roomId, role);

/** The keys of every edit an editor made up to (and including) `until` (Date.now()), default all. */
export const editKeys = (e: Editor, until = Number.POSITIVE_INFINITY): string[] =>
  e.madeAt.flatMap((t, i) => (t <= until ? [`${e.name}:${i + 1}`] : []));

/** What PostgreSQL holds for each room: its rows merged into a doc, as a node would load it. */
export const readStored = async (url: string, roomIds: readonly string[]): Promise<Map<string, Set<string>>> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ room_id: string; data: Buffer }>(
      'SELECT room_id, data FROM archdrill_updates WHERE room_id = ANY($1::text[]) ORDER BY id',
      [roomIds],
    );
    const docs = new Map<string, Y.Doc>(roomIds.map((id) => [id, new Y.Doc()]));
    for (const r of rows) Y.applyUpdate(docs.get(r.room_id)!, r.data);
    return new Map([...docs].map(([id, doc]) => [id, new Set(editsOf(doc).keys())]));
  } finally {
    await client.end();
  }
};

export const sql = async <T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
};

/** Keys `want` has that `have` lacks. */
export const missingFrom = (have: ReadonlySet<string>, want: Iterable<string>): string[] => [...want].filter((k) => !have.has(k));

/** A node's /healthz. */
export const health = async (url: string): Promise<{ rooms: number; connections: number; pendingWrites: number }> =>
  (await fetch(`${url}/healthz`)).json() as Promise<{ rooms: number; connections: number; pendingWrites: number }>;

export { upgradeStatus } from '../integration/helpers';

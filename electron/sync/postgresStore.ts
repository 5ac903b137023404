import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { type Logger, silentLogger } from './log';
import { postgresCodes } from './postgresCodes';
import { migrate } from './postgresSchema';
import type { RemoteUpdates, RoomStore } from './store';

/** The channel every node LISTENs on; a payload is `<room> <row id> <node> [<update as base64>]`. */
export const CHANNEL = 'archdrill_updates';
/** Link revocations: `<room> <generation> <node>`. */
const LINKS_CHANNEL = 'archdrill_links';
/** Updates up to this size ride inside the NOTIFY (base64 of 5000 bytes is 6668, under PostgreSQL's 8000-byte limit with the header); bigger ones are fetched by row id. */
export const INLINE_MAX = 5000;
/** A room is compacted into one snapshot row once this node has written this many rows for it. */
export const COMPACT_AT = 200;
/**
 * The write tick: a node writes at most one batch per WRITE_TICK_MS, and at once when it has written nothing for that
 * long. Each write wakes PostgreSQL's backends and this node; on a small machine those wakeups preempt the relay,
 * so under load they come per tick, not per update. It bounds what a batch adds to the cross-node path (the
 * same-node relay never waits on it).
 */
export const WRITE_TICK_MS = 5;
/** Waits between retries while PostgreSQL is unreachable (the last repeats). */
const RETRY_MS = [100, 250, 500, 1000, 2000];

/**
 * One statement per batch: every room's merged update becomes a row, and each
 * row is announced in the same transaction, so the NOTIFY goes out exactly
 * when the row is visible (PostgreSQL delivers notifications at commit).
 * Named: each connection parses and plans it once, not per batch. The updates
 * travel as one binary bytea ($2) cut by their lengths ($3), not as a bytea[]
 * (which node-postgres would spell out in hex, twice the bytes, in a string).
 */
const INSERT_AND_NOTIFY = {
  name: 'archdrill_insert_notify',
  text: `
  WITH parts AS (
    SELECT r.room_id, r.len, (sum(r.len) OVER (ORDER BY r.ord) - r.len)::int AS off
    FROM unnest($1::text[], $3::int[]) WITH ORDINALITY AS r(room_id, len, ord)),
  ins AS (
    INSERT INTO archdrill_updates (room_id, data)
    SELECT room_id, substring($2::bytea FROM off + 1 FOR len) FROM parts
    RETURNING id, room_id, data)
  SELECT count(pg_notify('${CHANNEL}', concat_ws(' ', room_id, id, $4::text,
    CASE WHEN octet_length(data) <= ${INLINE_MAX} THEN translate(encode(data, 'base64'), E'\\n', '') ELSE '' END)))
  FROM ins`,
};
const READ_ROOMS = {
  name: 'archdrill_read_rooms',
  text: 'SELECT room_id, data FROM archdrill_updates WHERE room_id = ANY($1::text[]) ORDER BY id',
};
const READ_ROW = { name: 'archdrill_read_row', text: 'SELECT data FROM archdrill_updates WHERE id = $1' };
const READ_GENERATION = {
  name: 'archdrill_generation',
  text: 'SELECT generation FROM archdrill_links WHERE room_id = $1',
};

/**
 * Whether an update announcement came from `nodeId`: found by position (`<room> <row id> <node> …`), so a node's
 * own echoes, every announcement of the writes it made, are dropped without splitting or decoding anything.
 */
export const announcedBy = (payload: string, nodeId: string): boolean => {
  const afterRoom = payload.indexOf(' ');
  const afterId = afterRoom < 0 ? -1 : payload.indexOf(' ', afterRoom + 1);
  if (afterId < 0) return false;
  const end = afterId + 1 + nodeId.length;
  return payload.startsWith(nodeId, afterId + 1) && (payload.length === end || payload.charCodeAt(end) === 32);
};

export interface PostgresStoreOptions {
  /** Default COMPACT_AT. */
  readonly compactAt?: number;
  /** Default WRITE_TICK_MS. */
  readonly writeTickMs?: number;
  readonly log?: Logger;
}

/** The PostgreSQL store, with what tests and the bench look at besides the RoomStore. */
export interface PostgresStore extends RoomStore {
  /** Random per process: a node ignores its own announcements. */
  readonly nodeId: string;
  /** Merges the room's rows (and `held`, a state from memory) into one snapshot row now; normally run past COMPACT_AT and on eviction. */
  compact(roomId: string, held?: Uint8Array): Promise<void>;
}

const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** The state of a room's rows, garbage-collected through a doc (merging alone would keep deleted content). */
const compacted = (rows: readonly Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc();
  for (const r of rows) Y.applyUpdate(doc, r);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
};

/**
 * Rooms in PostgreSQL, shared by any number of nodes. Appended updates are
 * written as soon as the previous write returns (so batches grow with load,
 * and an idle node writes within a millisecond), each row announced with
 * LISTEN/NOTIFY; every node holding the room applies what others wrote.
 * While PostgreSQL is away, writes stay queued and are retried, live rooms
 * keep relaying, and on reconnect every held room is re-read, so
 * announcements missed meanwhile cost nothing. Opening it connects and
 * migrates the schema, so a wrong URL fails at start.
 */
export const postgresStore = async (url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> => {
  const log = options.log ?? silentLogger;
  const compactAt = options.compactAt ?? COMPACT_AT;
  const writeTickMs = options.writeTickMs ?? WRITE_TICK_MS;
  const nodeId = randomBytes(6).toString('base64url');
  // Update rows are committed without waiting for the WAL flush: visible (and announced) at once, durable within
  // PostgreSQL's wal_writer_delay × 3. What a PostgreSQL crash could cost is written back on eviction (see compact).
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 5000,
    options: '-c synchronous_commit=off',
  });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the node; the next query reconnects.
  pool.on('error', () => {});

  const watchers = new Map<string, RemoteUpdates>();
  /** Rows this node knows a held room has: counted up on load and on each write, reset by compaction. */
  const rowCounts = new Map<string, number>();
  let queued = new Map<string, Uint8Array[]>();
  /** The map the last batch was taken from, emptied: the next batch's, so batches allocate no map. */
  let spare = new Map<string, Uint8Array[]>();
  let queuedCount = 0;
  let writingCount = 0;
  /** The write in flight (one at a time, so a batch holds whatever arrived during the last one). */
  let running: Promise<void> | null = null;
  /** A write is scheduled for the next tick (or after the one in flight). */
  let scheduled = false;
  /** performance.now() when the last write started. */
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let closed = false;

  const retryDelay = () => RETRY_MS[Math.min(failures, RETRY_MS.length) - 1] ?? RETRY_MS[0]!;

  const writeBatch = async (): Promise<void> => {
    // Written on the LISTEN connection: the result and this node's own echoes come back in one read, and
    // PostgreSQL runs one backend for it, where a pooled connection would wake two (writer, listener) and us twice.
    const client = listener;
    if (!client) throw new Error('the PostgreSQL connection is down');
    const batch = queued;
    queued = spare;
    writingCount = queuedCount;
    queuedCount = 0;
    const rooms: string[] = [];
    const data: Buffer[] = [];
    for (const [roomId, updates] of batch) {
      rooms.push(roomId);
      data.push(asBuffer(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)));
    }
    batch.clear();
    spare = batch;
    try {
      const lengths = data.map((d) => d.byteLength);
      await client.query({ ...INSERT_AND_NOTIFY, values: [rooms, Buffer.concat(data), lengths, nodeId] });
    } catch (err) {
      // Nothing was written (one statement, one transaction): back in front of whatever came meanwhile.
      rooms.forEach((roomId, i) => {
        const later = queued.get(roomId);
        if (later) later.unshift(data[i]!);
        else queued.set(roomId, [data[i]!]);
      });
      queuedCount += rooms.length;
      throw err;
    } finally {
      writingCount = 0;
    }
    for (const roomId of rooms) {
      const n = (rowCounts.get(roomId) ?? 0) + 1;
      rowCounts.set(roomId, n);
      if (n > compactAt && watchers.has(roomId)) {
        rowCounts.set(roomId, 1);
        compact(roomId).catch((err: Error) => log.warn(`room ${roomId}: compaction failed: ${err.message}`));
      }
    }
  };

  /** Writes one batch (or joins the write in flight). */
  const writeNext = (): Promise<void> =>
    (running ??= (async () => {
      try {
        lastWriteAt = performance.now();
        await writeBatch();
      } finally {
        running = null;
      }
    })());

  /** Writes until nothing is queued, ticks or not (close, eviction, `flush`); rejects if a write failed. */
  const writeAll = async (): Promise<void> => {
    if (running) await running.catch(() => {});
    while (queuedCount > 0) await writeNext();
  };

  /** Schedules the next background write: at once when the last one started a tick ago or more, else at that tick. */
  const kick = (): void => {
    if (scheduled || retryTimer || closed || queuedCount === 0) return;
    scheduled = true;
    const go = () => {
      scheduled = false;
      if (closed) return;
      if (running) {
        // A flush is writing: the next tick comes after it.
        void running.then(kick, kick);
        return;
      }
      if (queuedCount === 0) return;
      writeNext().then(
        () => {
          if (failures > 0) log.info(`PostgreSQL writes resumed after ${failures} failed attempt(s)`);
          failures = 0;
          kick();
        },
        (err: Error) => {
          if (failures++ === 0) log.warn(`could not write to PostgreSQL: ${err.message}; retrying, peers still hold the edits`);
          retryTimer = setTimeout(() => {
            retryTimer = null;
            kick();
          }, retryDelay());
        },
      );
    };
    const wait = lastWriteAt + writeTickMs - performance.now();
    // Always from the check phase: the loop runs timers before it reads sockets, so a write started by the timer
    // itself would go ahead of client frames already waiting; from setImmediate they are relayed first.
    if (wait <= 0) setImmediate(go);
    else setTimeout(() => setImmediate(go), wait);
  };

  const readRooms = async (roomIds: readonly string[]): Promise<Map<string, Buffer[]>> => {
    const { rows } = await pool.query<{ room_id: string; data: Buffer }>({ ...READ_ROOMS, values: [roomIds] });
    const out = new Map<string, Buffer[]>();
    for (const r of rows) {
      const list = out.get(r.room_id);
      if (list) list.push(r.data);
      else out.set(r.room_id, [r.data]);
    }
    return out;
  };

  /** Re-reads held rooms whole and hands them to their rooms (duplicates are no-ops in Yjs); retried until it works. */
  const resync = (roomIds: readonly string[]): void => {
    const held = roomIds.filter((id) => watchers.has(id));
    if (held.length === 0 || closed) return;
    readRooms(held).then(
      (states) => {
        for (const [roomId, rows] of states) watchers.get(roomId)?.(Y.mergeUpdates(rows));
      },
      () => setTimeout(() => resync(held), 500).unref(),
    );
  };

  const revokedListeners: ((roomId: string, generation: number) => void)[] = [];
  const revoked = (roomId: string, generation: number) => {
    for (const l of revokedListeners) l(roomId, generation);
  };
  /** After notifications were away: the generation of every held room, in case one was revoked meanwhile. */
  const recheckLinks = (roomIds: readonly string[]): void => {
    if (roomIds.length === 0 || revokedListeners.length === 0) return;
    pool
      .query<{ room_id: string; generation: number }>(
        'SELECT room_id, generation FROM archdrill_links WHERE room_id = ANY($1::text[])',
        [roomIds],
      )
      .then(
        ({ rows }) => {
          for (const r of rows) revoked(r.room_id, r.generation);
        },
        () => setTimeout(() => recheckLinks(roomIds), 500).unref(),
      );
  };

  const onNotification = (msg: pg.Notification): void => {
    if (msg.channel === LINKS_CHANNEL) {
      const [roomId = '', generation = '', from = ''] = (msg.payload ?? '').split(' ');
      if (from !== nodeId) revoked(roomId, Number(generation));
      return;
    }
    const payload = msg.payload ?? '';
    if (announcedBy(payload, nodeId)) return;
    // Every node hears every room's announcements: one not held here costs a lookup, not a split of its update.
    const apply = watchers.get(payload.slice(0, payload.indexOf(' ')));
    if (!apply) return;
    const [roomId = '', id = '', , inline = ''] = payload.split(' ');
    if (inline) {
      apply(Buffer.from(inline, 'base64'));
      return;
    }
    pool.query<{ data: Buffer }>({ ...READ_ROW, values: [id] }).then(
      ({ rows }) => {
        if (rows[0]) watchers.get(roomId)?.(rows[0].data);
        else resync([roomId]);
      },
      // Compacted away already, or PostgreSQL unreachable: the room's rows hold it either way.
      () => resync([roomId]),
    );
  };

  let listener: pg.Client | null = null;
  let relistening = false;
  /** Connects and LISTENs; a connection lost after that starts `relisten` (once, however it is reported). */
  const listen = async (): Promise<void> => {
    // It writes the update rows too (see writeBatch), so it commits like the pool: without waiting for the WAL flush.
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 5000,
      options: '-c synchronous_commit=off',
    });
    let established = false;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      if (listener === client) listener = null;
      // A failure while connecting is the caller's to handle (it throws); only an established connection reconnects here.
      if (established && !closed) {
        log.warn('lost the PostgreSQL notification connection; reconnecting');
        void relisten();
      }
    };
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      client.on('notification', onNotification);
      await client.query(`LISTEN ${CHANNEL}; LISTEN ${LINKS_CHANNEL}`);
    } catch (err) {
      onLost();
      throw err;
    }
    if (lost) throw new Error('the notification connection closed while starting');
    established = true;
    listener = client;
  };
  /** One reconnect loop at a time, with backoff; then every held room is re-read (announcements missed meanwhile). */
  const relisten = async (): Promise<void> => {
    if (relistening) return;
    relistening = true;
    try {
      for (let attempt = 1; ; attempt++) {
        await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length) - 1]));
        if (closed) return;
        try {
          await listen();
          break;
        } catch {
          // PostgreSQL still away: next attempt.
        }
      }
    } finally {
      relistening = false;
    }
    log.info('PostgreSQL notifications resumed; re-reading the rooms held here');
    // Queued writes go out on this connection: now, not at the end of the retry backoff.
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    kick();
    resync([...watchers.keys()]);
    recheckLinks([...watchers.keys()]);
  };

  /**
   * Replaces the room's rows with one snapshot row, in one transaction. With `held` (the room's state in this
   * node's memory, on eviction) whatever the rows lack is merged in too, so an edit PostgreSQL lost (a crash
   * inside the commit window) or that never reached it is written back before the room leaves memory.
   */
  const compact = async (roomId: string, held?: Uint8Array): Promise<void> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = on');
      // Nodes compacting one room take turns; a row written meanwhile is not among those read, so it is not deleted.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [roomId]);
      const { rows } = await client.query<{ id: string; data: Buffer }>(
        'SELECT id, data FROM archdrill_updates WHERE room_id = $1 ORDER BY id',
        [roomId],
      );
      const stored = rows.map((r) => r.data);
      const missing =
        held && Y.diffUpdate(held, stored.length ? Y.encodeStateVectorFromUpdate(Y.mergeUpdates(stored)) : new Uint8Array([0]));
      // An empty diff is two zero varints (no structs, no deletions).
      const adds = missing !== undefined && missing.length > 2;
      if (rows.length > 1 || adds) {
        const state = compacted(adds ? [...stored, missing] : stored);
        await client.query('INSERT INTO archdrill_updates (room_id, data, snapshot) VALUES ($1, $2, true)', [
          roomId,
          asBuffer(state),
        ]);
        await client.query('DELETE FROM archdrill_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };

  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    await listen();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`PostgreSQL at ${redact(url)}: ${(err as Error).message}`);
  }

  return {
    kind: 'postgres',
    codes: postgresCodes(pool),
    nodeId,
    compact,
    async generation(roomId) {
      const { rows } = await pool.query<{ generation: number }>({ ...READ_GENERATION, values: [roomId] });
      return rows[0]?.generation ?? 0;
    },
    async bumpGeneration(roomId) {
      // Announced in the same statement, so every node closes its connections on the old links at commit.
      const { rows } = await pool.query<{ generation: number }>(
        `WITH up AS (
           INSERT INTO archdrill_links (room_id, generation) VALUES ($1, 1)
           ON CONFLICT (room_id) DO UPDATE SET generation = archdrill_links.generation + 1 RETURNING generation)
         SELECT generation, pg_notify('${LINKS_CHANNEL}', concat_ws(' ', $1::text, generation, $2::text)) FROM up`,
        [roomId, nodeId],
      );
      return rows[0]!.generation;
    },
    onRevoked(listener) {
      revokedListeners.push(listener);
    },
    get pending() {
      return queuedCount + writingCount;
    },
    async load(roomId, onRemote) {
      // Watch first, then read: an update committed after the read's snapshot is announced after the watch began.
      if (onRemote) watchers.set(roomId, onRemote);
      try {
        const rows = (await readRooms([roomId])).get(roomId) ?? [];
        rowCounts.set(roomId, rows.length);
        if (rows.length > compactAt) {
          rowCounts.set(roomId, 1);
          compact(roomId).catch((err: Error) => log.warn(`room ${roomId}: compaction failed: ${err.message}`));
        }
        if (rows.length === 0) return null;
        return rows.length === 1 ? rows[0]! : Y.mergeUpdates(rows);
      } catch (err) {
        if (watchers.get(roomId) === onRemote) watchers.delete(roomId);
        throw err;
      }
    },
    append(roomId, update) {
      const list = queued.get(roomId);
      if (list) list.push(update);
      else queued.set(roomId, [update]);
      queuedCount++;
      kick();
    },
    flush: () => writeAll(),
    async evict(roomId, state) {
      watchers.delete(roomId);
      rowCounts.delete(roomId);
      await writeAll();
      await compact(roomId, state);
    },
    async close() {
      try {
        await writeAll();
      } finally {
        closed = true;
        if (retryTimer) clearTimeout(retryTimer);
        const l = listener;
        listener = null;
        await l?.end().catch(() => {});
        await pool.end().catch(() => {});
      }
    },
  };
};

/** The URL without its password, for messages. */
export const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

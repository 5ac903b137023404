import type pg from 'pg';

/**
 * The tables, as numbered migrations: migration N takes the schema from
 * version N−1 to N. Append, never edit one that has shipped: a database
 * records the version it is at in `archdrill_schema` and runs only the rest.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: a room is its update rows (one of which may be a compacted snapshot); the id orders nothing but compaction.
  `CREATE TABLE archdrill_updates (
     id bigserial PRIMARY KEY,
     room_id text NOT NULL,
     data bytea NOT NULL,
     snapshot boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX archdrill_updates_room ON archdrill_updates (room_id, id);`,
  // 2: a room's link generation (RoomStore.generation): bumped to revoke every link handed out before; no row is 0.
  `CREATE TABLE archdrill_links (
     room_id text PRIMARY KEY,
     generation integer NOT NULL
   );`,
  // 3: join codes (joinCodes.ts), so a code issued by one node resolves on every node; an expired one is kept an hour to say so.
  `CREATE TABLE archdrill_join_codes (
     code text PRIMARY KEY,
     room_id text NOT NULL,
     role text NOT NULL,
     token text NOT NULL,
     expires_at timestamptz,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX archdrill_join_codes_expiry ON archdrill_join_codes (expires_at) WHERE expires_at IS NOT NULL;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** One lock id for every node, so nodes starting together migrate one after the other. */
const MIGRATION_LOCK = 0x61726368; // "arch"

/**
 * Creates or upgrades the tables in one transaction under an advisory lock;
 * returns the version the database was at. Refuses a database written by a
 * newer Archdrill (a schema it does not know) rather than guessing.
 */
export const migrate = async (client: pg.PoolClient | pg.Client): Promise<number> => {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS archdrill_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM archdrill_schema');
    const from = rows[0]?.version ?? 0;
    if (from > SCHEMA_VERSION)
      throw new Error(`the database schema is version ${from}; this archdrill knows up to ${SCHEMA_VERSION} (upgrade archdrill)`);
    for (let v = from; v < SCHEMA_VERSION; v++) await client.query(MIGRATIONS[v]!);
    if (rows.length === 0) await client.query('INSERT INTO archdrill_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    else if (from < SCHEMA_VERSION) await client.query('UPDATE archdrill_schema SET version = $1', [SCHEMA_VERSION]);
    await client.query('COMMIT');
    return from;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
};

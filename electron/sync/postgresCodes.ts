import type pg from 'pg';
import { resolvedCodeSchema } from '../../shared/collab';
import type { SharedJoinCodes, StoredCode } from './store';

const PUT_CODE = {
  name: 'archdrill_put_code',
  // Codes that expired over an hour ago go with each new one (an index on expires_at keeps that cheap).
  text: `WITH gone AS (DELETE FROM archdrill_join_codes WHERE expires_at < now() - interval '1 hour')
         INSERT INTO archdrill_join_codes (code, room_id, role, token, expires_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING`,
};
const GET_CODE = {
  name: 'archdrill_get_code',
  text: 'SELECT room_id, role, token, expires_at FROM archdrill_join_codes WHERE code = $1',
};

/** Join codes in PostgreSQL (migration 3): every node of a deployment resolves every node's codes. */
export const postgresCodes = (pool: pg.Pool): SharedJoinCodes => ({
  async put(code, entry) {
    const expires = entry.expiresAt === undefined ? null : new Date(entry.expiresAt);
    await pool.query({ ...PUT_CODE, values: [code, entry.roomId, entry.role, entry.token, expires] });
  },
  async get(code) {
    const { rows } = await pool.query<{ room_id: string; role: string; token: string; expires_at: Date | null }>({
      ...GET_CODE,
      values: [code],
    });
    const row = rows[0];
    if (!row) return null;
    // A row is read back through the same schema as the HTTP answer: a damaged one names no link.
    const link = resolvedCodeSchema.safeParse({ roomId: row.room_id, role: row.role, token: row.token });
    if (!link.success) return null;
    const stored: StoredCode = { ...link.data, ...(row.expires_at && { expiresAt: row.expires_at.getTime() }) };
    return stored;
  },
});

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  encodeBase64url,
  formatToken,
  isRoomId,
  parseToken,
  type Role,
  TOKEN_MAC_BYTES,
  tokenExpired,
  tokenMessage,
} from '../../shared/collab';

/** Bytes of server secret; the file holds them as base64url. */
const SECRET_BYTES = 32;

const mac = (secret: Uint8Array, message: string): Buffer =>
  createHmac('sha256', secret).update(message).digest().subarray(0, TOKEN_MAC_BYTES);

/** What a token is signed for besides room and role: the room's link generation and an optional expiry (Unix seconds). */
export interface TokenScope {
  readonly generation?: number;
  readonly expires?: number;
}

/** The token for a room and role: `<role letter>.<base64url of the truncated HMAC>[.<expiry>]`. */
export const signToken = (secret: Uint8Array, roomId: string, role: Role, scope: TokenScope = {}): string =>
  formatToken(role, encodeBase64url(mac(secret, tokenMessage(roomId, role, scope.generation, scope.expires))), scope.expires);

export type TokenVerdict =
  | { readonly ok: true; readonly role: Role }
  | { readonly ok: false; readonly reason: 'malformed token' | 'wrong token' | 'link expired' | 'link revoked' };

/** How many earlier generations are tried to tell a revoked link from a forged one (for the log line only). */
const REVOKED_LOOKBACK = 16;

/**
 * The role a token grants in a room at its current link generation, or why
 * not. Constant-time MAC comparison; the expiry is checked after the MAC, so a
 * forged expiry is "wrong", not "expired".
 */
export const verifyToken = (
  secret: Uint8Array,
  roomId: string,
  token: string,
  generation = 0,
  nowMs = Date.now(),
): TokenVerdict => {
  const parsed = parseToken(token);
  if (!parsed) return { ok: false, reason: 'malformed token' };
  const given = Buffer.from(parsed.mac, 'base64url');
  const matches = (gen: number): boolean => {
    const expected = mac(secret, tokenMessage(roomId, parsed.role, gen, parsed.expires));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  if (!matches(generation)) {
    for (let gen = generation - 1; gen >= Math.max(0, generation - REVOKED_LOOKBACK); gen--)
      if (matches(gen)) return { ok: false, reason: 'link revoked' };
    return { ok: false, reason: 'wrong token' };
  }
  return tokenExpired(parsed, nowMs) ? { ok: false, reason: 'link expired' } : { ok: true, role: parsed.role };
};

/** The key that lets a team's admin create rooms over HTTP (POST /rooms); derived, so it needs no storage. */
export const adminKey = (secret: Uint8Array): string => encodeBase64url(mac(secret, 'archdrill:admin'));

export const verifyAdminKey = (secret: Uint8Array, given: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(adminKey(secret));
  return a.length === b.length && timingSafeEqual(a, b);
};

export const newSecret = (): Uint8Array => randomBytes(SECRET_BYTES);

/** A secret as the file or ARCHDRILL_SECRET holds it (base64url, at least 16 bytes); `from` names it in the error. */
export const parseSecret = (text: string, from: string): Uint8Array => {
  const trimmed = text.trim();
  const bytes = Buffer.from(trimmed, 'base64url');
  if (bytes.length < 16 || !/^[A-Za-z0-9_-]+$/.test(trimmed))
    throw new Error(`${from} does not hold a base64url secret of at least 16 bytes`);
  return bytes;
};

/**
 * Reads the secret from `file`, creating it (mode 0600) on first run, so the
 * links handed out stay valid across restarts. Throws a one-line error for a
 * file that exists but is not a secret.
 */
export const loadOrCreateSecret = (file: string): Uint8Array => {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`cannot read secret file ${file}: ${(err as Error).message}`);
  }
  if (text !== null) return parseSecret(text, `secret file ${file}`);
  const secret = newSecret();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${encodeBase64url(secret)}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
};

export type SyncPath =
  | { readonly ok: true; readonly roomId: string; readonly token: string }
  | { readonly ok: false; readonly status: 400 | 401 | 404; readonly reason: string };

/**
 * Reads a WebSocket upgrade's URL (`/sync/<roomId>?token=…`) before any
 * WebSocket exists: 404 other paths, 400 a malformed room id, 401 no token.
 * The token itself is checked by `verifyToken`, at the room's generation.
 */
export const parseSyncPath = (rawUrl: string | undefined): SyncPath => {
  let url: URL;
  try {
    url = new URL(rawUrl ?? '/', 'http://localhost');
  } catch {
    return { ok: false, status: 400, reason: 'malformed url' };
  }
  const m = /^\/sync\/([^/]*)$/.exec(url.pathname);
  if (!m) return { ok: false, status: 404, reason: 'not a sync path' };
  const roomId = m[1]!;
  if (!isRoomId(roomId)) return { ok: false, status: 400, reason: 'malformed room id' };
  const token = url.searchParams.get('token');
  if (!token) return { ok: false, status: 401, reason: 'missing token' };
  return { ok: true, roomId, token };
};

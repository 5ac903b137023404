import { z } from 'zod';
import { ROLE_LETTERS, type Role, roleFromLetter } from './roles';

/**
 * A room token: `<role letter>.<mac>[.<expiry>]`, where mac is the first 16
 * bytes of HMAC-SHA256(server secret, tokenMessage(…)) as base64url and expiry,
 * when the link expires, is in Unix seconds. Role and expiry sit in clear so a
 * client knows what it was given (and can say a link has expired); the MAC,
 * which covers both and the room's link generation, makes them unforgeable.
 * Only the server (which holds the secret) computes or checks the MAC.
 */
export const TOKEN_MAC_BYTES = 16;
/** Role letter, a dot, 16 bytes in canonical base64url (see ROOM_ID_PATTERN), then optionally a dot and Unix seconds. */
export const TOKEN_PATTERN = /^([cis])\.([A-Za-z0-9_-]{21}[AQgw])(?:\.([1-9]\d{0,9}))?$/;
/** The latest expiry a token can carry (32 bits of Unix seconds). */
export const MAX_TOKEN_EXPIRY_SECONDS = 0xffffffff;

export const tokenSchema = z.string().regex(TOKEN_PATTERN, 'must be a room token');

export interface ParsedToken {
  readonly role: Role;
  /** The MAC as base64url, compared by the server in constant time. */
  readonly mac: string;
  /** When the link stops admitting anyone, in Unix seconds; absent for a link that does not expire. */
  readonly expires?: number;
}

/** Splits a token into role, MAC and expiry; null when it is not a well-formed token. */
export const parseToken = (token: string): ParsedToken | null => {
  const m = TOKEN_PATTERN.exec(token);
  const role = m && roleFromLetter(m[1]!);
  if (!m || !role) return null;
  if (m[3] === undefined) return { role, mac: m[2]! };
  const expires = Number(m[3]);
  return expires <= MAX_TOKEN_EXPIRY_SECONDS ? { role, mac: m[2]!, expires } : null;
};

export const formatToken = (role: Role, mac: string, expires?: number): string =>
  `${ROLE_LETTERS[role]}.${mac}${expires === undefined ? '' : `.${expires}`}`;

/**
 * The string the server MACs for a room and role, at the room's link
 * generation (bumped to revoke its links) and with the expiry. Generation 0
 * without expiry gives the original `${roomId}:${role}`, so links handed out
 * before either existed stay valid until revoked.
 */
export const tokenMessage = (roomId: string, role: Role, generation = 0, expires?: number): string =>
  `${roomId}:${role}${generation > 0 ? `:g${generation}` : ''}${expires === undefined ? '' : `:e${expires}`}`;

/** Whether a token's expiry has passed at `nowMs` (a token without expiry never expires). */
export const tokenExpired = (token: ParsedToken, nowMs: number): boolean =>
  token.expires !== undefined && token.expires * 1000 <= nowMs;

import { z } from 'zod';
import { ROLE_LETTERS, type Role, roleFromLetter } from './roles';

/**
 * A room token: `<role letter>.<mac>`, where mac is the first 16 bytes of
 * HMAC-SHA256(server secret, `${roomId}:${role}`) as base64url. The role sits
 * in clear so a client knows what it was given; the MAC makes it unforgeable.
 * Only the server (which holds the secret) computes or checks the MAC.
 */
export const TOKEN_MAC_BYTES = 16;
/** Role letter, a dot, then 16 bytes in canonical base64url (see ROOM_ID_PATTERN). */
export const TOKEN_PATTERN = /^([cis])\.([A-Za-z0-9_-]{21}[AQgw])$/;

export const tokenSchema = z.string().regex(TOKEN_PATTERN, 'must be a room token');

export interface ParsedToken {
  readonly role: Role;
  /** The MAC as base64url, compared by the server in constant time. */
  readonly mac: string;
}

/** Splits a token into role and MAC; null when it is not a well-formed token. */
export const parseToken = (token: string): ParsedToken | null => {
  const m = TOKEN_PATTERN.exec(token);
  const role = m && roleFromLetter(m[1]!);
  return m && role ? { role, mac: m[2]! } : null;
};

export const formatToken = (role: Role, mac: string): string => `${ROLE_LETTERS[role]}.${mac}`;

/** The string the server MACs for a room and role. */
export const tokenMessage = (roomId: string, role: Role): string => `${roomId}:${role}`;

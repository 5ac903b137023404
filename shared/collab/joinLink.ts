import type { Role } from './roles';
import { isRoomId } from './room';
import { parseToken } from './token';

/** What a partner needs to join a room: where the server is, which room, and the token (which carries the role). */
export interface JoinTarget {
  /** `http(s)://host[:port]`, no trailing slash: serves the app and, under /sync, the rooms. */
  readonly origin: string;
  readonly roomId: string;
  readonly token: string;
  readonly role: Role;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ORIGIN_PATTERN = /^(https?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/** Checks `http(s)://host[:port]` and returns it without a trailing slash. */
export const parseOrigin = (origin: string): Parsed<string> => {
  const trimmed = origin.trim().replace(/\/+$/, '');
  const m = ORIGIN_PATTERN.exec(trimmed);
  if (!m) return { ok: false, error: `not a server address (http://host:port): ${JSON.stringify(origin)}` };
  if (m[3] !== undefined && Number(m[3]) > 65535) return { ok: false, error: `port out of range: ${m[3]}` };
  return { ok: true, value: trimmed };
};

/**
 * The join link: the host's origin (which serves the app itself) plus a hash
 * route, so a static server needs no routing and the token never reaches
 * server logs as part of a page request.
 */
export const buildJoinLink = (target: Omit<JoinTarget, 'role'>): string =>
  `${target.origin}/#/join/${target.roomId}?token=${encodeURIComponent(target.token)}`;

const LINK_PATTERN = /^(.*?)\/?#\/join\/([^?#/]*)\?(.*)$/;

/** Parses a join link; the error says which part is wrong. */
export const parseJoinLink = (link: string): Parsed<JoinTarget> => {
  const m = LINK_PATTERN.exec(link.trim());
  if (!m) return { ok: false, error: 'not a join link (expected http://host:port/#/join/<room>?token=…)' };
  const origin = parseOrigin(m[1]!);
  if (!origin.ok) return origin;
  const roomId = m[2]!;
  if (!isRoomId(roomId)) return { ok: false, error: 'the room id in the link is malformed' };
  const params = new Map(
    m[3]!.split('&').map((kv) => {
      const eq = kv.indexOf('=');
      return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
    }),
  );
  let token: string;
  try {
    token = decodeURIComponent(params.get('token') ?? '');
  } catch {
    return { ok: false, error: 'the token in the link is malformed' };
  }
  if (!token) return { ok: false, error: 'the link has no token' };
  const parsed = parseToken(token);
  if (!parsed) return { ok: false, error: 'the token in the link is malformed' };
  return { ok: true, value: { origin: origin.value, roomId, token, role: parsed.role } };
};

/** The y-websocket server URL for an origin: ws(s)://host:port/sync (the provider appends /<roomId>). */
export const syncUrlFor = (origin: string): string => `${origin.replace(/^http/, 'ws')}/sync`;

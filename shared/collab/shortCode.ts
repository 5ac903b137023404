import { decodeBase64url, encodeBase64url } from './base64url';
import { type JoinTarget, type Parsed, parseOrigin } from './joinLink';
import { ROLES } from './roles';
import { ROOM_ID_BYTES } from './room';
import { formatToken, parseToken, TOKEN_MAC_BYTES } from './token';

/**
 * A short code carries a whole join target in Crockford base32, for pasting or
 * reading aloud: case-insensitive, O/0 and I/L/1 interchangeable, dashes
 * ignored, and a CRC-16 so a typo is reported rather than joining nowhere.
 *
 * Bytes: [version<<4 | flags] [host] [port u16] [room 16] [role 1] [mac 16] [expiry u32]? [crc16]
 *   flags bit0: https; bit1: host is a name (length byte + ASCII) rather than IPv4 (4 bytes);
 *   bit2: the token expires (Unix seconds follow the MAC), so a code without expiry is as before.
 */
const VERSION = 1;
const FLAG_HTTPS = 1;
const FLAG_NAMED_HOST = 2;
const FLAG_EXPIRES = 4;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;

const crc16 = (bytes: Uint8Array): number => {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
};

const toBase32 = (bytes: Uint8Array): string => {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
};

const fromBase32 = (text: string): Uint8Array | null => {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return null;
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
};

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Encodes a join target; throws for a target that has no short form (IPv6 host). */
export const encodeShortCode = (target: JoinTarget): string => {
  const m = /^(https?):\/\/([^:/]+)(?::(\d+))?$/.exec(target.origin);
  if (!m) throw new Error(`no short code for origin ${target.origin} (IPv6 hosts need the link)`);
  const https = m[1] === 'https';
  const host = m[2]!;
  const port = m[3] !== undefined ? Number(m[3]) : https ? 443 : 80;
  const ip = IPV4.exec(host);
  const hostBytes = ip ? ip.slice(1).map(Number) : [host.length, ...Array.from(new TextEncoder().encode(host.toLowerCase()))];
  const room = decodeBase64url(target.roomId);
  const token = parseToken(target.token);
  const mac = token && decodeBase64url(token.mac);
  if (!room || room.length !== ROOM_ID_BYTES || !token || !mac) throw new Error('malformed room id or token');
  const flags = (https ? FLAG_HTTPS : 0) | (ip ? 0 : FLAG_NAMED_HOST) | (token.expires === undefined ? 0 : FLAG_EXPIRES);
  const e = token.expires ?? 0;
  const expiry = token.expires === undefined ? [] : [e >>> 24, (e >>> 16) & 255, (e >>> 8) & 255, e & 255];
  const body = Uint8Array.from([
    (VERSION << 4) | flags,
    ...hostBytes,
    port >> 8,
    port & 255,
    ...room,
    ROLES.indexOf(token.role),
    ...mac,
    ...expiry,
  ]);
  const crc = crc16(body);
  const code = toBase32(Uint8Array.from([...body, crc >> 8, crc & 255]));
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
};

/** Decodes a short code typed or pasted by a person; the error says what is wrong. */
export const decodeShortCode = (code: string): Parsed<JoinTarget> => {
  const normal = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const bytes = fromBase32(normal);
  if (!bytes || normal.length === 0) return { ok: false, error: 'a short code has only letters, digits and dashes' };
  if (bytes.length < 3) return { ok: false, error: 'the short code is too short' };
  const body = bytes.subarray(0, bytes.length - 2);
  if (crc16(body) !== ((bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]!)) {
    return { ok: false, error: 'the short code has a typo (checksum mismatch)' };
  }
  if (body[0]! >> 4 !== VERSION) return { ok: false, error: 'the short code comes from another version of Archdrill' };
  const flags = body[0]! & 15;
  let at = 1;
  let host: string;
  if (flags & FLAG_NAMED_HOST) {
    const len = body[at++] ?? 0;
    host = new TextDecoder().decode(body.subarray(at, at + len));
    at += len;
  } else {
    host = Array.from(body.subarray(at, at + 4)).join('.');
    at += 4;
  }
  const macAt = at + 3 + ROOM_ID_BYTES;
  const need = macAt + TOKEN_MAC_BYTES + (flags & FLAG_EXPIRES ? 4 : 0);
  const role = ROLES[body[at + 2 + ROOM_ID_BYTES] ?? -1];
  if (body.length !== need || !role) return { ok: false, error: 'the short code is incomplete' };
  const port = (body[at]! << 8) | body[at + 1]!;
  const scheme = flags & FLAG_HTTPS ? 'https' : 'http';
  const defaultPort = scheme === 'https' ? 443 : 80;
  const origin = parseOrigin(`${scheme}://${host}${port === defaultPort ? '' : `:${port}`}`);
  if (!origin.ok) return origin;
  const roomId = encodeBase64url(body.subarray(at + 2, at + 2 + ROOM_ID_BYTES));
  const e = macAt + TOKEN_MAC_BYTES;
  const expires =
    flags & FLAG_EXPIRES ? ((body[e]! << 24) >>> 0) + (body[e + 1]! << 16) + (body[e + 2]! << 8) + body[e + 3]! : undefined;
  if (expires === 0) return { ok: false, error: 'the short code is incomplete' };
  const token = formatToken(role, encodeBase64url(body.subarray(macAt, macAt + TOKEN_MAC_BYTES)), expires);
  return { ok: true, value: { origin: origin.value, roomId, token, role } };
};

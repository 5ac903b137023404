import { z } from 'zod';
import { type Parsed, parseOrigin } from './joinLink';
import { roleSchema } from './roles';
import { roomIdSchema } from './room';
import { tokenSchema } from './token';

/**
 * A join code is a short name a sync server hands out for one invite link
 * (room, token, role), so a partner can be told it aloud: 8 characters of
 * Crockford base32 (40 bits), shown as `K7Q4-MZ2P`. It means something only
 * to the server that issued it, which maps it back to the link
 * (electron/sync/joinCodes.ts); so a code travels with that server's address,
 * shown as `192.168.1.20:4455 · K7Q4-MZ2P`.
 */
export const JOIN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 8;

const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** A code as people type it, made canonical: case ignored, dashes and spaces dropped, O read as 0, I and L as 1. */
export const normalizeJoinCode = (text: string): string =>
  text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

/** `K7Q4MZ2P` → `K7Q4-MZ2P`: two groups of four, easier to read aloud and to check. Idempotent (a code formatted once stays as it is). */
export const formatJoinCode = (code: string): string => {
  const c = normalizeJoinCode(code);
  return `${c.slice(0, 4)}-${c.slice(4)}`;
};

export const joinCodeSchema = z
  .string()
  .max(64, 'a join code is 8 letters and digits, like K7Q4-MZ2P')
  .transform(normalizeJoinCode)
  .pipe(z.string().regex(CODE_PATTERN, 'a join code is 8 letters and digits, like K7Q4-MZ2P'));

/** The body of `POST /join-codes`: the code to resolve. */
export const resolveCodeRequestSchema = z.object({ code: joinCodeSchema }).strict();

/** The answer of `POST /join-codes`: what the link holds (the origin is the server that answered). */
export const resolvedCodeSchema = z.object({ roomId: roomIdSchema, token: tokenSchema, role: roleSchema });
export type ResolvedCode = z.infer<typeof resolvedCodeSchema>;

/** The codes `POST /rooms` hands out with the tokens, one per role. */
export const roomCodesSchema = z.object({ candidate: z.string(), interviewer: z.string(), spectator: z.string() });

/** How the host reads a code out: the server's address without `http://` (kept for https), then the code. */
export const formatInvite = (origin: string, code: string): string =>
  `${origin.startsWith('http://') ? origin.slice('http://'.length) : origin} · ${formatJoinCode(code)}`;

/** What a person typed in the Join dialog when it is not a link: a code, with the server's address if they gave one. */
export interface CodeInput {
  /** `http(s)://host[:port]`, or null when only the code was given. */
  readonly origin: string | null;
  /** Canonical, without the dash. */
  readonly code: string;
}

/**
 * Reads `192.168.1.20:4455 · K7Q4-MZ2P`, `https://drill.example.org K7Q4MZ2P`
 * or a bare `k7q4-mz2p`. An address without a scheme is http (what a host on
 * a LAN serves); a team server on https is shown with its scheme.
 */
export const parseCodeInput = (text: string): Parsed<CodeInput> => {
  const parts = text
    .trim()
    .split(/\s*[·|]\s*|\s+/)
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, error: 'type the code your host reads out, like K7Q4-MZ2P' };
  // The code is the end (it may have been typed with a space in the middle: "K7Q4 MZ2P").
  const last2 = parts.length >= 2 ? normalizeJoinCode(parts.slice(-2).join('')) : '';
  const useTwo = CODE_PATTERN.test(last2) && !/[.:/]/.test(parts[parts.length - 2]!);
  const codePart = useTwo ? parts.slice(-2).join('') : parts[parts.length - 1]!;
  const address = parts.slice(0, parts.length - (useTwo ? 2 : 1));
  const code = joinCodeSchema.safeParse(codePart);
  if (!code.success) return { ok: false, error: code.error.issues[0]!.message };
  if (address.length > 1)
    return { ok: false, error: 'expected the server address and the code, like 192.168.1.20:4455 · K7Q4-MZ2P' };
  if (address.length === 0) return { ok: true, value: { origin: null, code: code.data } };
  const origin = parseServerAddress(address[0]!);
  return origin.ok ? { ok: true, value: { origin: origin.value, code: code.data } } : origin;
};

/** A server address as typed: `192.168.1.20:4455`, `drill.example.org` or a full origin. */
export const parseServerAddress = (text: string): Parsed<string> => {
  const t = text.trim().replace(/\/+$/, '');
  const parsed = parseOrigin(/^https?:\/\//i.test(t) ? t : `http://${t}`);
  return parsed.ok ? parsed : { ok: false, error: `not a server address (like 192.168.1.20:4455): ${JSON.stringify(text)}` };
};

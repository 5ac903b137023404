import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type ResolvedCode,
  type Role,
  resolveCodeRequestSchema,
} from '../../shared/collab';
import { SECURITY_HEADERS } from './httpPolicy';
import { TokenBucket } from './limits';
import type { Logger } from './log';
import type { SharedJoinCodes } from './store';

/** How many tries one client address gets in a burst, and how many a minute after it (README: "Join codes"). */
export const CODE_TRIES_BURST = 10;
export const CODE_TRIES_PER_MINUTE = 10;
/** A code that stopped working still says why (expired, revoked) for this long, then it is forgotten ("unknown"). */
const REMEMBER_DEAD_MS = 60 * 60_000;
/** Client addresses whose budget is tracked at once; past it the oldest is dropped (its budget is full again by then, or it is an attack from many addresses that the entropy answers). */
const MAX_ADDRESSES = 10_000;
const MAX_BODY_BYTES = 1024;

interface Entry extends ResolvedCode {
  /** When the link stops admitting anyone (ms), as its token says. */
  readonly expiresAt: number | undefined;
  revokedAt?: number;
}

export type CodeVerdict =
  | { readonly ok: true; readonly value: ResolvedCode }
  | { readonly ok: false; readonly status: 404 | 410 | 503; readonly error: string };

/** Whether a code's link still admits anyone, as the room's current link generation says (server.ts checks the token). */
export type LinkState = (roomId: string, token: string) => Promise<'ok' | 'expired' | 'revoked' | 'unknown'>;

/** Where codes are shared with other nodes, and how a link's state is checked; both absent for one process alone. */
export interface JoinCodesOptions {
  readonly shared?: SharedJoinCodes;
  readonly linkState?: LinkState;
  readonly log?: Logger;
}

export const UNKNOWN_CODE = 'No session has this code on this server: check the code and the server address with your host.';
export const EXPIRED_CODE = 'This code has expired: ask your host for a new one.';
export const REVOKED_CODE = 'This code no longer works: the host stopped hosting or withdrew the links. Ask for a new one.';

export const CODES_UNREADABLE = 'The server cannot look codes up right now: try again in a moment, or use the link.';

/**
 * The short codes this server handed out, each naming one invite link. They
 * live in this process's memory: a code expires with its link, dies with the
 * room's links (revoke, hosting stopped) and with the server. With a shared
 * store (PostgreSQL) they are also written there, so any node of the
 * deployment resolves them (behind HAProxy the code request may reach
 * another node than the one that made the room), also after a restart.
 */
export class JoinCodes {
  private readonly codes = new Map<string, Entry>();
  /** Shared writes not yet done: an answer that hands codes out waits for them, so they resolve on any node at once. */
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly options: JoinCodesOptions = {},
  ) {}

  /** A fresh code for a link; `expiresAt` (ms) is the token's expiry, if it has one. */
  issue(link: ResolvedCode, expiresAt?: number): string {
    this.forgetDead();
    let code: string;
    do {
      code = Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
    } while (this.codes.has(code));
    this.codes.set(code, { ...link, expiresAt });
    const write = this.options.shared
      ?.put(code, { ...link, ...(expiresAt !== undefined && { expiresAt }) })
      .catch((err: Error) => this.options.log?.warn(`join code ${code}: not shared with other nodes (${err.message})`));
    if (write) {
      this.writing.add(write);
      void write.finally(() => this.writing.delete(write));
    }
    return code;
  }

  /** Resolves once every code issued so far is in the shared store (or failed to get there, logged). */
  async shared(): Promise<void> {
    await Promise.all(this.writing);
  }

  /**
   * The link a code names, wherever in the deployment it was issued: this
   * process's codes first, then the shared store's; the link's state is
   * checked at its room's current generation, so a revocation on any node
   * ends the code here too.
   */
  async lookup(code: string): Promise<CodeVerdict> {
    let verdict = this.resolve(code);
    const { shared, linkState } = this.options;
    if (!verdict.ok && verdict.status === 404 && shared) {
      let stored: Awaited<ReturnType<SharedJoinCodes['get']>>;
      try {
        stored = await shared.get(code);
      } catch {
        return { ok: false, status: 503, error: CODES_UNREADABLE };
      }
      if (!stored) return verdict;
      if (stored.expiresAt !== undefined && stored.expiresAt <= this.now())
        return { ok: false, status: 410, error: EXPIRED_CODE };
      verdict = { ok: true, value: { roomId: stored.roomId, token: stored.token, role: stored.role } };
    }
    if (!verdict.ok || !linkState) return verdict;
    let state: Awaited<ReturnType<LinkState>>;
    try {
      state = await linkState(verdict.value.roomId, verdict.value.token);
    } catch {
      return { ok: false, status: 503, error: CODES_UNREADABLE };
    }
    if (state === 'ok') return verdict;
    if (state === 'expired') return { ok: false, status: 410, error: EXPIRED_CODE };
    if (state === 'revoked') return { ok: false, status: 410, error: REVOKED_CODE };
    return { ok: false, status: 404, error: UNKNOWN_CODE };
  }

  /** Every code to the room stops working (its links were revoked or hosting stopped). */
  revokeRoom(roomId: string): void {
    const at = this.now();
    for (const entry of this.codes.values()) if (entry.roomId === roomId) entry.revokedAt ??= at;
  }

  /** The link a canonical code names, or why there is none. */
  resolve(code: string): CodeVerdict {
    const entry = this.codes.get(code);
    if (!entry) return { ok: false, status: 404, error: UNKNOWN_CODE };
    if (entry.revokedAt !== undefined) return { ok: false, status: 410, error: REVOKED_CODE };
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.now()) return { ok: false, status: 410, error: EXPIRED_CODE };
    return { ok: true, value: { roomId: entry.roomId, token: entry.token, role: entry.role } };
  }

  get size(): number {
    return this.codes.size;
  }

  private forgetDead(): void {
    const cutoff = this.now() - REMEMBER_DEAD_MS;
    for (const [code, e] of this.codes)
      if ((e.revokedAt ?? e.expiresAt ?? Number.POSITIVE_INFINITY) < cutoff) this.codes.delete(code);
  }
}

/** Tries per client address: a token bucket each, so nobody can walk the code space. */
export class CodeTries {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly burst = CODE_TRIES_BURST,
    private readonly perMinute = CODE_TRIES_PER_MINUTE,
  ) {}

  /** Spends one try for `address`; false when it has none left. */
  take(address: string): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= MAX_ADDRESSES) this.buckets.delete(this.buckets.keys().next().value!);
      // Counted in sixtieths of a try, so whole seconds refill whole tries (no 0.1666… rounding).
      bucket = new TokenBucket(this.perMinute, this.burst * 60, this.now());
      this.buckets.set(address, bucket);
    }
    return bucket.take(60, this.now());
  }

  /** Seconds until `address` has a try again. */
  get retryAfterSeconds(): number {
    return Math.ceil(60 / this.perMinute);
  }
}

const answer = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string>): void => {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(value === null ? '' : JSON.stringify(value));
};

/** The request body as text, or null past MAX_BODY_BYTES. */
const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the cap the rest is read and dropped; the answer closes the connection.
      if (size > MAX_BODY_BYTES) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const JOIN_CODES_PATH = '/join-codes';

/**
 * Whose tries an address spends: an IPv4 address itself, an IPv6 address its
 * /64 (one machine or home network is handed a whole /64, so counting single
 * IPv6 addresses would give it billions of budgets).
 */
export const triesKey = (address: string): string => {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (v4) return v4[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const full = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${full
    .slice(0, 4)
    .map((h) => h.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/**
 * `POST /join-codes` with `{"code":"K7Q4-MZ2P"}` → `{roomId, token, role}`:
 * 400 for a body that is not one code, 404 unknown, 410 expired or revoked,
 * 429 (with Retry-After) past the address's tries. CORS as for POST /rooms:
 * the desktop app and the public origins.
 */
export const serveJoinCodes = async (
  req: IncomingMessage,
  res: ServerResponse,
  deps: { codes: JoinCodes; tries: CodeTries; corsOrigin: string | null; log: Logger },
): Promise<void> => {
  const cors: Record<string, string> = deps.corsOrigin ? { 'access-control-allow-origin': deps.corsOrigin, vary: 'Origin' } : {};
  if (req.method === 'OPTIONS') {
    if (!deps.corsOrigin) return answer(res, 403, { error: 'origin not allowed' }, {});
    return answer(res, 204, null, {
      ...cors,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
  }
  if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' }, { ...cors, allow: 'POST' });
  const address = req.socket.remoteAddress ?? '?';
  if (!deps.tries.take(triesKey(address))) {
    deps.log.warn(`join codes: too many tries from ${address}`);
    const wait = deps.tries.retryAfterSeconds;
    return answer(
      res,
      429,
      { error: `Too many tries from your address: wait ${wait} seconds and try again.` },
      {
        ...cors,
        'retry-after': String(wait),
      },
    );
  }
  const text = await readBody(req).catch(() => null);
  if (text === null)
    return answer(res, 413, { error: 'the request is too large for one code' }, { ...cors, connection: 'close' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer(res, 400, { error: 'expected JSON like {"code":"K7Q4-MZ2P"}' }, cors);
  }
  const request = resolveCodeRequestSchema.safeParse(body);
  if (!request.success) return answer(res, 400, { error: request.error.issues[0]!.message }, cors);
  const verdict = await deps.codes.lookup(request.data.code);
  if (!verdict.ok) return answer(res, verdict.status, { error: verdict.error }, cors);
  deps.log.info(`join code resolved by ${address} for room ${verdict.value.roomId} as ${verdict.value.role}`);
  answer(res, 200, verdict.value, cors);
};

/** The three codes of a room's fresh tokens; `expiresAt` (ms) when the tokens expire. */
export const issueRoomCodes = (
  codes: JoinCodes,
  roomId: string,
  tokens: Readonly<Record<Role, string>>,
  expiresAt?: number,
): Record<Role, string> => ({
  candidate: codes.issue({ roomId, role: 'candidate', token: tokens.candidate }, expiresAt),
  interviewer: codes.issue({ roomId, role: 'interviewer', token: tokens.interviewer }, expiresAt),
  spectator: codes.issue({ roomId, role: 'spectator', token: tokens.spectator }, expiresAt),
});

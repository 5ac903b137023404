import { parseCodeInput, parseServerAddress, resolvedCodeSchema } from '@shared/collab/joinCode';
import { buildJoinLink, type JoinTarget, type Parsed, parseJoinLink } from '@shared/collab/joinLink';
import { enterRoom } from './enterRoom';

const LAST_SERVER = 'archdrill.joinServer';

/** The server a code was last resolved on (a partner joins the same host again), else the one serving this page. */
export const rememberedServer = (): string => {
  const last = localStorage.getItem(LAST_SERVER);
  if (last) return last.replace(/^http:\/\//, '');
  return /^https?:$/.test(window.location.protocol) ? window.location.host : '';
};

/** Whether the Join dialog's text is a link (which names its server) rather than a code. */
export const isJoinLink = (text: string): boolean => text.includes('#/join/');

/** Whether the text names the server before the code (`192.168.1.20:4455 · K7Q4-MZ2P`). */
export const namesServer = (text: string): boolean => {
  const parsed = parseCodeInput(text);
  return parsed.ok && parsed.value.origin !== null;
};

/**
 * Asks the server that issued a code for the link it names (POST
 * /join-codes). The answer is validated; the server's own message says why a
 * code is refused (unknown, expired, revoked, too many tries).
 */
export const resolveJoinCode = async (origin: string, code: string): Promise<Parsed<JoinTarget>> => {
  let res: Response;
  try {
    res = await fetch(`${origin}/join-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
  } catch {
    return { ok: false, error: `No Archdrill host answered at ${origin}: check the address with your host.` };
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const said = (body as { error?: unknown } | null)?.error;
    return { ok: false, error: typeof said === 'string' ? said : `The server answered ${res.status}.` };
  }
  const parsed = resolvedCodeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: `${origin} did not answer like an Archdrill host.` };
  return { ok: true, value: { origin, ...parsed.data } };
};

/** What a person pasted or typed in "Join": a join link, or a code resolved on its server (named in the text or in `server`). */
export const parseJoinInput = async (text: string, server = ''): Promise<Parsed<JoinTarget>> => {
  if (isJoinLink(text)) return parseJoinLink(text);
  const input = parseCodeInput(text);
  if (!input.ok) return input;
  let origin = input.value.origin;
  if (origin === null) {
    if (!server.trim()) return { ok: false, error: 'Type the server address your host reads out with the code.' };
    const parsed = parseServerAddress(server);
    if (!parsed.ok) return parsed;
    origin = parsed.value;
  }
  const resolved = await resolveJoinCode(origin, input.value.code);
  if (resolved.ok) localStorage.setItem(LAST_SERVER, origin);
  return resolved;
};

/**
 * Joins from the Join dialog the way hosting enters a room: the session is
 * swapped in place, never by navigating (the desktop window refuses that).
 * Resolves to the error to show, or null once joining has started.
 */
export const joinFromInput = async (text: string, server?: string): Promise<string | null> => {
  const parsed = await parseJoinInput(text, server);
  if (!parsed.ok) return parsed.error;
  enterRoom(buildJoinLink(parsed.value), parsed.value.roomId);
  return null;
};

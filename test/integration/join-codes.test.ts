import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CODE_TRIES_BURST, EXPIRED_CODE, REVOKED_CODE, UNKNOWN_CODE } from '../../electron/sync/joinCodes';
import { createdRoomSchema, type Role, resolvedCodeSchema } from '../../shared/collab';
import { APP_ORIGIN } from '../../shared/security/origins';
import { connect, onCleanup, startServer, synced, upgradeStatus } from './helpers';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

/** POST /join-codes from a chosen loopback address (Linux: all of 127/8 is this machine), the body sent as written. */
const post = (base: string, body: string, from = '127.0.0.1', method = 'POST', headers = {}): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path: '/join-codes', method, localAddress: from, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });

const resolveCode = (base: string, code: string, from?: string) => post(base, JSON.stringify({ code }), from);
const LINUX = process.platform === 'linux';

describe('join codes on the sync server', () => {
  afterEach(() => vi.useRealTimers());

  it('a room comes with a code per role that resolves to that role’s link, typed any way a person would', async () => {
    const server = await startServer();
    const room = server.createRoom();
    for (const role of ['candidate', 'interviewer', 'spectator'] as Role[]) {
      const code = room.codes[role];
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      const typed = `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
      const answer = await resolveCode(server.url, typed);
      expect(answer.status).toBe(200);
      expect(resolvedCodeSchema.parse(answer.body)).toEqual({ roomId: room.roomId, token: room.tokens[role], role });
    }
    // The token it gives reaches the room.
    const answer = resolvedCodeSchema.parse((await resolveCode(server.url, room.codes.interviewer)).body);
    const partner = connect(server.url, answer.roomId, answer.token);
    onCleanup(() => partner.provider.destroy());
    await synced(partner);
  });

  it('POST /rooms hands out the codes too', async () => {
    const server = await startServer();
    const res = await fetch(`${server.url}/rooms`, { method: 'POST', headers: { authorization: `Bearer ${server.adminKey}` } });
    const room = createdRoomSchema.parse(await res.json());
    const answer = await resolveCode(server.url, room.codes!.spectator);
    expect(answer.body).toEqual({ roomId: room.roomId, token: room.tokens.spectator, role: 'spectator' });
  });

  it('refuses an unknown code, and bad input, with a clear message', async () => {
    const server = await startServer();
    server.createRoom();
    expect(await resolveCode(server.url, 'K7Q4-MZ2P')).toMatchObject({ status: 404, body: { error: UNKNOWN_CODE } });
    expect(await resolveCode(server.url, 'K7Q4')).toMatchObject({ status: 400, body: { error: /8 letters and digits/ } });
    expect(await post(server.url, 'not json')).toMatchObject({ status: 400, body: { error: /expected JSON/ } });
    expect(await post(server.url, JSON.stringify({ code: 'K7Q4MZ2P', extra: 1 }))).toMatchObject({ status: 400 });
    expect(await post(server.url, JSON.stringify(['K7Q4MZ2P']))).toMatchObject({ status: 400 });
    expect(await post(server.url, JSON.stringify({ code: 'x'.repeat(5000) }))).toMatchObject({ status: 413 });
    expect(await post(server.url, '', '127.0.0.1', 'GET')).toMatchObject({ status: 405, headers: { allow: 'POST' } });
  });

  it('revoking the room’s links kills its codes; the fresh links come with fresh codes', async () => {
    const server = await startServer();
    const room = server.createRoom();
    const fresh = await server.revokeLinks(room.roomId);
    expect(await resolveCode(server.url, room.codes.interviewer)).toMatchObject({ status: 410, body: { error: REVOKED_CODE } });
    const answer = await resolveCode(server.url, fresh.codes.interviewer);
    expect(answer.body).toMatchObject({ token: fresh.tokens.interviewer });
  });

  it('a code expires with its link (--link-ttl)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await startServer({ linkTtlMs: 90_000 });
    const room = server.createRoom();
    expect((await resolveCode(server.url, room.codes.candidate)).status).toBe(200);
    vi.setSystemTime(Date.now() + 91_000);
    expect(await resolveCode(server.url, room.codes.candidate)).toMatchObject({ status: 410, body: { error: EXPIRED_CODE } });
    // And so does the link it named: the server refuses the token at the upgrade.
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/sync/${room.roomId}?token=${room.tokens.candidate}`)).toBe(
      403,
    );
  });

  it.skipIf(!LINUX)(
    'rate-limits tries per client address, so the code space cannot be walked (skipped off Linux: no other loopback addresses)',
    async () => {
      const server = await startServer();
      const room = server.createRoom();
      for (let i = 0; i < CODE_TRIES_BURST; i++)
        expect((await resolveCode(server.url, 'K7Q4MZ2P', '127.0.0.3')).status).toBe(404);
      // Past the budget even the right code is refused, with when to try again.
      const refused = await resolveCode(server.url, room.codes.candidate, '127.0.0.3');
      expect(refused).toMatchObject({
        status: 429,
        headers: { 'retry-after': '6' },
        body: { error: /Too many tries.*wait 6 seconds/ },
      });
      // Another address is not affected.
      expect((await resolveCode(server.url, room.codes.candidate, '127.0.0.4')).status).toBe(200);
    },
  );

  it('answers the desktop app’s preflight (CORS), as POST /rooms does', async () => {
    const server = await startServer();
    const preflight = await post(server.url, '', '127.0.0.1', 'OPTIONS', { origin: APP_ORIGIN });
    expect(preflight).toMatchObject({
      status: 204,
      headers: { 'access-control-allow-origin': APP_ORIGIN, 'access-control-allow-headers': 'content-type' },
    });
    expect((await post(server.url, '', '127.0.0.1', 'OPTIONS', { origin: 'https://evil.example' })).status).toBe(403);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncServer } from '../../electron/sync/server';
import { connect, join, onCleanup, roomUrl, startServer, synced, upgradeStatus, waitFor } from './helpers';

/** An upgrade request with a valid token whose handshake then fails (a Sec-WebSocket-Key that is not one). */
const failedHandshake = (server: SyncServer, roomId: string, token: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = tcpConnect(server.port, '127.0.0.1', () =>
      socket.write(
        `GET /sync/${roomId}?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: bad\r\n\r\n',
      ),
    );
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });

/** GET with headers fetch would not send as given (Host). */
const statusWith = (url: string, headers: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });

const staticApp = (): string => {
  const dir = mkdtempSync(joinPath(tmpdir(), 'archdrill-hardening-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(joinPath(dir, 'index.html'), '<!doctype html><title>Archdrill</title>');
  writeFileSync(joinPath(dir, '.env'), 'SECRET=1');
  mkdirSync(joinPath(dir, '.git'));
  writeFileSync(joinPath(dir, '.git', 'config'), '[core]');
  return dir;
};

describe('rooms are held by real connections only', () => {
  it('50 failed handshakes with valid tokens leave no room in memory', async () => {
    const server = await startServer({ idleEvictMs: 50 });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => {
        const { roomId, tokens } = server.createRoom();
        return failedHandshake(server, roomId, tokens.candidate);
      }),
    );
    expect(answers.every((a) => a.startsWith('HTTP/1.1 400'))).toBe(true);
    expect(server.stats().rooms).toBe(0);
    // And a real connection still loads, then frees, its room.
    const { roomId } = server.createRoom();
    const alice = join(server, roomId, 'candidate');
    await synced(alice);
    expect(server.stats().rooms).toBe(1);
    alice.provider.destroy();
    await waitFor('the room is evicted', () => server.stats().rooms === 0);
  });
});

describe('HTTP', () => {
  it('every static page carries the CSP, no framing, no sniffing and no referrer; dotfiles are not served', async () => {
    const server = await startServer({ staticDir: staticApp() });
    for (const path of ['/', '/index.html', '/join/deep/route', '/missing.js', '/healthz']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    for (const dotfile of ['/.env', '/.git/config', '/%2egit/config']) {
      const res = await fetch(`${server.url}${dotfile}`);
      expect(res.status, dotfile).toBe(404);
      expect(await res.text(), dotfile).not.toMatch(/SECRET|core/);
    }
  });

  it('/healthz answers GET and HEAD only, and names no room', async () => {
    const server = await startServer();
    const { roomId } = server.createRoom();
    await synced(join(server, roomId, 'candidate'));
    const get = await fetch(`${server.url}/healthz`);
    expect(get.status).toBe(200);
    expect(await get.text()).not.toContain(roomId);
    expect((await fetch(`${server.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetch(`${server.url}/healthz`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('with public origins, a WebSocket from another Origin and a request for another Host are refused', async () => {
    const server = await startServer({ publicOrigins: ['https://drill.example.org'] });
    const { roomId, tokens } = server.createRoom();
    const url = roomUrl(server, roomId, tokens.candidate);
    expect(await upgradeStatus(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { origin: 'https://drill.example.org' })).toBe(101);
    expect(await upgradeStatus(url, { origin: 'app://archdrill' })).toBe(101);
    // DNS rebinding: a page on evil.example whose name now points here.
    expect(await upgradeStatus(url, { origin: 'http://evil.example:1234', host: 'evil.example:1234' })).toBe(403);
    expect(await statusWith(`${server.url}/healthz`, { host: 'evil.example' })).toBe(421);
    expect(await statusWith(`${server.url}/healthz`, { host: 'drill.example.org' })).toBe(200);
    expect(await statusWith(`${server.url}/healthz`, {})).toBe(200);
    // Without public origins nothing changes for any origin: the token is the guard.
    const open = await startServer();
    const room = open.createRoom();
    expect(await upgradeStatus(roomUrl(open, room.roomId, room.tokens.candidate), { origin: 'https://evil.example' })).toBe(101);
  });

  it('CORS for POST /rooms admits the desktop app and the public origins only; the key still decides', async () => {
    const server = await startServer({ publicOrigins: ['https://drill.example.org'] });
    const preflight = (origin: string) =>
      fetch(`${server.url}/rooms`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const app = await preflight('app://archdrill');
    expect(app.status).toBe(204);
    expect(app.headers.get('access-control-allow-origin')).toBe('app://archdrill');
    expect(app.headers.get('access-control-allow-headers')).toBe('authorization');
    expect((await preflight('https://drill.example.org')).status).toBe(204);
    const evil = await preflight('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const made = await fetch(`${server.url}/rooms`, {
      method: 'POST',
      headers: { origin: 'app://archdrill', authorization: `Bearer ${server.adminKey}` },
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('access-control-allow-origin')).toBe('app://archdrill');
    const wrongKey = await fetch(`${server.url}/rooms`, {
      method: 'POST',
      headers: { origin: 'app://archdrill', authorization: 'Bearer nope' },
    });
    expect(wrongKey.status).toBe(403);
  });
});

describe('links', () => {
  it('an expired link is refused; one that has not expired works', async () => {
    // Expiry is kept in whole seconds, so a link lives (ttl - 1 s, ttl]: 4 s leaves a loaded machine 3 s to use it first.
    const server = await startServer({ linkTtlMs: 4000 });
    const { roomId, tokens } = server.createRoom();
    expect(tokens.candidate).toMatch(/^c\.[A-Za-z0-9_-]{22}\.\d+$/);
    const url = roomUrl(server, roomId, tokens.candidate);
    expect(await upgradeStatus(url)).toBe(101);
    await waitFor('the link expires', () => Date.now() > Number(tokens.candidate.split('.')[2]) * 1000);
    expect(await upgradeStatus(url)).toBe(403);
    // A forged later expiry does not help: the MAC covers it.
    const forged = tokens.candidate.replace(/\.\d+$/, `.${Math.floor(Date.now() / 1000) + 3600}`);
    expect(await upgradeStatus(roomUrl(server, roomId, forged))).toBe(403);
  });

  it('revoking a room closes its connections, refuses its old links and hands out new ones; it survives a restart', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'archdrill-revoke-'));
    onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
    const secret = new Uint8Array(32).fill(3);
    const server = await startServer({ dataDir, secret });
    const { roomId, tokens } = server.createRoom();
    const alice = join(server, roomId, 'candidate');
    await synced(alice);
    const closedCode = new Promise<number>((resolve) => alice.provider.on('closed', (e: { code: number }) => resolve(e.code)));

    expect((await fetch(`${server.url}/rooms/${roomId}/revoke`, { method: 'POST' })).status).toBe(401);
    const res = await fetch(`${server.url}/rooms/${roomId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminKey}` },
    });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as { tokens: { candidate: string; spectator: string } };
    expect(await closedCode).toBe(4403);
    expect(await upgradeStatus(roomUrl(server, roomId, tokens.candidate))).toBe(403);
    expect(await upgradeStatus(roomUrl(server, roomId, tokens.spectator))).toBe(403);
    expect(await upgradeStatus(roomUrl(server, roomId, fresh.tokens.candidate))).toBe(101);
    await server.close();

    const again = await startServer({ dataDir, secret });
    expect(await upgradeStatus(roomUrl(again, roomId, tokens.candidate))).toBe(403);
    expect(await upgradeStatus(roomUrl(again, roomId, fresh.tokens.spectator))).toBe(101);
  });
});

describe('honest clients under the limits', () => {
  it('stock y-websocket clients sync, show presence at 25 Hz with edits, and come back after a reconnect', async () => {
    const server = await startServer();
    const { roomId } = server.createRoom();
    const clients = [join(server, roomId, 'candidate'), join(server, roomId, 'interviewer'), join(server, roomId, 'spectator')];
    await Promise.all(clients.map(synced));
    const [alice, bob, carol] = clients as [(typeof clients)[0], (typeof clients)[0], (typeof clients)[0]];
    alice.provider.awareness.setLocalState({ name: 'Alice', cursor: { x: 0 } });
    bob.provider.awareness.setLocalState({ name: 'Bob', cursor: { x: 0 } });
    carol.provider.awareness.setLocalState({ name: 'Carol', cursor: { x: 0 } });

    // Two seconds of live drags at the app's presence rate, with edits.
    for (let tick = 1; tick <= 50; tick++) {
      for (const c of [alice, bob]) c.provider.awareness.setLocalStateField('cursor', { x: tick });
      if (tick % 5 === 0) alice.doc.getArray('log').push([tick]);
      await new Promise((r) => setTimeout(r, 40));
    }
    const seen = (by: (typeof clients)[0], of: (typeof clients)[0]) =>
      by.provider.awareness.getStates().get(of.doc.clientID) as
        | { name?: string; role?: string; cursor?: { x: number } }
        | undefined;
    await waitFor(
      'everyone sees the last positions',
      () => seen(carol, alice)?.cursor?.x === 50 && seen(alice, bob)?.cursor?.x === 50,
    );
    await waitFor('every edit reached every client', () => clients.every((c) => c.doc.getArray('log').length === 10));
    expect(seen(bob, alice)).toMatchObject({ name: 'Alice', role: 'candidate' });
    expect(seen(alice, carol)).toMatchObject({ name: 'Carol', role: 'spectator' });
    expect(server.stats()).toMatchObject({ connections: 3, overBudget: 0, malformed: 0, refusedUpdates: 0 });

    // A dropped connection: alice comes back and is seen again without moving.
    alice.provider.disconnect();
    await waitFor('bob no longer sees alice', () => seen(bob, alice) === undefined);
    alice.provider.connect();
    await synced(alice);
    await waitFor('bob sees alice again', () => seen(bob, alice)?.name === 'Alice');
    expect(server.stats().overBudget).toBe(0);
    // A client of its own kind, on a fresh doc, joins late and gets everything.
    const late = connect(server.url, roomId, server.tokenFor(roomId, 'interviewer'));
    await synced(late);
    expect(late.doc.getArray('log').length).toBe(10);
  });
});

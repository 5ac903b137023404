import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { join as joinRoom, onCleanup, startServer, synced } from './helpers';

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
const rawGet = (base: string, path: string): Promise<{ status: number; type: string; body: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });

const appDir = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'archdrill-static-'));
  onCleanup(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  const app = join(root, 'app');
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>Archdrill</title>');
  writeFileSync(join(app, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(app, 'assets', 'style.css'), 'body{}');
  return app;
};

describe('the HTTP side', () => {
  it('reports health: rooms in memory, connections, uptime', async () => {
    const server = await startServer();
    const { roomId } = server.createRoom();
    await synced(joinRoom(server, roomId, 'candidate'));
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rooms: 1, connections: 1, uptimeSeconds: expect.any(Number) });
  });

  it('serves the built app with MIME types, falls back to index.html for routes, refuses traversal', async () => {
    const server = await startServer({ staticDir: appDir() });
    expect(await rawGet(server.url, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await rawGet(server.url, '/assets/main.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await rawGet(server.url, '/assets/style.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect((await rawGet(server.url, '/join/some/route')).body).toContain('<title>Archdrill</title>');
    expect((await rawGet(server.url, '/assets/missing.js')).status).toBe(404);
    for (const evil of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const res = await rawGet(server.url, evil);
      expect(res.body, evil).not.toContain('TOP SECRET');
      expect([400, 404], evil).toContain(res.status);
    }
  });

  it('does not follow a symlink out of the app folder, but serves one that stays inside', async () => {
    const app = appDir();
    symlinkSync(join(app, '..', 'secret.txt'), join(app, 'assets', 'leak.txt'));
    symlinkSync(join(app, '..'), join(app, 'parent'));
    symlinkSync(join(app, 'assets', 'main.js'), join(app, 'alias.js'));
    const server = await startServer({ staticDir: app });
    for (const path of ['/assets/leak.txt', '/parent/secret.txt']) {
      const res = await rawGet(server.url, path);
      expect(res.body, path).not.toContain('TOP SECRET');
      expect(res.status, path).toBe(404);
    }
    expect(await rawGet(server.url, '/alias.js')).toMatchObject({ status: 200, body: 'console.log(1)' });
  });

  it('mints rooms over HTTP only for the holder of the admin key', async () => {
    const server = await startServer();
    expect((await fetch(`${server.url}/rooms`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${server.url}/rooms`, { method: 'POST', headers: { authorization: 'Bearer nope' } })).status).toBe(403);
    const res = await fetch(`${server.url}/rooms`, { method: 'POST', headers: { authorization: `Bearer ${server.adminKey}` } });
    expect(res.status).toBe(201);
    const room = (await res.json()) as { roomId: string; tokens: { candidate: string } };
    expect(room.tokens.candidate).toBe(server.tokenFor(room.roomId, 'candidate'));
  });
});

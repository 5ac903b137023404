import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostingFromSync, listUserRubrics } from '../../electron/main/services';
import * as syncHost from '../../electron/sync/hostSession';
import { parseJoinLink } from '../../shared/collab/joinLink';
import { tempDir } from './setup/launchShell';

describe('hosting a session from the desktop app', () => {
  it('starts the sync server on loopback, returns join links and codes, and stops it', async () => {
    const hosting = hostingFromSync(syncHost, { dataDir: tempDir(), rendererRoot: tempDir() });
    const session = await hosting.start({ port: 0 });
    try {
      expect(session.localOrigin).toBe(`http://127.0.0.1:${session.port}`);
      const link = parseJoinLink(session.joinUrl);
      expect(link.ok && link.value).toMatchObject({ origin: session.localOrigin, roomId: session.roomId, role: 'interviewer' });
      const spectator = parseJoinLink(session.links.spectator);
      expect(spectator.ok && spectator.value.role).toBe('spectator');
      expect(session.code).toBe(session.codes.interviewer);
      const health = await fetch(`${session.localOrigin}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await hosting.stop();
    }
    await expect(fetch(`${session.localOrigin}/healthz`)).rejects.toThrow();
  });

  it('revokes the links when hosting stops, unless the user keeps them', async () => {
    const dataDir = tempDir();
    const status = async (link: string, origin: string) => {
      const parsed = parseJoinLink(link);
      if (!parsed.ok) throw new Error(parsed.error);
      const { upgradeStatus } = await import('../integration/helpers');
      return upgradeStatus(`${origin.replace('http', 'ws')}/sync/${parsed.value.roomId}?token=${parsed.value.token}`);
    };
    for (const keepLinks of [false, true]) {
      const hosting = hostingFromSync(syncHost, { dataDir, rendererRoot: tempDir() });
      const first = await hosting.start({ port: 0, keepLinks });
      await hosting.stop();
      // Hosting again (same data dir, same secret) serves the old room's links only if they were kept.
      const second = await hosting.start({ port: 0 });
      try {
        expect(await status(first.links.interviewer, second.localOrigin), `keepLinks ${keepLinks}`).toBe(keepLinks ? 101 : 403);
        expect(await status(second.links.interviewer, second.localOrigin)).toBe(101);
      } finally {
        await hosting.stop();
      }
    }
  });

  it('stops the running session before starting another', async () => {
    const hosting = hostingFromSync(syncHost, { dataDir: tempDir(), rendererRoot: tempDir() });
    const first = await hosting.start({ port: 0 });
    const second = await hosting.start({ port: 0 });
    try {
      await expect(fetch(`${first.localOrigin}/healthz`)).rejects.toThrow();
      expect((await fetch(`${second.localOrigin}/healthz`)).status).toBe(200);
      expect(second.roomId).not.toBe(first.roomId);
    } finally {
      await hosting.stop();
    }
  });
});

describe('the user rubric folder', () => {
  it('lists the user’s rubrics, and a broken one with its error, without the built-ins', async () => {
    const user = tempDir();
    writeFileSync(join(user, 'broken.yaml'), 'id: Not Kebab\n');
    const builtin = resolve(import.meta.dirname, '../../rubrics');
    const listed = await listUserRubrics({ builtin, user });
    expect(listed).toEqual([{ file: join(user, 'broken.yaml'), error: expect.stringContaining('broken.yaml') }]);
    expect(await listUserRubrics({ builtin, user: join(user, 'missing') })).toEqual([]);
  });
});

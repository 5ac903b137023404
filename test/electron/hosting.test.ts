import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hostingFromSync, listUserRubrics, unavailableHosting } from '../../electron/main/services';
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

  it('stops the running session before starting another', async () => {
    const stop = vi.fn(async () => undefined);
    const fake = {
      hostSession: vi.fn(async () => ({
        port: 1234,
        roomId: 'room',
        localOrigin: 'http://127.0.0.1:1234',
        shortCode: 'ABCD',
        joinLink: (role: string) => `http://127.0.0.1:1234/#/join/room?token=${role}`,
        shortCodeFor: (role: string) => role.toUpperCase(),
        stop,
      })),
    };
    const hosting = hostingFromSync(fake, { dataDir: '/data', rendererRoot: '/renderer' });
    await hosting.start({ lan: true, port: 1234 });
    expect(fake.hostSession).toHaveBeenCalledWith({ lan: true, port: 1234, dataDir: '/data', staticDir: '/renderer' });
    await hosting.start({});
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('says so when hosting is not part of the build', async () => {
    await expect(unavailableHosting.start({})).rejects.toThrow('Hosting a session is not available in this build of Archdrill.');
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

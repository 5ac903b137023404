import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSecret, signToken } from '../../electron/sync/auth';
import { startSyncServer } from '../../electron/sync/server';
import { connect, freePort, onCleanup, SPAWNING, spawnBin, synced, waitFor } from './helpers';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('archdrill serve under a supervisor', SPAWNING, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    it(`${signal} closes every connection, flushes every room and exits 0`, async () => {
      const dataDir = mkdtempSync(joinPath(tmpdir(), 'archdrill-signal-'));
      onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
      const port = await freePort();
      const bin = spawnBin(['--port', String(port), '--data', dataDir]);
      await waitFor('the server listens', () => bin.output().includes('sync server on'), 15_000);

      const secret = loadOrCreateSecret(joinPath(dataDir, 'secret'));
      const url = `http://127.0.0.1:${port}`;
      const alice = connect(url, ROOM, signToken(secret, ROOM, 'candidate'));
      const watcher = connect(url, ROOM, signToken(secret, ROOM, 'spectator'));
      await Promise.all([synced(alice), synced(watcher)]);
      alice.doc.getMap('notes').set('scope', 'written before the signal');
      // Once the server has relayed it, the signal comes: what was not written yet must be flushed on the way out.
      await waitFor('the server has the edit', () => watcher.doc.getMap('notes').get('scope') !== undefined);
      bin.child.kill(signal);
      expect(await bin.exited).toBe(0);
      expect(bin.output()).toContain('every room flushed');
      alice.provider.destroy();
      watcher.provider.destroy();

      const again = await startSyncServer({ dataDir, secret });
      onCleanup(() => again.close());
      const bob = connect(again.url, ROOM, again.tokenFor(ROOM, 'interviewer'));
      await synced(bob);
      expect(bob.doc.getMap('notes').get('scope')).toBe('written before the signal');
    });
});

import { connect as tcpConnect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hostSession, lanAddress } from '../../electron/sync/hostSession';
import { parseJoinLink, resolvedCodeSchema } from '../../shared/collab';
import { connect, onCleanup, synced, upgradeStatus } from './helpers';

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/*
 * On Linux all of 127.0.0.0/8 is this machine, but a socket bound to
 * 127.0.0.1 accepts only that address: 127.0.0.2 tells "loopback only" from
 * "every interface" even on a machine with no network. Other systems have no
 * 127.0.0.2, so those checks are skipped there (and say so).
 */
const LINUX = process.platform === 'linux';
const LAN_IP = lanAddress();

describe('hosting from the desktop app', () => {
  it('on loopback: a join link and short code that reach the room, and stop() closes it', async () => {
    const session = await hostSession({ lan: false });
    onCleanup(() => session.stop());
    const link = parseJoinLink(session.joinLink('candidate'));
    expect(link).toMatchObject({ ok: true, value: { origin: `http://127.0.0.1:${session.port}`, role: 'candidate' } });
    expect(session.shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const res = await fetch(`${session.localOrigin}/join-codes`, {
      method: 'POST',
      body: JSON.stringify({ code: session.shortCode.toLowerCase() }),
    });
    const code = resolvedCodeSchema.parse(await res.json());
    expect(code).toMatchObject({ roomId: session.roomId, role: 'interviewer' });

    const partner = connect(session.localOrigin, code.roomId, code.token);
    await synced(partner);
    partner.provider.destroy();
    await session.stop();
    await expect(fetch(`${session.localOrigin}/healthz`)).rejects.toThrow();
  });

  it.skipIf(!LINUX)('on loopback: nothing but 127.0.0.1 is listened on (skipped off Linux: no 127.0.0.2)', async () => {
    const session = await hostSession({ lan: false });
    onCleanup(() => session.stop());
    expect(await accepts('127.0.0.1', session.port)).toBe(true);
    expect(await accepts('127.0.0.2', session.port)).toBe(false);
    if (LAN_IP) expect(await accepts(LAN_IP, session.port)).toBe(false);
  });

  it.skipIf(!LINUX)('on the LAN: listens on every interface (skipped off Linux: no 127.0.0.2)', async () => {
    const session = await hostSession({ lan: true });
    onCleanup(() => session.stop());
    expect(await accepts('127.0.0.2', session.port)).toBe(true);
  });

  it.skipIf(!LAN_IP)(
    'on the LAN: links to the LAN address, which reaches the room (SKIPPED: this machine has no LAN address)',
    async () => {
      const session = await hostSession({ lan: true });
      onCleanup(() => session.stop());
      const link = parseJoinLink(session.joinLink('spectator'));
      expect(link.ok && link.value.origin).toBe(`http://${LAN_IP}:${session.port}`);
      expect(
        await upgradeStatus(`ws://${LAN_IP}:${session.port}/sync/${session.roomId}?token=${session.tokenFor('spectator')}`),
      ).toBe(101);
    },
  );
});

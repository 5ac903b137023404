import { describe, expect, it } from 'vitest';
import { hostSession, lanAddress } from '../../electron/sync/hostSession';
import { decodeShortCode, parseJoinLink } from '../../shared/collab';
import { connect, onCleanup, synced, upgradeStatus } from './helpers';

describe('hosting from the desktop app', () => {
  it('on loopback: a join link and short code that reach the room, and stop() closes it', async () => {
    const session = await hostSession({ lan: false });
    onCleanup(() => session.stop());
    const link = parseJoinLink(session.joinLink('candidate'));
    expect(link).toMatchObject({ ok: true, value: { origin: `http://127.0.0.1:${session.port}`, role: 'candidate' } });
    const code = decodeShortCode(session.shortCode);
    expect(code).toMatchObject({ ok: true, value: { roomId: session.roomId, role: 'interviewer' } });
    if (!code.ok) return;

    const partner = connect(code.value.origin, code.value.roomId, code.value.token);
    await synced(partner);
    partner.provider.destroy();
    await session.stop();
    await expect(fetch(`${session.localOrigin}/healthz`)).rejects.toThrow();
  });

  it('on the LAN: listens on every interface and links to the LAN address', async () => {
    const session = await hostSession({ lan: true });
    onCleanup(() => session.stop());
    const link = parseJoinLink(session.joinLink('spectator'));
    const ip = lanAddress() ?? '127.0.0.1';
    expect(link.ok && link.value.origin).toBe(`http://${ip}:${session.port}`);
    expect(await upgradeStatus(`ws://${ip}:${session.port}/sync/${session.roomId}?token=${session.tokenFor('spectator')}`)).toBe(
      101,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { buildJoinLink, newRoomId, parseJoinLink, syncUrlFor } from '../../../shared/collab';

const roomId = 'Zm9vYmFyYmF6cXV4MTIzNA';
const token = 's.AbCdEfGhIjKlMnOpQrStUg';

describe('join links', () => {
  it('round-trip and carry the role of the token', () => {
    const link = buildJoinLink({ origin: 'http://192.168.1.20:4455', roomId, token });
    expect(link).toBe(`http://192.168.1.20:4455/#/join/${roomId}?token=${token}`);
    expect(parseJoinLink(link)).toEqual({
      ok: true,
      value: { origin: 'http://192.168.1.20:4455', roomId, token, role: 'spectator' },
    });
  });

  it('accept a link pasted with spaces, a trailing slash and extra params', () => {
    const r = parseJoinLink(`  https://drill.example.org/#/join/${roomId}?role=x&token=${token}  `);
    expect(r.ok && r.value.origin).toBe('https://drill.example.org');
  });

  it.each([
    ['not a link at all', 'not a join link'],
    [`ftp://h/#/join/${roomId}?token=${token}`, 'not a server address'],
    [`http://h:99999/#/join/${roomId}?token=${token}`, 'port out of range'],
    [`http://h/#/join/short?token=${token}`, 'room id'],
    [`http://h/#/join/${roomId}?foo=1`, 'no token'],
    [`http://h/#/join/${roomId}?token=x.nope`, 'token in the link is malformed'],
  ])('reject %s with a clear reason', (link, reason) => {
    const r = parseJoinLink(link);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(reason);
  });

  it('derive the WebSocket URL from the origin', () => {
    expect(syncUrlFor('http://h:1')).toBe('ws://h:1/sync');
    expect(syncUrlFor('https://h')).toBe('wss://h/sync');
  });

  it('mint room ids of 128 random bits in the accepted format', () => {
    const ids = new Set(Array.from({ length: 200 }, newRoomId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

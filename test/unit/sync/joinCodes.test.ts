import { describe, expect, it } from 'vitest';
import {
  CODE_TRIES_BURST,
  CodeTries,
  EXPIRED_CODE,
  JoinCodes,
  REVOKED_CODE,
  triesKey,
  UNKNOWN_CODE,
} from '../../../electron/sync/joinCodes';
import { joinCodeSchema } from '../../../shared/collab';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER = 'BBBBBBBBBBBBBBBBBBBBBA';
const link = (roomId = ROOM) => ({ roomId, role: 'interviewer' as const, token: 'i.AAAAAAAAAAAAAAAAAAAAAA' });

describe('the join-code registry', () => {
  it('hands out distinct 8-character codes in the unambiguous alphabet, each naming its link', () => {
    const codes = new JoinCodes();
    const issued = Array.from({ length: 2000 }, () => codes.issue(link()));
    expect(new Set(issued).size).toBe(issued.length);
    for (const code of issued) expect(joinCodeSchema.parse(code)).toBe(code);
    expect(codes.resolve(issued[0]!)).toEqual({ ok: true, value: link() });
  });

  it('a code expires with its link, and says so', () => {
    let now = 1_000_000;
    const codes = new JoinCodes(() => now);
    const code = codes.issue(link(), now + 60_000);
    expect(codes.resolve(code).ok).toBe(true);
    now += 60_000;
    expect(codes.resolve(code)).toEqual({ ok: false, status: 410, error: EXPIRED_CODE });
  });

  it('revoking a room kills its codes and no other room’s', () => {
    const codes = new JoinCodes();
    const mine = codes.issue(link());
    const theirs = codes.issue(link(OTHER));
    codes.revokeRoom(ROOM);
    expect(codes.resolve(mine)).toEqual({ ok: false, status: 410, error: REVOKED_CODE });
    expect(codes.resolve(theirs).ok).toBe(true);
    // Fresh codes after the revoke (with the fresh tokens) work again.
    expect(codes.resolve(codes.issue(link())).ok).toBe(true);
  });

  it('an unknown code is refused with what to check', () => {
    expect(new JoinCodes().resolve('K7Q4MZ2P')).toEqual({ ok: false, status: 404, error: UNKNOWN_CODE });
  });

  it('a dead code is forgotten after an hour, so the registry does not grow forever', () => {
    let now = 0;
    const codes = new JoinCodes(() => now);
    const code = codes.issue(link(), 1000);
    now = 1000 + 60 * 60_000 + 1;
    codes.issue(link(OTHER));
    expect(codes.size).toBe(1);
    expect(codes.resolve(code).ok).toBe(false);
  });
});

describe('tries per client address', () => {
  it('allows a burst, then one try every six seconds', () => {
    let now = 0;
    const tries = new CodeTries(() => now);
    for (let i = 0; i < CODE_TRIES_BURST; i++) expect(tries.take('10.0.0.1')).toBe(true);
    expect(tries.take('10.0.0.1')).toBe(false);
    expect(tries.take('10.0.0.2')).toBe(true);
    now += 5_000;
    expect(tries.take('10.0.0.1')).toBe(false);
    now += 1_000;
    expect(tries.take('10.0.0.1')).toBe(true);
    expect(tries.take('10.0.0.1')).toBe(false);
    expect(tries.retryAfterSeconds).toBe(6);
  });

  it('counts an IPv6 network (/64) as one address, and IPv4-mapped addresses as IPv4', () => {
    expect(triesKey('2001:db8:1:2:aaaa::1')).toBe(triesKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(triesKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(triesKey('2001:db8:1:3::1')).not.toBe(triesKey('2001:db8:1:2::1'));
    expect(triesKey('::1')).toBe('0:0:0:0::/64');
    expect(triesKey('::ffff:192.168.1.9')).toBe('192.168.1.9');
    expect(triesKey('192.168.1.9')).toBe('192.168.1.9');
  });
});

import { describe, expect, it } from 'vitest';
import { formatInvite, joinCodeSchema, parseCodeInput, parseServerAddress } from '../../../shared/collab';

describe('join codes as people type them', () => {
  it('reads a code whatever the case, dashes or spaces, with O for 0 and I or L for 1', () => {
    for (const typed of ['K7Q4-MZ2P', 'k7q4mz2p', ' k7q4 - mz2p ', 'K7Q4MZ2P'])
      expect(joinCodeSchema.parse(typed), typed).toBe('K7Q4MZ2P');
    expect(joinCodeSchema.parse('OI1L-0000')).toBe('01110000');
  });

  it('refuses what cannot be a code, saying what one looks like', () => {
    for (const bad of ['', 'K7Q4-MZ2', 'K7Q4-MZ2PX', 'K7Q4-MZ2U', 'K7Q4-MZ2!', 'x'.repeat(100)]) {
      const parsed = joinCodeSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/8 letters and digits, like K7Q4-MZ2P/);
    }
  });

  it('shows the address a host reads out with the code: no http://, https kept', () => {
    expect(formatInvite('http://192.168.1.20:4455', 'K7Q4MZ2P')).toBe('192.168.1.20:4455 · K7Q4-MZ2P');
    expect(formatInvite('https://drill.example.org', 'K7Q4MZ2P')).toBe('https://drill.example.org · K7Q4-MZ2P');
    // The desktop host hands the renderer codes already formatted: formatting again must not double the dash.
    expect(formatInvite('http://192.168.1.20:4455', 'K7Q4-MZ2P')).toBe('192.168.1.20:4455 · K7Q4-MZ2P');
  });

  it('reads back what the host shows, and a bare code', () => {
    expect(parseCodeInput('192.168.1.20:4455 · K7Q4-MZ2P')).toEqual({
      ok: true,
      value: { origin: 'http://192.168.1.20:4455', code: 'K7Q4MZ2P' },
    });
    expect(parseCodeInput('https://drill.example.org k7q4 mz2p')).toEqual({
      ok: true,
      value: { origin: 'https://drill.example.org', code: 'K7Q4MZ2P' },
    });
    expect(parseCodeInput('k7q4-mz2p')).toEqual({ ok: true, value: { origin: null, code: 'K7Q4MZ2P' } });
    expect(parseCodeInput('K7Q4 MZ2P')).toEqual({ ok: true, value: { origin: null, code: 'K7Q4MZ2P' } });
  });

  it('says what is wrong with a bad address or code', () => {
    expect(parseCodeInput('')).toMatchObject({ ok: false, error: /type the code/ });
    expect(parseCodeInput('192.168.1.20:4455 · K7Q4')).toMatchObject({ ok: false, error: /8 letters/ });
    expect(parseCodeInput('bad_host!:99 K7Q4-MZ2P')).toMatchObject({ ok: false, error: /not a server address/ });
    expect(parseCodeInput('a b K7Q4-MZ2P')).toMatchObject({ ok: false, error: /the server address and the code/ });
    expect(parseServerAddress('192.168.1.20:99999')).toMatchObject({ ok: false });
    expect(parseServerAddress('192.168.1.20:4455/')).toEqual({ ok: true, value: 'http://192.168.1.20:4455' });
  });
});

import { describe, expect, it } from 'vitest';
import { decodeBase64url, decodeShortCode, encodeBase64url, encodeShortCode, type JoinTarget } from '../../../shared/collab';

const target: JoinTarget = {
  origin: 'http://192.168.1.20:4455',
  roomId: 'Zm9vYmFyYmF6cXV4MTIzNA',
  token: 'i.AbCdEfGhIjKlMnOpQrStUg',
  role: 'interviewer',
};

describe('short codes', () => {
  it('round-trip an IPv4 host and a named https host', () => {
    expect(decodeShortCode(encodeShortCode(target))).toEqual({ ok: true, value: target });
    const named = {
      ...target,
      origin: 'https://drill.example.org',
      token: 'c.AbCdEfGhIjKlMnOpQrStUg',
      role: 'candidate' as const,
    };
    expect(decodeShortCode(encodeShortCode(named))).toEqual({ ok: true, value: named });
  });

  it('forgive case, dashes, spaces and the look-alikes O/0 and I/L/1', () => {
    const code = encodeShortCode(target);
    const sloppy = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(decodeShortCode(sloppy)).toEqual({ ok: true, value: target });
  });

  it('catch every single-character typo with the checksum', () => {
    const code = encodeShortCode(target).replace(/-/g, '');
    for (let i = 0; i < code.length; i++) {
      const typo = code.slice(0, i) + (code[i] === 'X' ? 'Y' : 'X') + code.slice(i + 1);
      expect(decodeShortCode(typo).ok, `typo at ${i}`).toBe(false);
    }
  });

  it('explain malformed input', () => {
    expect(decodeShortCode('hello!')).toEqual({ ok: false, error: 'a short code has only letters, digits and dashes' });
    expect(decodeShortCode(encodeShortCode(target).slice(0, -6))).toMatchObject({ ok: false });
  });

  it('encode base64url like RFC 4648 §5', () => {
    const bytes = Uint8Array.from([251, 255, 0, 1, 2]);
    expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
    expect(decodeBase64url('a+b')).toBeNull();
  });
});

import { encodeBoard } from '@shared/board/codec';
import { describe, expect, it } from 'vitest';
import { decodeOpened } from '../../../renderer/src/files/decodeOpened';
import { board, chain, node } from '../../fixtures/boards/builders';

const bytes = (text: string) => new TextEncoder().encode(text);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const sample = board([node('c', 'client'), node('s', 'service', { label: 'API' })], chain('c', 's'), { scope: '1k QPS' }, 'feed');

describe('decodeOpened', () => {
  it('opens a board file', async () => {
    expect(await decodeOpened({ name: 'design.archdrill.json', bytes: bytes(encodeBoard(sample)) })).toEqual({
      ok: true,
      board: sample,
    });
  });

  it('says a binary file is not text, naming the file', async () => {
    const png = new Uint8Array([...PNG_SIGNATURE, 0, 0, 0, 13, 0xff, 0xfe, 0x00, 0x81]);
    const result = await decodeOpened({ name: 'holiday.archdrill.json', bytes: png });
    expect(result).toEqual({ ok: false, error: 'holiday.archdrill.json is not a board file: it is not text (binary data)' });
  });

  it('prefixes the codec’s reason with the file name', async () => {
    const result = await decodeOpened({ name: 'notes.json', bytes: bytes('{"hello": "world"}') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^notes\.json: not an Archdrill board/);
  });

  it('reports a truncated file by name', async () => {
    const text = encodeBoard(sample);
    const result = await decodeOpened({ name: 'cut.archdrill.json', bytes: bytes(text.slice(0, text.length / 2)) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^cut\.archdrill\.json: .*truncated/);
  });

  it.each([
    ['photo.PNG', new Uint8Array([...PNG_SIGNATURE, 1, 2, 3])],
    ['drawing.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>')],
  ])('says an image without a board inside is one (%s), without throwing', async (name, data) => {
    const result = await decodeOpened({ name, bytes: data });
    expect(result).toEqual({ ok: false, error: `${name} is an image without an Archdrill board inside` });
  });
});

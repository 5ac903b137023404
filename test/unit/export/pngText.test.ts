import { itxtChunk, pngTextOf, readPngChunks, withPngText, writePngChunks } from '@shared/board/image/pngText';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

/** A real 3×2 PNG written by pngjs, so decoders other than ours can check our output. */
const tinyPng = (): Uint8Array => {
  const png = new PNG({ width: 3, height: 2 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
};

const BOARD = '{"format":"archdrill.board","nodes":[{"label":"Cache → “Redis” 🚀 <&>"}]}';

describe('PNG text chunks', () => {
  it('embeds UTF-8 text that reads back exactly, in a PNG other decoders still accept', () => {
    const out = withPngText(tinyPng(), { 'archdrill.board': BOARD, 'archdrill.score': '{"percent":80}' });
    expect(pngTextOf(out, 'archdrill.board')).toBe(BOARD);
    expect(pngTextOf(out, 'archdrill.score')).toBe('{"percent":80}');
    // pngjs verifies every chunk's CRC and fails on a bad one.
    const decoded = PNG.sync.read(Buffer.from(out));
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
  });

  it('keeps IEND last and replaces an earlier chunk of the same keyword instead of stacking', () => {
    const once = withPngText(tinyPng(), { 'archdrill.board': 'old' });
    const twice = withPngText(once, { 'archdrill.board': BOARD });
    const types = readPngChunks(twice)!.map((c) => c.type);
    expect(types.filter((t) => t === 'iTXt')).toHaveLength(1);
    expect(types.at(-1)).toBe('IEND');
    expect(pngTextOf(twice, 'archdrill.board')).toBe(BOARD);
  });

  it('reads Latin-1 tEXt chunks written by other tools', () => {
    const chunks = readPngChunks(tinyPng())!;
    const tEXt = { type: 'tEXt', data: new Uint8Array([...Buffer.from('Comment\0caf\xe9', 'latin1')]) };
    const png = writePngChunks([...chunks.slice(0, -1), tEXt, ...chunks.slice(-1)]);
    expect(pngTextOf(png, 'Comment')).toBe('café');
  });

  it('answers null for a missing keyword, a non-PNG and a truncated PNG', () => {
    expect(pngTextOf(tinyPng(), 'archdrill.board')).toBeNull();
    expect(pngTextOf(new TextEncoder().encode('<svg/>'), 'archdrill.board')).toBeNull();
    const cut = withPngText(tinyPng(), { 'archdrill.board': BOARD }).slice(0, 60);
    expect(pngTextOf(cut, 'archdrill.board')).toBeNull();
    expect(() => withPngText(new Uint8Array([1, 2, 3]), { k: 'v' })).toThrow(/not a PNG/);
  });

  it('writes an uncompressed iTXt layout: keyword, NUL, flag 0, method 0, two empty fields', () => {
    const { type, data } = itxtChunk('k', 'é');
    expect(type).toBe('iTXt');
    expect([...data]).toEqual([0x6b, 0, 0, 0, 0, 0, 0xc3, 0xa9]);
  });
});

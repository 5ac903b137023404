import { svgMetadataOf, withSvgMetadata } from '@shared/board/image/svgMetadata';
import { describe, expect, it } from 'vitest';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

describe('SVG metadata', () => {
  it('round-trips text with markup characters, quotes and non-ASCII, as the first child of the root', () => {
    const text = '{"label":"</archdrill:board> <b>&amp; ]]> “x” 🚀"}';
    const out = withSvgMetadata(SVG, { board: text, score: '{"percent":55}' });
    expect(out).toMatch(/^<svg[^>]*><metadata /);
    expect(out).not.toContain('<b>');
    expect(svgMetadataOf(out, 'board')).toBe(text);
    expect(svgMetadataOf(out, 'score')).toBe('{"percent":55}');
  });

  it('reads numeric character references an editor may have written', () => {
    const out = '<svg><metadata><archdrill:board>&#123;&#x22;a&#x22;:1}</archdrill:board></metadata></svg>';
    expect(svgMetadataOf(out, 'board')).toBe('{"a":1}');
  });

  it('answers null when there is no such entry and refuses a non-SVG', () => {
    expect(svgMetadataOf(SVG, 'board')).toBeNull();
    expect(svgMetadataOf(withSvgMetadata(SVG, { score: '1' }), 'board')).toBeNull();
    expect(() => withSvgMetadata('<html></html>', { board: 'x' })).toThrow(/not an SVG/);
    expect(() => withSvgMetadata(SVG, { 'Bad Name': 'x' })).toThrow(/invalid metadata name/);
  });
});

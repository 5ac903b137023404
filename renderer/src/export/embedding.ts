import { pngTextOf, withPngText } from './pngText';
import { svgMetadataOf, withSvgMetadata } from './svgMetadata';

/**
 * What an exported image carries besides pixels: the board file text (so
 * opening the image reopens the editable board) and, when there is one, a
 * one-line scorecard summary (JSON) for whoever reads the file later.
 */
export interface Embedded {
  /** encodeBoard(board): the public board file format. */
  readonly board: string;
  readonly score?: string;
}

/** PNG text-chunk keywords. */
export const PNG_KEYWORDS = { board: 'archdrill.board', score: 'archdrill.score' } as const;

const entries = (e: Embedded, keys: { board: string; score: string }) => ({
  [keys.board]: e.board,
  ...(e.score !== undefined && { [keys.score]: e.score }),
});

export const embedInPng = (png: Uint8Array, e: Embedded): Uint8Array => withPngText(png, entries(e, PNG_KEYWORDS));

export const embedInSvg = (svg: string, e: Embedded): string =>
  withSvgMetadata(svg, entries(e, { board: 'board', score: 'score' }));

export const boardTextInPng = (png: Uint8Array): string | null => pngTextOf(png, PNG_KEYWORDS.board);

export const boardTextInSvg = (svg: string): string | null => svgMetadataOf(svg, 'board');

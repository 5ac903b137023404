import { z } from 'zod';
import { itxtChunk, type PngChunk, pngTextOf, withPngText } from './pngText';
import { svgMetadataOf, withSvgMetadata } from './svgMetadata';

/**
 * The board inside an exported picture: a public format, like the board file
 * it carries. Version 1:
 *
 * - PNG: uncompressed iTXt chunks before IEND, keyword `archdrill.board`
 *   holding the board file text (encodeBoard) and, optionally,
 *   `archdrill.score` holding a score summary (JSON, schema below), plus
 *   `archdrill.embed` holding the embedding version ("1").
 * - SVG: the root's first child is `<metadata xmlns:archdrill="https://archdrill.app/ns/export/1">`
 *   with `<archdrill:board>` and optionally `<archdrill:score>`, text XML-escaped.
 *   The version is the namespace's last segment.
 *
 * Readers ignore keys they do not know; a newer version would use a new
 * namespace and keyword value, so old readers never misread it.
 */
export const EMBED_VERSION = 1;

/** PNG text-chunk keywords. */
export const PNG_KEYWORDS = { board: 'archdrill.board', score: 'archdrill.score', version: 'archdrill.embed' } as const;

/** The one-line scorecard summary stored beside the board, for whoever reads the file later. */
export const scoreSummarySchema = z.object({
  rubric: z.string(),
  percent: z.number(),
  band: z.string(),
  earned: z.number(),
  possible: z.number(),
  steps: z.record(z.string(), z.number()),
  missed: z.array(z.string()),
});
export type ScoreSummary = z.infer<typeof scoreSummarySchema>;

/** What an exported image carries besides pixels. */
export interface Embedded {
  /** encodeBoard(board): the public board file format. */
  readonly board: string;
  readonly score?: ScoreSummary;
}

/** Keyword → text of the chunks a PNG carries. */
const pngEntries = (e: Embedded): Record<string, string> => ({
  [PNG_KEYWORDS.version]: String(EMBED_VERSION),
  [PNG_KEYWORDS.board]: e.board,
  ...(e.score && { [PNG_KEYWORDS.score]: JSON.stringify(e.score) }),
});

/** A copy of `png` carrying `e` (chunks it already had under these keywords are replaced). */
export const embedInPng = (png: Uint8Array, e: Embedded): Uint8Array => withPngText(png, pngEntries(e));

/** The iTXt chunks that carry `e`, for an encoder writing the PNG itself (they go before IEND). */
export const embedPngChunks = (e: Embedded): PngChunk[] => Object.entries(pngEntries(e)).map(([k, v]) => itxtChunk(k, v));

export const embedInSvg = (svg: string, e: Embedded): string =>
  withSvgMetadata(svg, { board: e.board, ...(e.score && { score: JSON.stringify(e.score) }) });

const isPngBytes = (bytes: Uint8Array) => bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/** Which kind of picture `bytes` is, by content (not by name): PNG signature or an `<svg` root. */
export const imageTypeOf = (bytes: Uint8Array): 'png' | 'svg' | null => {
  if (isPngBytes(bytes)) return 'png';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048));
  return /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg\b/i.test(head) ? 'svg' : null;
};

/**
 * The board file text inside an exported PNG or SVG, or null when there is
 * none (or the bytes are not such a picture). Never throws.
 */
export const boardTextFromImage = (bytes: Uint8Array): string | null => {
  const type = imageTypeOf(bytes);
  if (type === 'png') return pngTextOf(bytes, PNG_KEYWORDS.board);
  if (type !== 'svg') return null;
  try {
    return svgMetadataOf(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'board');
  } catch {
    return null;
  }
};

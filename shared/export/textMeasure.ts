import { BOLD_WIDTHS, MEASURED_CODE_POINTS, REGULAR_WIDTHS } from './fontMetrics.generated';

/**
 * The font of everything drawn on the board, in the canvas and in exports.
 * Arial, Liberation Sans and Helvetica share one set of advance widths, so a
 * label measured here is as wide on Windows, macOS and Linux (and in librsvg
 * and resvg), and wraps at the same word everywhere.
 */
export const DIAGRAM_FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

/** Fraction of the font size above the baseline and below it (Arial's ascent and descent). */
const ASCENT = 0.905;
const DESCENT = 0.212;

export interface FontSpec {
  readonly size: number;
  readonly bold?: boolean;
}

const index = new Map<number, number>(MEASURED_CODE_POINTS.map((cp, i) => [cp, i]));

/** East Asian wide characters and emoji take a full em; anything else unmeasured takes a digit's width. */
const isWide = (cp: number) =>
  (cp >= 0x1100 && cp <= 0x115f) ||
  (cp >= 0x2e80 && cp <= 0xa4cf) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0x1f300 && cp <= 0x1faff) ||
  (cp >= 0x20000 && cp <= 0x3fffd);

/** Widths in em/1000 of strings already measured, per face: wrapping measures the same words again and again. */
const measured = { regular: new Map<string, number>(), bold: new Map<string, number>() };
const CACHE_LIMIT = 20_000;

const unitsOf = (text: string, bold: boolean): number => {
  const cache = bold ? measured.bold : measured.regular;
  const known = cache.get(text);
  if (known !== undefined) return known;
  const widths = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 32;
    const i = index.get(cp);
    units += i !== undefined ? (widths[i] ?? 556) : isWide(cp) ? 1000 : 556;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, units);
  return units;
};

/** Width in px of `text` in the diagram font (no kerning: the canvas and exports turn it off). */
export const measureText = (text: string, font: FontSpec): number => (unitsOf(text, font.bold === true) * font.size) / 1000;

/**
 * The baseline of one line of text whose line box starts at `top`: CSS
 * centres the font's content area (ascent + descent) in the line box.
 */
export const baselineOf = (top: number, lineHeight: number, size: number): number =>
  top + lineHeight / 2 + ((ASCENT - DESCENT) / 2) * size;

export interface Wrapped {
  readonly lines: readonly string[];
  /** Some of the text did not fit in `maxLines`: the last line ends with "…" and the full text goes in a tooltip. */
  readonly truncated: boolean;
}

/** Cuts `text` to fit `width`, ending in "…". */
export const ellipsize = (text: string, width: number, font: FontSpec): string => {
  if (measureText(text, font) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && measureText(`${chars.join('').trimEnd()}…`, font) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
};

/** Splits a word wider than `width` into pieces that fit (a URL, an id). */
const breakWord = (word: string, width: number, font: FontSpec): string[] => {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measureText(piece + ch, font) > width) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
};

/**
 * Greedy word wrap to `width` px in at most `maxLines` lines; explicit line
 * breaks are kept. Deterministic and pure, so the canvas and every export
 * break at the same words.
 */
export const wrapText = (text: string, width: number, font: FontSpec, maxLines = Number.POSITIVE_INFINITY): Wrapped => {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureText(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      const pieces = measureText(word, font) <= width ? [word] : breakWord(word, width, font);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  kept[last] = ellipsize(`${kept[last]} ${lines[maxLines]}`, width, font);
  return { lines: kept, truncated: true };
};

/**
 * True when every character of `text` (markup included) is one the diagram
 * font has, i.e. one in the measured table; controls such as line breaks are
 * ignored. A renderer may then load that font alone, with no fallbacks.
 */
export const drawnWithDiagramFont = (text: string): boolean => {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 32;
    if (cp >= 32 && !index.has(cp)) return false;
  }
  return true;
};

/**
 * Boards embedded in exported images (filled in by the export feature):
 * a PNG tEXt chunk or SVG metadata. Returns null when there is none.
 */
export const boardTextFromImage = (_bytes: Uint8Array, _type: 'png' | 'svg'): string | null => null;

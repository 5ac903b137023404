import { boardTextInPng, boardTextInSvg } from '../export/embedding';

/**
 * Boards embedded in exported images: a PNG iTXt/tEXt chunk `archdrill.board`
 * or an SVG <metadata><archdrill:board>. Returns null when there is none.
 */
export const boardTextFromImage = (bytes: Uint8Array, type: 'png' | 'svg'): string | null => {
  if (type === 'png') return boardTextInPng(bytes);
  let svg: string;
  try {
    svg = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return boardTextInSvg(svg);
};

import { type DecodeResult, decodeBoard } from '@shared/board/codec';
import type { OpenedFile } from '../platform/types';

/** Extensions the Open dialog offers. */
export const OPEN_EXTENSIONS = ['.archdrill.json', '.archdrill', '.json', '.png', '.svg'] as const;

/**
 * Turns an opened file into a board: a board file, or an exported PNG/SVG
 * that carries its board inside. Never throws.
 */
export const decodeOpened = async (file: OpenedFile): Promise<DecodeResult> => {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.png') || lower.endsWith('.svg')) {
    const { boardTextFromImage } = await import('@shared/board/image/embedded');
    const text = boardTextFromImage(file.bytes);
    if (text === null) return { ok: false, error: `${file.name} is an image without an Archdrill board inside` };
    return decodeBoard(text);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return { ok: false, error: `${file.name} is not a board file: it is not text (binary data)` };
  }
  const result = decodeBoard(text);
  return result.ok ? result : { ok: false, error: `${file.name}: ${result.error}` };
};

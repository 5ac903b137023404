import { basename } from 'node:path';
import { decodeBoard } from '../../shared/board/codec';
import { boardTextFromImage, imageTypeOf } from '../../shared/board/image/embedded';
import type { Board } from '../../shared/board/types';
import { readFileCapped } from '../fs/readFileCapped';
import { CliError } from './args';

/**
 * Reads a board from a board file or from an exported PNG or SVG that carries
 * one (told apart by content, not by name). Bad input is a CliError naming the file.
 */
export const readBoardFile = async (path: string): Promise<Board> => {
  let bytes: Uint8Array;
  try {
    bytes = await readFileCapped(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR' || /not a file/.test(String(err))) throw new CliError(`${path}: is a folder, not a board file`);
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  const name = basename(path);
  const type = imageTypeOf(bytes);
  let text: string;
  if (type) {
    const embedded = boardTextFromImage(bytes);
    if (embedded === null) throw new CliError(`${name}: a ${type.toUpperCase()} image without an Archdrill board inside`);
    text = embedded;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CliError(`${name}: not a board file (binary data, and not a PNG or SVG export)`);
    }
  }
  const decoded = decodeBoard(text);
  if (!decoded.ok) throw new CliError(`${name}: ${decoded.error}`);
  return decoded.board;
};

import * as nodeFs from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/ipc/contract';
import { FileIoError, fileIoError } from './fileErrors';

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/**
 * Reads a file the user asked to open, refusing anything over the cap with a
 * clear sentence. Main only reads bytes; the renderer decodes and validates
 * them with the shared codec.
 */
export async function readFileCapped(path: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  const name = basename(path);
  try {
    const info = await nodeFs.stat(path);
    if (!info.isFile()) throw new FileIoError(`Could not open ${name}: it is not a file.`);
    if (info.size > maxBytes)
      throw new FileIoError(
        `Could not open ${name}: it is ${megabytes(info.size)}, and Archdrill opens files up to ${megabytes(maxBytes)}.`,
      );
    return new Uint8Array(await nodeFs.readFile(path));
  } catch (err) {
    throw fileIoError('open', name, err);
  }
}

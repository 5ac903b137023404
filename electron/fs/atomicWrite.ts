import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileIoError } from './fileErrors';

/** The few file-system calls an atomic write needs; tests pass a copy with a failure injected. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'link' | 'copyFile' | 'unlink' | 'stat'>;

export interface AtomicWriteOptions {
  readonly fs?: AtomicFs;
  /** Keep the replaced version as `<name>.bak` (default true). */
  readonly backup?: boolean;
}

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

/** The unique sibling name a new version is written to before it replaces the file. */
export const tempPathFor = (target: string): string =>
  join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

export const backupPathFor = (target: string): string => `${target}.bak`;

/**
 * Replaces `target` with `data` so that, whatever fails and whenever the
 * machine dies, the file holds either the old or the new version in full:
 * write a temp file in the same folder (same file system, so the rename is
 * atomic), fsync it, keep the old version as `<name>.bak`, rename over the
 * target, then fsync the folder so the rename itself is durable.
 * Rejects with a FileIoError whose message says why, and leaves no temp file.
 */
export async function atomicWrite(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const tmp = tempPathFor(target);
  try {
    const previous = await fs.stat(target).catch((err: unknown) => {
      if (codeOf(err) === 'ENOENT') return null;
      throw err;
    });
    await writeDurably(fs, tmp, data, previous?.mode ?? 0o644);
    if (previous && options.backup !== false) await keepBackup(fs, target);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined);
    throw fileIoError('save', basename(target), err);
  }
  await syncFolder(fs, dirname(target));
}

async function writeDurably(fs: AtomicFs, path: string, data: string | Uint8Array, mode: number): Promise<void> {
  // 'wx': never follow or reuse an existing file at the temp name.
  const handle = await fs.open(path, 'wx', mode & 0o777);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Points `<name>.bak` at the current version. A hard link costs nothing and
 * survives the rename that follows (the rename swaps the name, not the
 * inode); file systems without links (FAT, some network shares) get a copy.
 * The link is made under a temp name and renamed, so `.bak` is never half-written.
 */
async function keepBackup(fs: AtomicFs, target: string): Promise<void> {
  const bak = backupPathFor(target);
  const bakTmp = tempPathFor(bak);
  try {
    await fs.link(target, bakTmp).catch(async (err: unknown) => {
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(codeOf(err) ?? '')) throw err;
      await fs.copyFile(target, bakTmp);
    });
    await fs.rename(bakTmp, bak);
  } catch (err) {
    await fs.unlink(bakTmp).catch(() => undefined);
    throw err;
  }
}

/** Makes the rename durable. Windows cannot open a folder for fsync; the rename is already flushed there. */
async function syncFolder(fs: AtomicFs, folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle
    .sync()
    .catch(() => undefined)
    .finally(() => handle.close());
}

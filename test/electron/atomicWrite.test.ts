import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AtomicFs, atomicWrite } from '../../electron/fs/atomicWrite';
import { readFileCapped } from '../../electron/fs/readFileCapped';
import { tempDir } from './setup/launchShell';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** Real fs, except that writing the temp file stores the first half of the data and then fails with `code`. */
const failingMidWrite = (code: string): AtomicFs => ({
  ...nodeFs,
  open: (async (path: string, flags: string, mode?: number) => {
    const handle = await nodeFs.open(path, flags, mode);
    return Object.assign(Object.create(handle) as typeof handle, {
      writeFile: async (data: string | Uint8Array) => {
        const half = typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2);
        await handle.writeFile(half);
        throw errno(code);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  }) as AtomicFs['open'],
});

const board = (version: number) =>
  `${JSON.stringify({ format: 'archdrill.board', version: 1, nodes: [], edges: [], note: `v${version}` })}\n`;

const setup = () => {
  const dir = tempDir();
  const target = join(dir, 'design.archdrill.json');
  return { dir, target };
};

describe('atomic save', () => {
  it('writes a new file, then replaces it and keeps the previous version as .bak', async () => {
    const { dir, target } = setup();
    await atomicWrite(target, board(1));
    expect(readFileSync(target, 'utf8')).toBe(board(1));
    expect(readdirSync(dir)).toEqual(['design.archdrill.json']);
    await atomicWrite(target, board(2));
    expect(readFileSync(target, 'utf8')).toBe(board(2));
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(board(1));
    await atomicWrite(target, new TextEncoder().encode(board(3)));
    expect(readFileSync(target, 'utf8')).toBe(board(3));
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(board(2));
    expect(readdirSync(dir).sort()).toEqual(['design.archdrill.json', 'design.archdrill.json.bak']);
  });

  it('leaves the old file and its backup intact, and no partial or temp file, when the disk fills mid-write', async () => {
    const { dir, target } = setup();
    await atomicWrite(target, board(1));
    await atomicWrite(target, board(2));
    await expect(atomicWrite(target, board(3).repeat(100), { fs: failingMidWrite('ENOSPC') })).rejects.toThrow(
      'Could not save design.archdrill.json: the disk is full.',
    );
    expect(readFileSync(target, 'utf8')).toBe(board(2));
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(board(1));
    expect(readdirSync(dir).sort()).toEqual(['design.archdrill.json', 'design.archdrill.json.bak']);
  });

  it('says why when permission is denied, and changes nothing', async () => {
    const { dir, target } = setup();
    writeFileSync(target, board(1));
    const denied: AtomicFs = { ...nodeFs, open: (async () => Promise.reject(errno('EACCES'))) as AtomicFs['open'] };
    await expect(atomicWrite(target, board(2), { fs: denied })).rejects.toThrow(
      'Could not save design.archdrill.json: permission denied (the file or its folder is read-only or belongs to another user).',
    );
    expect(readFileSync(target, 'utf8')).toBe(board(1));
    expect(readdirSync(dir)).toEqual(['design.archdrill.json']);
  });

  it('removes the temp file when the final rename fails', async () => {
    const { dir, target } = setup();
    writeFileSync(target, board(1));
    let renames = 0;
    const renameFails: AtomicFs = {
      ...nodeFs,
      // The first rename puts the backup in place; the second (temp → target) fails.
      rename: async (from, to) => (++renames === 2 ? Promise.reject(errno('EBUSY')) : nodeFs.rename(from, to)),
    };
    await expect(atomicWrite(target, board(2), { fs: renameFails })).rejects.toThrow(
      'Could not save design.archdrill.json: the file is in use by another program.',
    );
    expect(readFileSync(target, 'utf8')).toBe(board(1));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('falls back to copying the backup where hard links are not supported', async () => {
    const { target } = setup();
    writeFileSync(target, board(1));
    const noLinks: AtomicFs = { ...nodeFs, link: async () => Promise.reject(errno('EPERM')) };
    await atomicWrite(target, board(2), { fs: noLinks });
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(board(1));
    expect(readFileSync(target, 'utf8')).toBe(board(2));
  });

  it('flushes the new version to disk before it replaces the file, and the folder after', async () => {
    const { dir, target } = setup();
    writeFileSync(target, board(1));
    // Real fs that records, in order, each fsync (with the path it was opened at) and each rename.
    const log: string[] = [];
    const recording: AtomicFs = {
      ...nodeFs,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await nodeFs.open(path, flags, mode);
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: (data: string | Uint8Array) => handle.writeFile(data),
          sync: async () => {
            await handle.sync();
            log.push(`sync ${path === dir ? 'folder' : path.endsWith('.tmp') ? 'temp' : path}`);
          },
          close: () => handle.close(),
        });
      }) as AtomicFs['open'],
      rename: async (from, to) => {
        await nodeFs.rename(from, to);
        log.push(`rename ${String(from).endsWith('.tmp') && to === target ? 'temp → target' : 'backup'}`);
      },
    };
    await atomicWrite(target, board(2), { fs: recording });
    expect(readFileSync(target, 'utf8')).toBe(board(2));
    // Without the first sync a crash after the rename can leave an empty file; without the last the rename can be lost.
    expect(log.filter((l) => l !== 'rename backup')).toEqual(['sync temp', 'rename temp → target', 'sync folder']);
  });

  it('keeps the file’s permissions', async () => {
    const { target } = setup();
    writeFileSync(target, board(1), { mode: 0o600 });
    await nodeFs.chmod(target, 0o600);
    await atomicWrite(target, board(2));
    expect((await nodeFs.stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('reading a file to open', () => {
  it('refuses a file over the size cap with a clear sentence', async () => {
    const { target } = setup();
    writeFileSync(target, Buffer.alloc(3 * 1024 * 1024));
    await expect(readFileCapped(target, 2 * 1024 * 1024)).rejects.toThrow(
      'Could not open design.archdrill.json: it is 3 MB, and Archdrill opens files up to 2 MB.',
    );
  });

  it('says when the file is gone, and returns the bytes otherwise', async () => {
    const { dir, target } = setup();
    await expect(readFileCapped(join(dir, 'moved.archdrill.json'))).rejects.toThrow(
      'Could not open moved.archdrill.json: the file or its folder no longer exists.',
    );
    writeFileSync(target, board(1));
    expect(new TextDecoder().decode(await readFileCapped(target))).toBe(board(1));
    await expect(readFileCapped(dir)).rejects.toThrow('it is not a file');
  });
});

import { encodeBoard } from '@shared/board/codec';
import type { Board } from '@shared/board/types';
import { createStore } from 'zustand/vanilla';

/** The file the board was last opened from or saved to. Local, per machine. */
export interface FileState {
  readonly name: string | null;
  readonly path: string | null;
  /** Hash of the board as last saved/opened; dirty = current board hashes differently. */
  readonly savedHash: string | null;
  readonly dirty: boolean;
}

const KEY = 'archdrill.file';

/** FNV-1a: cheap, stable fingerprint of the encoded board. */
export const hashText = (s: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
};

export const boardHash = (board: Board): string => hashText(encodeBoard(board));

const load = (): FileState => {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<FileState> | null;
    if (raw && typeof raw === 'object')
      return {
        name: typeof raw.name === 'string' ? raw.name : null,
        path: typeof raw.path === 'string' ? raw.path : null,
        savedHash: typeof raw.savedHash === 'string' ? raw.savedHash : null,
        dirty: false,
      };
  } catch {
    // A corrupt entry only loses the remembered file name.
  }
  return { name: null, path: null, savedHash: null, dirty: false };
};

export const createFileStore = () => {
  const store = createStore<FileState>()(() => load());
  store.subscribe((s) => localStorage.setItem(KEY, JSON.stringify({ name: s.name, path: s.path, savedHash: s.savedHash })));
  return store;
};

export type FileStore = ReturnType<typeof createFileStore>;

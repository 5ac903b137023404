import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boardHash, createFileStore, hashText } from '../../../renderer/src/files/fileState';
import { board, node } from '../../fixtures/boards/builders';

const KEY = 'archdrill.file';

/** A Map-backed localStorage: the store remembers the last file across reloads through it. */
const fakeStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
};

let storage: ReturnType<typeof fakeStorage>;
beforeEach(() => {
  storage = fakeStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('file state', () => {
  it('starts with no file', () => {
    expect(createFileStore().getState()).toEqual({ name: null, path: null, savedHash: null, dirty: false });
  });

  it('remembers the file name, path and saved hash across a reload, but not the dirty flag', () => {
    const store = createFileStore();
    store.setState({ name: 'design.archdrill.json', path: '/home/me/design.archdrill.json', savedHash: 'abc', dirty: true });
    expect(JSON.parse(storage.items.get(KEY) ?? '{}')).toEqual({
      name: 'design.archdrill.json',
      path: '/home/me/design.archdrill.json',
      savedHash: 'abc',
    });
    expect(createFileStore().getState()).toEqual({
      name: 'design.archdrill.json',
      path: '/home/me/design.archdrill.json',
      savedHash: 'abc',
      dirty: false,
    });
  });

  it.each([
    ['corrupt JSON', '{"name": "des'],
    ['a JSON array', '[1, 2]'],
    ['fields of the wrong type', '{"name": 5, "path": true, "savedHash": {}}'],
  ])('falls back to no file when the remembered entry is %s', (_name, raw) => {
    storage.items.set(KEY, raw);
    expect(createFileStore().getState()).toMatchObject({ name: null, path: null, savedHash: null, dirty: false });
  });
});

describe('board hash (unsaved-changes mark)', () => {
  const b = board([node('a', 'cache', { label: 'Redis' })]);

  it('is the same for the same board and differs when anything changes', () => {
    expect(boardHash(b)).toBe(boardHash(board([node('a', 'cache', { label: 'Redis' })])));
    expect(boardHash(b)).not.toBe(boardHash(board([node('a', 'cache', { label: 'Memcached' })])));
    expect(boardHash(b)).not.toBe(boardHash({ ...b, notes: { scope: 'x' } }));
  });

  it('hashText is 32-bit FNV-1a in hex', () => {
    expect(hashText('')).toBe('811c9dc5');
    expect(hashText('a')).toBe('e40c292c');
    expect(hashText('foobar')).toBe('bf9cf968');
  });
});

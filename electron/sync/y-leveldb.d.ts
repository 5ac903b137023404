/**
 * y-leveldb ships types that its package.json "exports" hides from
 * moduleResolution "Bundler"; this declares the part the store uses.
 * `_transact` is private in y-leveldb; package.json's ^0.2.0 allows 0.2.x only, whose queue
 * every one of its own operations goes through.
 */
declare module 'y-leveldb' {
  import type * as Y from 'yjs';
  /** The abstract-level database with y-leveldb's key encoding (arrays of strings and uint32s). */
  export interface LevelDb {
    batch(ops: { type: 'put'; key: (string | number)[]; value: Uint8Array }[]): Promise<void>;
    /** Keys already in y-leveldb's encoding (see `keyEncoding`), handed to LevelDB as they are. */
    batch(
      ops: { type: 'put'; key: Uint8Array; value: Uint8Array }[],
      options: { keyEncoding: 'view'; valueEncoding: 'view' },
    ): Promise<void>;
    /** Missing keys: undefined (abstract-level 2) or a rejection with `notFound` (1.x). */
    get(key: (string | number)[]): Promise<Uint8Array | undefined>;
    get(key: (string | number)[]): Promise<Uint8Array>;
    put(key: (string | number)[], value: Uint8Array): Promise<void>;
    clear(range: { gte: (string | number)[]; lt: (string | number)[] }): Promise<void>;
  }
  export class LeveldbPersistence {
    constructor(location: string, options?: { levelOptions?: Record<string, unknown> });
    getYDoc(docName: string): Promise<Y.Doc>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    flushDocument(docName: string): Promise<void>;
    clearDocument(docName: string): Promise<void>;
    getAllDocNames(): Promise<string[]>;
    destroy(): Promise<void>;
    _transact<T>(f: (db: LevelDb) => Promise<T>): Promise<T | null>;
  }
  export const PREFERRED_TRIM_SIZE: number;
  /** y-leveldb's key encoding: each part a type byte, then a lib0 var-string or a big-endian uint32. */
  export const keyEncoding: { encode(key: (string | number)[]): Uint8Array };
  export function getCurrentUpdateClock(db: LevelDb, docName: string): Promise<number>;
  export function getLevelUpdates(db: LevelDb, docName: string): Promise<Uint8Array[]>;
  export function getLevelUpdatesEntries(
    db: LevelDb,
    docName: string,
  ): Promise<{ key: ['v1', string, 'update', number]; value: Uint8Array }[]>;
}

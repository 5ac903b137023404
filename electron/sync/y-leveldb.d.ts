/**
 * y-leveldb ships types that its package.json "exports" hides from
 * moduleResolution "Bundler"; this declares the part the store uses.
 */
declare module 'y-leveldb' {
  import type * as Y from 'yjs';
  export class LeveldbPersistence {
    constructor(location: string, options?: { levelOptions?: Record<string, unknown> });
    getYDoc(docName: string): Promise<Y.Doc>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    flushDocument(docName: string): Promise<void>;
    clearDocument(docName: string): Promise<void>;
    destroy(): Promise<void>;
  }
}

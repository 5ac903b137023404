import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { DocPersistence } from './types';

/**
 * Offline persistence of a board doc in IndexedDB (browser and desktop alike).
 * y-indexeddb appends every update in its own IndexedDB transaction as it
 * happens, so closing the tab or a crash loses at most the write in flight.
 */
export const persistWithIndexedDb = (docName: string, doc: Y.Doc): DocPersistence => {
  const idb = new IndexeddbPersistence(docName, doc);
  return {
    whenSynced: idb.whenSynced.then(() => undefined),
    clear: () => idb.clearData(),
    destroy: () => idb.destroy(),
  };
};

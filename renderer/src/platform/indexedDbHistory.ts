import type { AttemptRecord } from '@shared/interview/history';
import { HISTORY_LIMIT, sortAttempts } from '@shared/interview/history';
import type { HistoryStore } from './types';

/**
 * The browser's attempt history: one IndexedDB database with an `attempts`
 * store (one record per attempt, keyed by id) and a `replays` store (the
 * timeline's JSON text, keyed by the attempt id). Each put is one IndexedDB
 * transaction, so it lands whole or not at all.
 */
const DB_NAME = 'archdrill-history';
const ATTEMPTS = 'attempts';
const REPLAYS = 'replays';

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

let opening: Promise<IDBDatabase> | null = null;
const open = (): Promise<IDBDatabase> => {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(ATTEMPTS, { keyPath: 'id' });
      req.result.createObjectStore(REPLAYS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(new Error(`could not open the attempt history: ${req.error?.message ?? 'IndexedDB is unavailable'}`));
    };
  });
  return opening;
};

export const indexedDbHistory: HistoryStore = {
  async list() {
    const db = await open();
    return request(db.transaction(ATTEMPTS).objectStore(ATTEMPTS).getAll());
  },
  async put(record: AttemptRecord) {
    const db = await open();
    const all = (await request(db.transaction(ATTEMPTS).objectStore(ATTEMPTS).getAll())) as AttemptRecord[];
    const dropped = sortAttempts([record, ...all.filter((a) => a.id !== record.id)]).slice(HISTORY_LIMIT);
    const tx = db.transaction([ATTEMPTS, REPLAYS], 'readwrite');
    tx.objectStore(ATTEMPTS).put(record);
    for (const a of dropped) {
      tx.objectStore(ATTEMPTS).delete(a.id);
      tx.objectStore(REPLAYS).delete(a.id);
    }
    await done(tx);
  },
  async remove(id) {
    const db = await open();
    const tx = db.transaction([ATTEMPTS, REPLAYS], 'readwrite');
    tx.objectStore(ATTEMPTS).delete(id);
    tx.objectStore(REPLAYS).delete(id);
    await done(tx);
  },
  async replay(id) {
    const db = await open();
    const text = await request(db.transaction(REPLAYS).objectStore(REPLAYS).get(id));
    return typeof text === 'string' ? text : null;
  },
  async putReplay(id, text) {
    const db = await open();
    const tx = db.transaction(REPLAYS, 'readwrite');
    tx.objectStore(REPLAYS).put(text, id);
    await done(tx);
  },
};

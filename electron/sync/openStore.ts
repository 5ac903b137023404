import { join } from 'node:path';
import { leveldbStore } from './leveldbStore';
import type { Logger } from './log';
import { postgresStore, redact } from './postgresStore';
import { memoryStore, type RoomStore } from './store';

/** Where a server keeps its rooms: the first of these that is given. */
export interface StoreChoice {
  /** postgres://… : rooms shared with every node pointing at the same database. */
  readonly storeUrl?: string;
  /** y-leveldb in DIR/rooms: one machine. */
  readonly dataDir?: string;
  readonly flushMs?: number;
  readonly compactAt?: number;
}

/** Opens the chosen store (PostgreSQL connects and migrates here), with a phrase for the start-up line. */
export const openStore = async (choice: StoreChoice, log: Logger): Promise<{ store: RoomStore; where: string }> => {
  if (choice.storeUrl)
    return {
      store: await postgresStore(choice.storeUrl, { log, compactAt: choice.compactAt }),
      where: `rooms stored in PostgreSQL at ${redact(choice.storeUrl)}`,
    };
  if (choice.dataDir) {
    const dir = choice.dataDir;
    const store = leveldbStore(join(dir, 'rooms'), {
      flushMs: choice.flushMs,
      onWriteError: (err) => log.warn(`could not write to ${dir}: ${err.message}; retrying, peers still hold the edits`),
    });
    return { store, where: `rooms stored in ${dir}` };
  }
  return { store: memoryStore(), where: 'rooms in memory only' };
};

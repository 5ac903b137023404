import { parseHistory } from '@shared/interview/history';
import type { HistoryStore } from '../platform/types';

/** Where attempts were kept before the Platform history store (localStorage). */
export const LEGACY_HISTORY_KEY = 'archdrill.history';

/** The part of `Storage` the migration uses. */
export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

export interface MigrationResult {
  readonly migrated: number;
  /** Why the old history was left where it was (unreadable, or from a newer version). */
  readonly error?: string;
}

/**
 * Moves the attempts kept in localStorage into the history store, once: every
 * valid attempt is put (by id, so a migration interrupted half-way and run
 * again adds nothing twice), and only when all are in is the old key removed.
 * Unreadable entries are dropped and counted; an unreadable or newer-version
 * history stays in localStorage untouched, so nothing is lost.
 */
export async function migrateLocalHistory(storage: LegacyStorage | null, store: HistoryStore): Promise<MigrationResult> {
  const raw = storage?.getItem(LEGACY_HISTORY_KEY) ?? null;
  if (raw === null) return { migrated: 0 };
  const parsed = parseHistory(raw);
  if (parsed.error) return { migrated: 0, error: parsed.error };
  for (const record of parsed.history.attempts) await store.put(record);
  storage?.removeItem(LEGACY_HISTORY_KEY);
  return { migrated: parsed.history.attempts.length };
}

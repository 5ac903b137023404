import {
  type AttemptRecord,
  addAttempt,
  EMPTY_HISTORY,
  type History,
  parseHistory,
  removeAttempt,
  serializeHistory,
} from '@shared/interview/history';
import { useSyncExternalStore } from 'react';

/**
 * The local history of attempts, in localStorage (available in the browser
 * and in Electron's renderer alike; a few KB per attempt, capped at
 * HISTORY_LIMIT). Other windows' changes arrive through the `storage` event.
 */
const KEY = 'archdrill.history';
const listeners = new Set<() => void>();
let cache: { raw: string | null; history: History } = { raw: null, history: EMPTY_HISTORY };

const readRaw = (): string | null => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

/** The stored history; re-parsed only when the stored text changed. Corrupt entries are dropped (and reported once). */
export const loadHistory = (): History => {
  const raw = readRaw();
  if (raw === cache.raw) return cache.history;
  const parsed = parseHistory(raw);
  if (parsed.error || parsed.dropped > 0)
    console.warn(`attempt history: ${parsed.error ?? `${parsed.dropped} unreadable attempt(s) left out`}`);
  cache = { raw, history: parsed.history };
  return parsed.history;
};

const save = (h: History): void => {
  const raw = serializeHistory(h);
  try {
    localStorage.setItem(KEY, raw);
  } catch (err) {
    throw new Error(`could not save the attempt history: ${err instanceof Error ? err.message : String(err)}`);
  }
  cache = { raw, history: h };
  for (const l of listeners) l();
};

/** Adds (or, by id, replaces) an attempt. Throws a one-line message when storage is full or blocked. */
export const recordAttempt = (record: AttemptRecord): void => save(addAttempt(loadHistory(), record));

export const deleteAttempt = (id: string): void => save(removeAttempt(loadHistory(), id));

const subscribe = (onChange: () => void): (() => void) => {
  listeners.add(onChange);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
};

/** The history, newest first, kept current across windows. */
export const useHistory = (): History => useSyncExternalStore(subscribe, loadHistory);

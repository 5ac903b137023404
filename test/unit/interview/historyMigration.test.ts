import { describe, expect, it } from 'vitest';
import { createHistoryService } from '../../../renderer/src/interview/historyStore';
import { LEGACY_HISTORY_KEY, migrateLocalHistory } from '../../../renderer/src/interview/migrateHistory';
import type { HistoryStore } from '../../../renderer/src/platform/types';
import { type AttemptRecord, addAttempt, EMPTY_HISTORY, serializeHistory } from '../../../shared/interview/history';

const record = (id: string, endedAt: number, percent = 50): AttemptRecord => ({
  id,
  question: 'feed',
  title: 'News feed',
  startedAt: endedAt - 60_000,
  endedAt,
  durationSec: 60,
  percent,
  band: 'weak',
  perStep: [{ step: 'understand', plannedSec: 300, spentSec: 60, score: 50 }],
  boardFile: '{"format":"archdrill.board","version":1,"nodes":[],"edges":[]}',
});

/** An in-memory HistoryStore that can be told to fail after some puts. */
const memoryStore = (failAfter = Number.POSITIVE_INFINITY) => {
  const attempts = new Map<string, AttemptRecord>();
  const replays = new Map<string, string>();
  let puts = 0;
  const store: HistoryStore = {
    list: async () => [...attempts.values()],
    async put(r) {
      if (puts++ >= failAfter) throw new Error('disk full');
      attempts.set(r.id, r);
    },
    remove: async (id) => void attempts.delete(id),
    replay: async (id) => replays.get(id) ?? null,
    putReplay: async (id, text) => void replays.set(id, text),
  };
  return { store, attempts, replays };
};

const storage = (value: string | null) => {
  const m = new Map<string, string>(value === null ? [] : [[LEGACY_HISTORY_KEY, value]]);
  return { getItem: (k: string) => m.get(k) ?? null, removeItem: (k: string) => void m.delete(k), map: m };
};

describe('moving the localStorage history into the history store', () => {
  it('moves every valid attempt once, then removes the old key', async () => {
    const old = serializeHistory(addAttempt(addAttempt(EMPTY_HISTORY, record('a', 1000)), record('b', 2000)));
    const ls = storage(old);
    const { store, attempts } = memoryStore();
    expect(await migrateLocalHistory(ls, store)).toEqual({ migrated: 2 });
    expect([...attempts.keys()].sort()).toEqual(['a', 'b']);
    expect(ls.map.has(LEGACY_HISTORY_KEY)).toBe(false);
    // Nothing left to move the second time.
    expect(await migrateLocalHistory(ls, store)).toEqual({ migrated: 0 });
  });

  it('keeps the old history when a put fails half-way, and a later run completes it without duplicates', async () => {
    const old = serializeHistory(addAttempt(addAttempt(EMPTY_HISTORY, record('a', 1000)), record('b', 2000)));
    const ls = storage(old);
    const failing = memoryStore(1);
    await expect(migrateLocalHistory(ls, failing.store)).rejects.toThrow('disk full');
    expect(ls.map.get(LEGACY_HISTORY_KEY)).toBe(old);
    const ok = memoryStore();
    ok.attempts.set('b', record('b', 2000));
    expect(await migrateLocalHistory(ls, ok.store)).toEqual({ migrated: 2 });
    expect(ok.attempts.size).toBe(2);
  });

  it('leaves an unreadable or newer history in place and says why', async () => {
    for (const text of ['{ nope', '{"format":"archdrill.history","version":9,"attempts":[]}']) {
      const ls = storage(text);
      const { store, attempts } = memoryStore();
      const r = await migrateLocalHistory(ls, store);
      expect(r.migrated).toBe(0);
      expect(r.error).toBeTruthy();
      expect(ls.map.get(LEGACY_HISTORY_KEY)).toBe(text);
      expect(attempts.size).toBe(0);
    }
  });

  it('the history service migrates on first load, then lists newest first and leaves out invalid records', async () => {
    const ls = storage(serializeHistory(addAttempt(EMPTY_HISTORY, record('old', 1000))));
    const { store, attempts } = memoryStore();
    attempts.set('new', record('new', 5000));
    attempts.set('bad', { ...record('bad', 9000), percent: 400 });
    const service = createHistoryService(store, ls);
    await service.load();
    expect(service.state.getState().attempts.map((a) => a.id)).toEqual(['new', 'old']);
    expect(ls.map.size).toBe(0);
  });
});

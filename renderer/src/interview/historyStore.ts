import { type ExportedAttempt, encodeAttemptsFile, parseAttemptsFile } from '@shared/interview/attemptFile';
import { type AttemptRecord, attemptRecordSchema, sortAttempts } from '@shared/interview/history';
import { parseTimeline, type Timeline, timelineToJson } from '@shared/interview/timeline';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useBoardSession } from '../board/context';
import type { HistoryStore } from '../platform/types';
import { migrateLocalHistory } from './migrateHistory';

/**
 * The attempt history as the renderer sees it: a zustand store over the
 * Platform's HistoryStore (files on the desktop, IndexedDB in the browser),
 * loaded once (after moving any localStorage history into it) and reloaded
 * when this or another window changes it (a BroadcastChannel says so).
 * Everything read back is validated; what fails is left out and reported once.
 */
export interface HistoryState {
  readonly attempts: readonly AttemptRecord[];
  readonly loaded: boolean;
}

export interface HistoryService {
  readonly state: StoreApi<HistoryState>;
  load(): Promise<void>;
  /** Adds (or, by id, replaces) an attempt. Rejects with a one-line message when it cannot be kept. */
  record(record: AttemptRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** The attempt's replay, or null when none was kept (or it is damaged). */
  replay(id: string): Promise<Timeline | null>;
  saveReplay(timeline: Timeline): Promise<void>;
  /** The attempts (all, or those given) with their replays, as one file's text. */
  exportFile(ids?: readonly string[]): Promise<string>;
  /** One kept attempt with its replay as a file's text (what a report links); null when it is not in the history. */
  attemptFile(id: string): Promise<string | null>;
  /** Adds the attempts of a file; changes nothing when the file is not valid. Resolves to the attempts added, as kept. */
  importFile(text: string): Promise<AttemptRecord[]>;
}

const CHANNEL = 'archdrill.history';

const readable = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createHistoryService(
  store: HistoryStore,
  legacy: Pick<Storage, 'getItem' | 'removeItem'> | null,
): HistoryService {
  const state = createStore<HistoryState>()(() => ({ attempts: [], loaded: false }));
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  let migration: Promise<unknown> | null = null;

  const reload = async () => {
    migration ??= migrateLocalHistory(legacy, store).then(
      (r) => {
        if (r.error) console.warn(`attempt history: ${r.error}; the old history was left in place`);
      },
      (err) => console.warn(`attempt history: could not move the old history: ${readable(err)}`),
    );
    await migration;
    const raw = await store.list();
    const attempts: AttemptRecord[] = [];
    for (const item of raw) {
      const r = attemptRecordSchema.safeParse(item);
      if (r.success) attempts.push(r.data);
    }
    if (attempts.length < raw.length)
      console.warn(`attempt history: ${raw.length - attempts.length} unreadable attempt(s) left out`);
    state.setState({ attempts: sortAttempts(attempts), loaded: true });
  };
  const changed = async () => {
    await reload();
    channel?.postMessage('changed');
  };
  if (channel) channel.onmessage = () => void reload().catch(() => undefined);

  const wrap = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      throw new Error(`could not ${what}: ${readable(err)}`);
    }
    await changed();
  };

  // The last timeline this window saved per attempt: a replay opened right after the end must not wait for (or race) the write.
  const latest = new Map<string, Timeline>();
  const replay = async (id: string): Promise<Timeline | null> => {
    const mine = latest.get(id);
    if (mine) return mine;
    const text = await store.replay(id);
    if (text === null) return null;
    try {
      const r = parseTimeline(JSON.parse(text));
      return r.ok ? r.timeline : null;
    } catch {
      return null;
    }
  };

  const exportFile = async (ids?: readonly string[]) => {
    const chosen = state.getState().attempts.filter((a) => !ids || ids.includes(a.id));
    const items: ExportedAttempt[] = [];
    for (const record of chosen) items.push({ record, timeline: await replay(record.id) });
    return encodeAttemptsFile(items, Date.now());
  };

  return {
    state,
    load: reload,
    record: (record) => wrap('save the attempt history', () => store.put(record)),
    remove: (id) =>
      wrap('delete the attempt', () => {
        latest.delete(id);
        return store.remove(id);
      }),
    replay,
    saveReplay(t) {
      latest.set(t.attemptId, t);
      return store.putReplay(t.attemptId, JSON.stringify(timelineToJson(t)));
    },
    exportFile: (ids) => exportFile(ids),
    async attemptFile(id) {
      if (!state.getState().loaded) await reload();
      return state.getState().attempts.some((a) => a.id === id) ? exportFile([id]) : null;
    },
    async importFile(text) {
      const parsed = parseAttemptsFile(text);
      if (!parsed.ok) throw new Error(parsed.error);
      // Replays first: an attempt listed without its replay would offer a Replay that fails.
      for (const a of parsed.attempts)
        if (a.timeline) await store.putReplay(a.record.id, JSON.stringify(timelineToJson(a.timeline)));
      const kept = parsed.attempts.map((a) => ({ ...a.record, replay: a.timeline !== null }));
      for (const record of kept) await store.put(record);
      await changed();
      return kept;
    },
  };
}

const services = new WeakMap<HistoryStore, HistoryService>();

const legacyStorage = (): Storage | null => {
  try {
    return localStorage;
  } catch {
    return null;
  }
};

/** The one history service of a platform's store. */
export const historyFor = (store: HistoryStore): HistoryService => {
  let s = services.get(store);
  if (!s) {
    s = createHistoryService(store, legacyStorage());
    services.set(store, s);
  }
  return s;
};

/** The history service of the open board's platform. */
export const useHistoryService = (): HistoryService => historyFor(useBoardSession().platform.history);

/** The history, newest first, kept current across windows; loads on first use. */
export const useHistory = (): HistoryState & { readonly service: HistoryService } => {
  const service = useHistoryService();
  const value = useStore(service.state);
  useEffect(() => {
    if (!service.state.getState().loaded) void service.load().catch((err) => console.warn(`attempt history: ${readable(err)}`));
  }, [service]);
  return { ...value, service };
};

import { observeBoard } from '@shared/board/doc';
import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { StoreApi } from 'zustand';
import type { PresenceHandle } from '../collab/presence';
import type { Room } from '../collab/room';
import type { Platform } from '../platform/types';
import type { BoardEditor } from './editor';
import type { EditorState } from './editorStore';

/** One open board: its doc (read it), its editor (the only way to change it), the platform and the local UI store. */
export interface BoardSession {
  /** For reading; every write goes through `editor`. */
  readonly doc: Y.Doc;
  readonly editor: BoardEditor;
  readonly platform: Platform;
  readonly store: StoreApi<EditorState>;
  /** Ends the session when another one opens in its place (leaving or entering a room). */
  close(): void;
  /** Set when the board is a live shared room. */
  readonly collab?: { readonly room: Room; readonly presence: PresenceHandle };
}

export const BoardSessionContext = createContext<BoardSession | null>(null);

export const useBoardSession = (): BoardSession => {
  const s = useContext(BoardSessionContext);
  if (!s) throw new Error('useBoardSession outside a BoardSessionContext provider');
  return s;
};

/**
 * Subscribes to the doc and returns `select(doc)`, recomputed after each
 * transaction; re-renders only when `isEqual` says the value changed.
 * `select` must be stable (module-level or memoised).
 */
export function useDocValue<T>(select: (doc: Y.Doc) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const { doc } = useBoardSession();
  const cache = useRef<{ doc: Y.Doc; select: (doc: Y.Doc) => T; value: T } | null>(null);
  const read = (): T => {
    const c = cache.current;
    if (c && c.doc === doc && c.select === select) return c.value;
    const value = select(doc);
    cache.current = { doc, select, value };
    return value;
  };
  return useSyncExternalStore(
    (notify) =>
      observeBoard(doc, () => {
        const next = select(doc);
        const prev = cache.current;
        if (prev && prev.doc === doc && prev.select === select && isEqual(prev.value, next)) return;
        cache.current = { doc, select, value: next };
        notify();
      }),
    read,
  );
}

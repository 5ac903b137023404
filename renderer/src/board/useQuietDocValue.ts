import { observeBoard } from '@shared/board/doc';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useBoardSession } from './context';

/** Runs `fn` once the doc has been quiet for `delayMs`, in idle time when the browser offers it. */
const scheduleQuietly = (fn: () => void, delayMs: number): (() => void) => {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 500 });
    else fn();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
};

/**
 * `select(doc)` for work that reads the whole board (scoring, hashing): computed
 * at once, then again only when edits pause for `delayMs`, so a transaction on
 * the hot path (a drag end, each keystroke in the notes) only re-arms a timer.
 * Use `useDocValue` for cheap selectors that must follow every change.
 * `select` must be stable (module-level or memoised).
 */
export function useQuietDocValue<T>(select: (doc: Y.Doc) => T, delayMs = 200): T {
  const { doc } = useBoardSession();
  const [value, setValue] = useState<T>(() => select(doc));
  useEffect(() => {
    setValue(() => select(doc));
    let cancel: (() => void) | undefined;
    const unobserve = observeBoard(doc, () => {
      cancel?.();
      cancel = scheduleQuietly(() => setValue(() => select(doc)), delayMs);
    });
    return () => {
      unobserve();
      cancel?.();
    };
  }, [doc, select, delayMs]);
  return value;
}

import { useEffect, useState } from 'react';

/**
 * Wall-clock time that re-renders the caller `hz` times a second while
 * `active`. Purely local: the timer's state in the shared doc never changes
 * on a tick; only this component's idea of "now" does.
 */
export function useNow(active: boolean, hz = 4): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000 / hz);
    return () => window.clearInterval(id);
  }, [active, hz]);
  return active ? now : Date.now();
}

import { useCallback, useEffect, useRef, useState } from 'react';

export const SPEEDS = [1, 4, 16] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * The replay clock: a position in [start, end] (epoch ms of the recording)
 * that moves at 1×, 4× or 16× the recorded pace while playing, one animation
 * frame at a time, and stops at the end.
 */
export function usePlayback(start: number, end: number) {
  const [t, setT] = useState(end);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const pos = useRef(t);
  pos.current = t;

  const seek = useCallback((to: number) => setT(Math.max(start, Math.min(end, to))), [start, end]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const next = Math.min(end, pos.current + (now - last) * speed);
      last = now;
      setT(next);
      if (next >= end) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, end]);

  const play = useCallback(() => {
    // Playing from the end starts over.
    if (pos.current >= end) setT(start);
    setPlaying(true);
  }, [start, end]);

  return { t, seek, playing, play, pause: () => setPlaying(false), speed, setSpeed };
}

import { MAX_TIME_SCALE } from '@shared/interview/timer';
import { z } from 'zod';

const scaleSchema = z.coerce.number().min(1).max(MAX_TIME_SCALE);

/**
 * The test-only speed-up from the page URL: `?timescale=60` runs the interview
 * 60× faster (a 5-minute step lasts 5 seconds), so a browser test can walk a
 * whole mock. Absent or invalid → undefined (real time).
 */
export const timeScaleFromSearch = (search: string): number | undefined => {
  const raw = new URLSearchParams(search).get('timescale');
  if (raw === null) return undefined;
  const r = scaleSchema.safeParse(raw);
  return r.success && r.data > 1 ? r.data : undefined;
};

import { STEPS } from '../framework/steps';

/** Seconds planned for each of the five steps, in STEP_IDS order. */
export type StepDurations = readonly [number, number, number, number, number];

/** The framework's own plan: 5 / 5 / 10 / 15 / 5 minutes (40 in all). */
export const DEFAULT_DURATIONS: StepDurations = STEPS.map((s) => s.defaultMinutes * 60) as unknown as StepDurations;

/** Interview lengths offered in the start dialog; 40 is the framework's default plan. */
export const PRESET_MINUTES = [35, 40, 45, 60] as const;
export type PresetMinutes = (typeof PRESET_MINUTES)[number];

/** Plans are rounded to half minutes: "4:30 left" reads better than "4:22". */
const GRANULE_SEC = 30;

/**
 * Scales the default 5/5/10/15/5 plan to `totalMinutes`, keeping the
 * proportions and rounding each step to half a minute by largest remainder,
 * so the steps always add up to exactly the chosen length.
 * 35 → 4½ / 4½ / 8½ / 13 / 4½; 45 → 5½ / 5½ / 11½ / 17 / 5½; 60 → 7½ / 7½ / 15 / 22½ / 7½.
 */
export const scaleDurations = (totalMinutes: number): StepDurations => {
  const defaults = DEFAULT_DURATIONS;
  const defaultTotal = defaults.reduce((a, b) => a + b, 0);
  const granules = Math.round((totalMinutes * 60) / GRANULE_SEC);
  const shares = defaults.map((d) => (d / defaultTotal) * granules);
  const out = shares.map(Math.floor);
  let left = granules - out.reduce((a, b) => a + b, 0);
  // Largest fractional part first; ties go to the earlier step.
  const order = shares.map((s, i) => ({ i, frac: s - Math.floor(s) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = out[i]! + 1;
    left--;
  }
  return out.map((g) => Math.max(1, g) * GRANULE_SEC) as unknown as StepDurations;
};

/** Custom per-step minutes (from the start dialog) → seconds; each step at least one minute. */
export const customDurations = (minutes: readonly number[]): StepDurations => {
  if (minutes.length !== STEPS.length) throw new Error(`expected ${STEPS.length} step lengths, got ${minutes.length}`);
  return minutes.map((m) => Math.round(Math.max(1, Number.isFinite(m) ? m : 1) * 60)) as unknown as StepDurations;
};

export const totalSeconds = (durations: readonly number[]): number => durations.reduce((a, b) => a + b, 0);

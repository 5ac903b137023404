import { STEP_IDS, STEPS, type StepId } from '../framework/steps';
import type { StepDurations } from './durations';
import type { AttemptRecord } from './history';

/**
 * What the progress page works out from the attempt history, pure: how often
 * each rule was missed, which step is weakest, and time per step against the
 * plan. Drills (one-step attempts) count for their step only.
 */

/** A rule missed in `missed` of the `of` attempts at one question that could have met it. */
export interface MissedRuleStat {
  readonly question: string;
  readonly rule: string;
  readonly missed: number;
  readonly of: number;
}

/**
 * Rules most often missed, most first (then by share, then id). `missedOf`
 * gives an attempt's missed rule ids (stored, or worked out by rescoring its
 * board), or null when unknown (a free design); those attempts are not counted.
 */
export const mostMissedRules = (
  attempts: readonly AttemptRecord[],
  missedOf: (a: AttemptRecord) => readonly string[] | null,
): MissedRuleStat[] => {
  const totals = new Map<string, number>();
  const counts = new Map<string, MissedRuleStat>();
  for (const a of attempts) {
    if (a.kind === 'drill') continue;
    const missed = missedOf(a);
    if (!missed) continue;
    totals.set(a.question, (totals.get(a.question) ?? 0) + 1);
    for (const rule of new Set(missed)) {
      const key = `${a.question}\u0000${rule}`;
      const prev = counts.get(key);
      counts.set(key, { question: a.question, rule, missed: (prev?.missed ?? 0) + 1, of: 0 });
    }
  }
  return [...counts.values()]
    .map((s) => ({ ...s, of: totals.get(s.question) ?? s.missed }))
    .sort((a, b) => b.missed - a.missed || b.missed / b.of - a.missed / a.of || (a.rule < b.rule ? -1 : 1));
};

/** Per step: the average score over the attempts that scored it (null when none did). */
export const averageStepScores = (attempts: readonly AttemptRecord[]): Record<StepId, number | null> => {
  const out = {} as Record<StepId, number | null>;
  for (const step of STEP_IDS) {
    const scores = attempts.flatMap((a) =>
      a.perStep
        .filter((s) => s.step === step && s.score !== null && (a.kind !== 'drill' || a.focus === step))
        .map((s) => s.score!),
    );
    out[step] = scores.length === 0 ? null : Math.round(scores.reduce((x, y) => x + y, 0) / scores.length);
  }
  return out;
};

/** The step with the lowest average score (the first such in interview order), or null when nothing was scored. */
export const weakestStep = (attempts: readonly AttemptRecord[]): StepId | null => {
  const avg = averageStepScores(attempts);
  let worst: StepId | null = null;
  for (const step of STEP_IDS) {
    const v = avg[step];
    if (v !== null && (worst === null || v < avg[worst]!)) worst = step;
  }
  return worst;
};

/** Average planned and spent seconds per step, over full mocks. */
export const stepTimes = (attempts: readonly AttemptRecord[]): { step: StepId; plannedSec: number; spentSec: number }[] => {
  const mocks = attempts.filter((a) => a.kind !== 'drill');
  return STEP_IDS.map((step) => {
    const rows = mocks.flatMap((a) => a.perStep.filter((s) => s.step === step));
    const avg = (f: (r: (typeof rows)[number]) => number) =>
      rows.length === 0 ? 0 : Math.round(rows.reduce((x, r) => x + f(r), 0) / rows.length);
    return { step, plannedSec: avg((r) => r.plannedSec), spentSec: avg((r) => r.spentSec) };
  });
};

/** A drill's plan: the step gets its usual time, the others none (the timer starts on it). */
export const drillDurations = (step: StepId): StepDurations =>
  STEPS.map((s) => (s.id === step ? s.defaultMinutes * 60 : 0)) as unknown as StepDurations;

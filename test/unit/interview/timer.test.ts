import { DEFAULT_DURATIONS } from '@shared/interview/durations';
import { IDLE_TIMER, reduceTimer, type TimerAction, type TimerState } from '@shared/interview/timer';
import { msUntilTimeUp, timerView } from '@shared/interview/timerView';
import { describe, expect, it } from 'vitest';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

/** A fake clock and the actions a person takes, applied in order. */
const drive = (steps: readonly [atMs: number, action: TimerAction][], from: TimerState = IDLE_TIMER): TimerState =>
  steps.reduce((s, [at, a]) => reduceTimer(s, a, T0 + at), from);

const start = (timeScale?: number): TimerAction => ({
  type: 'start',
  durations: DEFAULT_DURATIONS,
  attemptId: 'a1',
  ...(timeScale !== undefined && { timeScale }),
});

describe('timer state machine', () => {
  it('idle shows the full plan: step 1, 5:00 in the step, 40:00 in all', () => {
    const v = timerView(IDLE_TIMER, T0);
    expect(v.status).toBe('idle');
    expect(v.current.id).toBe('understand');
    expect(v.remainingSec).toBe(300);
    expect(v.totalRemainingSec).toBe(40 * 60);
    expect(v.stepTimeUp).toBe(false);
    expect(v.canNext).toBe(false);
  });

  it('counts down from stored timestamps while running', () => {
    const s = drive([[0, start()]]);
    const v = timerView(s, T0 + 2 * MIN);
    expect(v.status).toBe('running');
    expect(v.remainingSec).toBe(180);
    expect(v.totalRemainingSec).toBe(38 * 60);
    expect(v.current.progress).toBeCloseTo(0.4);
    expect(v.steps.map((x) => x.phase)).toEqual(['current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('pause freezes the clock; resume continues from where it stopped', () => {
    const paused = drive([
      [0, start()],
      [1 * MIN, { type: 'pause' }],
    ]);
    expect(timerView(paused, T0 + 30 * MIN).remainingSec).toBe(240);
    const resumed = reduceTimer(paused, { type: 'resume' }, T0 + 30 * MIN);
    expect(timerView(resumed, T0 + 31 * MIN).remainingSec).toBe(180);
    expect(timerView(resumed, T0 + 31 * MIN).totalSpentSec).toBe(120);
    // Nothing of the pause lingers: the resumed timer is the running one with a minute spent, reopened now.
    expect(resumed).toEqual({ ...drive([[0, start()]]), spent: [60, 0, 0, 0, 0], runningSince: T0 + 30 * MIN });
  });

  it('next and back keep each step’s spent time, and a step revisited keeps counting', () => {
    const s = drive([
      [0, start()],
      [3 * MIN, { type: 'next' }],
      [5 * MIN, { type: 'back' }],
      [6 * MIN, { type: 'next' }],
    ]);
    const v = timerView(s, T0 + 7 * MIN);
    expect(v.current.id).toBe('scope');
    expect(v.steps[0]!.spentSec).toBe(4 * 60);
    expect(v.steps[1]!.spentSec).toBe(3 * 60);
    expect(v.steps.map((x) => x.phase)).toEqual(['done', 'current', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('skipping through every step reaches the last, where Next no longer applies', () => {
    let s = drive([[0, start()]]);
    for (let i = 1; i <= 4; i++) s = reduceTimer(s, { type: 'next' }, T0 + i * 1000);
    expect(timerView(s, T0 + 5000).current.id).toBe('bottlenecks');
    expect(timerView(s, T0 + 5000).canNext).toBe(false);
    expect(reduceTimer(s, { type: 'next' }, T0 + 6000)).toBe(s);
    const first = drive([[0, start()]]);
    expect(reduceTimer(first, { type: 'back' }, T0 + 1000)).toBe(first);
  });

  it('a paused timer stays paused across Next', () => {
    const s = drive([
      [0, start()],
      [MIN, { type: 'pause' }],
      [2 * MIN, { type: 'next' }],
    ]);
    expect(s.status).toBe('paused');
    expect(timerView(s, T0 + 60 * MIN).remainingSec).toBe(300);
  });

  it('runs into overtime, flags it, and never advances by itself', () => {
    const s = drive([[0, start()]]);
    const atTime = timerView(s, T0 + 5 * MIN);
    expect(atTime.stepTimeUp).toBe(true);
    expect(atTime.overtime).toBe(false);
    const late = timerView(s, T0 + 7 * MIN);
    expect(late.current.id).toBe('understand');
    expect(late.remainingSec).toBe(-120);
    expect(late.overtime).toBe(true);
    expect(late.stepTimeUp).toBe(true);
    expect(late.timeUpKey).not.toBeNull();
    expect(late.current.progress).toBe(1);
  });

  it('+5 min extends the current step and makes a new time-up event', () => {
    const s = drive([
      [0, start()],
      [6 * MIN, { type: 'extend' }],
    ]);
    const before = timerView(drive([[0, start()]]), T0 + 6 * MIN);
    const v = timerView(s, T0 + 6 * MIN);
    expect(v.remainingSec).toBe(4 * 60);
    expect(v.current.plannedSec).toBe(10 * 60);
    expect(v.totalRemainingSec).toBe(39 * 60);
    expect(v.stepTimeUp).toBe(false);
    const again = timerView(s, T0 + 11 * MIN);
    expect(again.stepTimeUp).toBe(true);
    expect(again.timeUpKey).not.toBe(before.timeUpKey);
  });

  it('end freezes every figure; later actions do nothing', () => {
    const s = drive([
      [0, start()],
      [4 * MIN, { type: 'next' }],
      [10 * MIN, { type: 'end' }],
    ]);
    expect(s.status).toBe('ended');
    const v = timerView(s, T0 + 99 * MIN);
    expect(v.steps.map((x) => x.spentSec)).toEqual([240, 360, 0, 0, 0]);
    expect(v.steps[1]!.overtime).toBe(true);
    expect(v.stepTimeUp).toBe(false);
    expect(v.canNext || v.canBack).toBe(false);
    for (const a of ['pause', 'resume', 'next', 'back', 'extend', 'end'] as const)
      expect(reduceTimer(s, { type: a }, T0 + 100 * MIN)).toBe(s);
  });

  it('reset returns to idle; start from any state begins a fresh attempt', () => {
    const ended = drive([
      [0, start()],
      [MIN, { type: 'end' }],
    ]);
    expect(reduceTimer(ended, { type: 'reset' }, T0)).toEqual(IDLE_TIMER);
    const again = reduceTimer(ended, { ...start(), attemptId: 'a2' } as TimerAction, T0 + 2 * MIN);
    expect(again.attemptId).toBe('a2');
    expect(timerView(again, T0 + 2 * MIN).totalSpentSec).toBe(0);
  });

  describe('reopening after a gap', () => {
    it('while running, the time that passed counts, into overtime if need be', () => {
      const stored = JSON.parse(JSON.stringify(drive([[0, start()]]))) as TimerState;
      const v = timerView(stored, T0 + 12 * MIN);
      expect(v.current.id).toBe('understand');
      expect(v.remainingSec).toBe(-7 * 60);
      expect(v.totalRemainingSec).toBe(28 * 60);
    });

    it('while paused, it is still paused with the same figures', () => {
      const stored = drive([
        [0, start()],
        [2 * MIN, { type: 'pause' }],
      ]);
      const v = timerView(stored, T0 + 3 * 24 * 60 * MIN);
      expect(v.status).toBe('paused');
      expect(v.remainingSec).toBe(180);
    });
  });

  it('a clock that went backwards counts as no time, never as negative time', () => {
    const s = drive([[0, start()]]);
    expect(timerView(s, T0 - 5 * MIN).remainingSec).toBe(300);
  });

  describe('timeScale (test-only compressed durations)', () => {
    it('at 60×, a five-minute step is up after five real seconds', () => {
      const s = drive([[0, start(60)]]);
      expect(timerView(s, T0 + 2500).remainingSec).toBe(150);
      expect(timerView(s, T0 + 5000).stepTimeUp).toBe(true);
      expect(msUntilTimeUp(s, T0 + 1000)).toBe(4000);
    });

    it('ignores nonsense scales and caps huge ones', () => {
      expect(drive([[0, start(-3)]]).timeScale).toBe(1);
      expect(drive([[0, start(Number.NaN)]]).timeScale).toBe(1);
      expect(drive([[0, start(1e9)]]).timeScale).toBe(3600);
    });
  });

  it('msUntilTimeUp is null when nothing will happen on its own', () => {
    expect(msUntilTimeUp(IDLE_TIMER, T0)).toBeNull();
    const s = drive([[0, start()]]);
    expect(msUntilTimeUp(reduceTimer(s, { type: 'pause' }, T0), T0)).toBeNull();
    expect(msUntilTimeUp(s, T0 + 6 * MIN)).toBeNull();
    expect(msUntilTimeUp(s, T0 + 4 * MIN)).toBe(MIN);
  });
});

import { formatClock, formatMinutes } from '@shared/interview/format';
import { Bell, BellOff } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { beep, isBeepMuted, setBeepMuted, unlockAudio } from './beep';
import { ProgressStrip } from './ProgressStrip';
import { StartInterviewDialog } from './StartInterviewDialog';
import type { ScoreFn } from './scoring';
import { useTimelineRecorder } from './useTimelineRecorder';
import { useTimer } from './useTimer';

export interface TimerBarProps {
  /** Scores the board for the snapshot kept at each step change. */
  readonly score?: ScoreFn;
  /** Shown once the interview has ended: opens the scorecard. */
  readonly onShowScorecard?: () => void;
  /** Changing it opens the start dialog ("Try again" on the scorecard). */
  readonly startRequest?: number;
}

/**
 * The always-visible interview bar: the current step, the time left in it and
 * in the interview, the five-step strip and the controls. It re-renders at
 * 4 Hz from a local interval; the doc changes only when someone presses a button.
 * When a step's time is up it pulses red (and beeps once, unless muted), but it
 * never moves on by itself.
 */
export function TimerBar({ score, onShowScorecard, startRequest = 0 }: TimerBarProps) {
  const { state, view, canControl, act, start } = useTimer(score);
  const [starting, setStarting] = useState(false);
  useTimelineRecorder();
  useEffect(() => {
    if (startRequest > 0) setStarting(true);
  }, [startRequest]);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [muted, setMuted] = useState(isBeepMuted);
  const live = view.status === 'running' || view.status === 'paused';

  // Beep once per time-up event; one already under way when the page opened (a reload) stays quiet.
  const lastCue = useRef(view.timeUpKey);
  useEffect(() => {
    if (view.timeUpKey !== null && view.timeUpKey !== lastCue.current && view.status === 'running') beep();
    lastCue.current = view.timeUpKey;
  }, [view.timeUpKey, view.status]);

  useEffect(() => {
    if (!live) setConfirmEnd(false);
  }, [live]);

  const step = view.current;
  return (
    <section
      className="timer-bar"
      aria-label="Interview timer"
      data-testid="timer-bar"
      data-status={view.status}
      data-timeup={view.stepTimeUp || undefined}
    >
      {view.status === 'idle' && (
        <>
          <span className="timer-idle">Mock interview · five steps · {formatMinutes(view.totalPlannedSec)} plan</span>
          <button
            type="button"
            className="primary"
            data-testid="timer-start"
            disabled={!canControl}
            onClick={() => {
              unlockAudio();
              setStarting(true);
            }}
          >
            Start mock interview
          </button>
        </>
      )}

      {live && (
        <>
          <div className="timer-step">
            <span className="muted small">
              Step {view.stepIndex + 1}/{view.steps.length}
              {view.status === 'paused' && ' · paused'}
            </span>
            <strong data-testid="timer-step" aria-live="polite">
              {step.title}
            </strong>
          </div>
          <div className="timer-clock">
            <span
              role="timer"
              aria-label={view.overtime ? 'Over time in this step' : 'Time left in this step'}
              className="timer-remaining"
              data-testid="timer-remaining"
              data-overtime={view.overtime || undefined}
            >
              {formatClock(view.remainingSec)}
            </span>
            <span className="muted small">
              <span role="timer" data-testid="timer-total" aria-label="Time left in the interview">
                {formatClock(view.totalRemainingSec)}
              </span>{' '}
              left in all
            </span>
          </div>
          <ProgressStrip steps={view.steps} live />
          {view.stepTimeUp && (
            <span className="timer-cue" role="status" data-testid="timer-cue">
              {view.overtime ? 'Over time' : 'Time’s up'} — move on when ready
            </span>
          )}
          <fieldset className="timer-controls">
            <legend className="visually-hidden">Timer controls</legend>
            <button
              type="button"
              className="secondary"
              data-testid="timer-back"
              disabled={!view.canBack || !canControl}
              onClick={() => act({ type: 'back' })}
            >
              Back
            </button>
            {view.status === 'running' ? (
              <button
                type="button"
                className="secondary"
                data-testid="timer-pause"
                disabled={!canControl}
                onClick={() => act({ type: 'pause' })}
              >
                Pause
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                data-testid="timer-pause"
                disabled={!canControl}
                onClick={() => act({ type: 'resume' })}
              >
                Resume
              </button>
            )}
            <button
              type="button"
              className={view.stepTimeUp ? 'primary' : 'secondary'}
              data-testid="timer-next"
              disabled={!view.canNext || !canControl}
              onClick={() => act({ type: 'next' })}
            >
              Next step
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="timer-extend"
              disabled={!canControl}
              onClick={() => act({ type: 'extend' })}
            >
              +5 min
            </button>
            {confirmEnd ? (
              <>
                <button
                  type="button"
                  className="danger"
                  data-testid="timer-end-confirm"
                  onClick={() => {
                    setConfirmEnd(false);
                    act({ type: 'end' });
                    onShowScorecard?.();
                  }}
                >
                  End and score
                </button>
                <button type="button" className="secondary" onClick={() => setConfirmEnd(false)}>
                  Keep going
                </button>
              </>
            ) : (
              <button
                type="button"
                className="secondary"
                data-testid="timer-end"
                disabled={!canControl}
                onClick={() => setConfirmEnd(true)}
              >
                End
              </button>
            )}
            <button
              type="button"
              className="icon"
              aria-pressed={muted}
              aria-label={muted ? 'Unmute the time-up sound' : 'Mute the time-up sound'}
              title={muted ? 'Sound off' : 'Sound on'}
              data-testid="timer-mute"
              onClick={() => {
                setBeepMuted(!muted);
                setMuted(!muted);
              }}
            >
              {muted ? <BellOff size={16} aria-hidden /> : <Bell size={16} aria-hidden />}
            </button>
          </fieldset>
        </>
      )}

      {view.status === 'ended' && (
        <>
          <span className="timer-idle" data-testid="timer-step">
            Interview ended · {formatMinutes(view.totalSpentSec)} of {formatMinutes(view.totalPlannedSec)}
          </span>
          <ProgressStrip steps={view.steps} live={false} />
          {onShowScorecard && (
            <button type="button" className="primary" data-testid="timer-scorecard" onClick={onShowScorecard}>
              Scorecard
            </button>
          )}
          <button
            type="button"
            className="secondary"
            data-testid="timer-start"
            disabled={!canControl}
            onClick={() => setStarting(true)}
          >
            New interview
          </button>
          <button
            type="button"
            className="secondary"
            data-testid="timer-reset"
            disabled={!canControl}
            onClick={() => act({ type: 'reset' })}
          >
            Close
          </button>
        </>
      )}

      {starting && (
        <StartInterviewDialog
          onClose={() => setStarting(false)}
          onStart={(durations, timeScale) => {
            setStarting(false);
            start(durations, timeScale);
          }}
          initial={state.status === 'idle' ? undefined : state.durations}
        />
      )}
    </section>
  );
}

import type { Replay, StepBoundary } from '@shared/interview/replay';
import { Pause, Play, SkipBack, SkipForward, StepBack, StepForward } from 'lucide-react';
import { SPEEDS, type Speed, type usePlayback } from './usePlayback';

export interface ReplayControlsProps {
  readonly replay: Replay;
  readonly playback: ReturnType<typeof usePlayback>;
  /** Entries applied at the current moment. */
  readonly count: number;
  readonly scoreChanges: readonly number[];
  readonly boundaries: readonly StepBoundary[];
}

const prevOf = (xs: readonly number[], t: number) => [...xs].reverse().find((x) => x < t);
const nextOf = (xs: readonly number[], t: number) => xs.find((x) => x > t);

/** Play/pause, speed, change by change, step boundaries, score changes, and the scrubber itself. */
export function ReplayControls({ replay, playback, count, scoreChanges, boundaries }: ReplayControlsProps) {
  const { t, seek } = playback;
  // A change is shown once its entry is applied: going to entry i means the moment of entry i - 1.
  const momentOf = (c: number) => (c <= 0 ? replay.start : replay.times[c - 1]!);
  const stepTimes = boundaries.map((b) => b.at);
  const scoreTimes = scoreChanges.map(momentOf);
  return (
    <div className="replay-controls">
      <div className="replay-buttons" role="toolbar" aria-label="Replay controls">
        {playback.playing ? (
          <button type="button" className="primary" data-testid="replay-pause" onClick={playback.pause}>
            <Pause size={14} /> Pause
          </button>
        ) : (
          <button type="button" className="primary" data-testid="replay-play" onClick={playback.play}>
            <Play size={14} /> Play
          </button>
        )}
        <fieldset className="replay-speed">
          <legend className="visually-hidden">Speed</legend>
          {SPEEDS.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="replay-speed"
                data-testid={`replay-speed-${s}`}
                checked={playback.speed === s}
                onChange={() => playback.setSpeed(s as Speed)}
              />
              {s}×
            </label>
          ))}
        </fieldset>
        <Jump id="prev-change" label="Change" back to={count > 0 ? momentOf(count - 1) : undefined} onSeek={seek} />
        <Jump id="next-change" label="Change" to={count < replay.length ? momentOf(count + 1) : undefined} onSeek={seek} />
        <Jump id="prev-step" label="Step" back to={prevOf(stepTimes, t)} onSeek={seek} />
        <Jump id="next-step" label="Step" to={nextOf(stepTimes, t)} onSeek={seek} />
        <Jump id="prev-score" label="Score change" back to={prevOf(scoreTimes, t)} onSeek={seek} />
        <Jump id="next-score" label="Score change" to={nextOf(scoreTimes, t)} onSeek={seek} />
      </div>
      <input
        type="range"
        className="replay-scrubber"
        aria-label="Moment of the interview"
        data-testid="replay-scrubber"
        min={replay.start}
        max={replay.end}
        step={1}
        value={Math.round(t)}
        onChange={(e) => {
          playback.pause();
          seek(Number(e.target.value));
        }}
      />
    </div>
  );
}

const TITLES: Record<string, string> = {
  'prev-change': 'Previous change',
  'next-change': 'Next change',
  'prev-step': 'Previous step boundary',
  'next-step': 'Next step boundary',
  'prev-score': 'Previous moment the score changed',
  'next-score': 'Next moment the score changed',
};

/** A button that goes to a moment, disabled when there is none that way. */
function Jump(props: { id: string; label: string; back?: boolean; to: number | undefined; onSeek: (t: number) => void }) {
  const { id, label, back, to, onSeek } = props;
  const single = id.endsWith('-change');
  const Icon = single ? (back ? StepBack : StepForward) : back ? SkipBack : SkipForward;
  return (
    <button
      type="button"
      className="secondary"
      data-testid={`replay-${id}`}
      title={TITLES[id]}
      disabled={to === undefined}
      onClick={() => to !== undefined && onSeek(to)}
    >
      {back && <Icon size={14} />} {label} {!back && <Icon size={14} />}
    </button>
  );
}

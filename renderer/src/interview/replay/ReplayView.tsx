import { STEP_IDS, STEPS } from '@shared/framework/steps';
import { formatClock } from '@shared/interview/format';
import { createReplay, type Replay } from '@shared/interview/replay';
import type { Timeline } from '@shared/interview/timeline';
import { timerView } from '@shared/interview/timerView';
import { useMemo } from 'react';
import type { ScoreFn } from '../scoring';
import { thumbnailOf } from '../thumbnail';
import { ReplayBoard } from './ReplayBoard';
import { ReplayControls } from './ReplayControls';
import { ScoreChart } from './ScoreChart';
import { usePlayback } from './usePlayback';
import { useScoreSeries } from './useScoreSeries';

export interface ReplayViewProps {
  readonly timeline: Timeline;
  readonly score?: ScoreFn;
}

/** Whether the recording runs to the end of the interview (the last boundary is then the end). */
const frameEnded = (replay: Replay) => replay.frameAt(replay.length).timer.status === 'ended';
const secondsSince = (start: number, at: number) => (at - start) / 1000;
const stepTitle = (id: string) => STEPS.find((s) => s.id === id)?.title ?? id;
const SHORT: Record<string, string> = {
  understand: 'Understand',
  scope: 'Scope',
  high_level: 'High level',
  deep_dive: 'Deep dive',
  bottlenecks: 'Bottlenecks',
};

/** Grows a viewBox about its centre to at least `w` × `h` board units. */
const atLeast = (viewBox: string, w: number, h: number) => {
  const [x, y, vw, vh] = viewBox.split(' ').map(Number) as [number, number, number, number];
  const W = Math.max(vw, w);
  const H = Math.max(vh, h);
  return `${x - (W - vw) / 2} ${y - (H - vh) / 2} ${W} ${H}`;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The read-only replay of one attempt: the board, the notes, the step, the
 * clock and the score as they were at the scrubber's moment; playback at
 * 1×/4×/16×; stepping change by change; jumps to step boundaries and score
 * changes; and the score over time under the scrubber (click to seek).
 */
export function ReplayView({ timeline, score }: ReplayViewProps) {
  const replay: Replay = useMemo(() => createReplay(timeline), [timeline]);
  const playback = usePlayback(replay.start, replay.end);
  const count = replay.countAt(playback.t);
  const frame = replay.frameAt(count);
  const series = useScoreSeries(replay, score);
  const result = useMemo(() => score?.(frame.board) ?? null, [score, frame.board]);
  const view = timerView(frame.timer, Math.max(frame.at, playback.t));
  const boundaries = replay.stepBoundaries();
  // One frame for every moment: the bounds of the biggest board shown in the whole interview (here: the end's),
  // never smaller than the pane, so two boxes show at about canvas size instead of blown up to fill it.
  const viewBox = useMemo(() => atLeast(thumbnailOf(replay.frameAt(replay.length).board).viewBox, 880, 390), [replay]);
  const participants = Object.values(timeline.participants);

  const sec = (at: number) => secondsSince(replay.start, at);
  const xs = useMemo(
    () => [...series.at.map((at) => secondsSince(replay.start, at)), secondsSince(replay.start, replay.end)],
    [series.at, replay],
  );
  const chartSeries = useMemo(
    () => [{ label: 'Score', colour: 'var(--accent)', values: [...series.percent, series.percent.at(-1) ?? null] }],
    [series.percent],
  );
  // Each step's name where it began; "End" where the interview ended.
  const markers = useMemo(
    () => [
      { x: 0, label: SHORT.understand! },
      ...boundaries.map((b, i) => {
        const next = STEP_IDS[STEP_IDS.indexOf(b.step) + 1];
        const end = i === boundaries.length - 1 && frameEnded(replay);
        return { x: secondsSince(replay.start, b.at), label: end || !next ? 'End' : SHORT[next]! };
      }),
    ],
    [boundaries, replay],
  );
  const range = useMemo(() => [0, Math.max(1, secondsSince(replay.start, replay.end))] as const, [replay]);

  const notes = STEPS.filter((s) => (frame.board.notes[s.id] ?? '').trim() !== '');
  return (
    <div className="replay-view" data-testid="replay-view">
      <div className="replay-status">
        <span data-testid="replay-step">{frame.timer.status === 'idle' ? 'Before the start' : view.current.title}</span>
        <span className="muted small">
          Interview clock <strong data-testid="replay-clock">{formatClock(view.totalSpentSec)}</strong> of{' '}
          {formatClock(view.totalPlannedSec)}
        </span>
        <span data-testid="replay-score" className="replay-score" data-band={result?.band}>
          {result ? `${result.percent}% · ${result.band}` : 'no rubric'}
        </span>
        <span className="muted small" data-testid="replay-components">
          {plural(frame.board.nodes.length, 'component', 'components')} ·{' '}
          {plural(frame.board.edges.length, 'connection', 'connections')}
        </span>
        {participants.length > 1 && (
          <ul className="replay-people" aria-label="Participants">
            {participants.map((p) => (
              <li key={p.name} data-testid="replay-participant" style={{ borderColor: p.colour }}>
                <span className="dot" style={{ background: p.colour }} /> {p.name}
                {p.role && <span className="muted small"> · {p.role}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="replay-main">
        <ReplayBoard board={frame.board} viewBox={viewBox} authors={frame.authors} participants={timeline.participants} />
        <aside className="replay-notes" aria-label="Notes at this moment" data-testid="replay-notes">
          {notes.length === 0 ? (
            <p className="muted small">No notes yet.</p>
          ) : (
            notes.map((s) => (
              <section key={s.id} data-current={s.id === view.current.id || undefined}>
                <h4>{stepTitle(s.id)}</h4>
                <p data-testid={`replay-notes-${s.id}`}>{frame.board.notes[s.id]}</p>
              </section>
            ))
          )}
        </aside>
      </div>
      <ReplayControls replay={replay} playback={playback} count={count} scoreChanges={series.changes} boundaries={boundaries} />
      <ScoreChart
        xs={xs}
        series={chartSeries}
        markers={markers}
        cursorX={sec(playback.t)}
        onSeek={(x) => playback.seek(replay.start + x * 1000)}
        range={range}
        formatX={(x) => formatClock(x)}
        label="Score over the interview; click to go to that moment"
        testId="replay-chart"
      />
      {!score && <p className="muted small">No rubric for this board: the chart marks the steps, with no score to draw.</p>}
      {score && !series.done && <p className="muted small">Scoring every moment…</p>}
    </div>
  );
}

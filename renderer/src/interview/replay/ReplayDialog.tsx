import type { Timeline } from '@shared/interview/timeline';
import type { Rubric } from '@shared/rubric';
import { useEffect, useMemo, useState } from 'react';
import { Modal } from '../../ui/Modal';
import { useHistoryService } from '../historyStore';
import { scorerFor } from '../scoring';
import { ReplayView } from './ReplayView';
import './replay.css';

export interface ReplayDialogProps {
  readonly attemptId: string;
  readonly title: string;
  /** The question's rubric (as it is now), to score the attempt; null for a free design. */
  readonly rubric: Rubric | null;
  readonly onClose: () => void;
}

/** Loads an attempt's replay from the history and shows it; says so plainly when none was kept. */
export function ReplayDialog({ attemptId, title, rubric, onClose }: ReplayDialogProps) {
  const history = useHistoryService();
  const score = useMemo(() => scorerFor(rubric), [rubric]);
  const [timeline, setTimeline] = useState<Timeline | null | 'loading'>('loading');
  useEffect(() => {
    let live = true;
    history.replay(attemptId).then(
      (t) => live && setTimeline(t),
      () => live && setTimeline(null),
    );
    return () => {
      live = false;
    };
  }, [history, attemptId]);
  return (
    <Modal title={`Replay · ${title}`} onClose={onClose} wide>
      {timeline === 'loading' ? (
        <p className="muted">Loading the replay…</p>
      ) : timeline === null ? (
        <p className="muted" data-testid="replay-missing">
          No replay was kept for this attempt (attempts from before replays were recorded have none).
        </p>
      ) : (
        <ReplayView timeline={timeline} score={score} />
      )}
    </Modal>
  );
}

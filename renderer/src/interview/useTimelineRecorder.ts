import { recordTimeline, type TimelineRecorder } from '@shared/interview/timeline';
import { useEffect } from 'react';
import { useBoardSession } from '../board/context';
import { localIdentity } from '../collab/presence';
import { useHistoryService } from './historyStore';
import { useTimerState } from './useTimer';

/** The stored timeline is rewritten this often while an attempt runs (and at each step change and the end). */
const SAVE_EVERY_MS = 3000;

/** Attempts this window recorded a timeline for, so the scorecard can say the attempt has a replay. */
const recordedHere = new Set<string>();
export const hasRecording = (attemptId: string | null): boolean => attemptId !== null && recordedHere.has(attemptId);

/**
 * Records the timeline of the running attempt (every peer records its own:
 * local and remote changes alike, with the names and colours of who made
 * them) and keeps it in the history store as it goes, so a reload or a crash
 * loses at most a few seconds of replay (and resuming adds what the doc got
 * meanwhile). Stops when the attempt ends, after a last save.
 */
export function useTimelineRecorder(): void {
  const { doc, collab } = useBoardSession();
  const timer = useTimerState();
  const service = useHistoryService();
  const live = timer.status === 'running' || timer.status === 'paused';
  const attemptId = live || timer.status === 'ended' ? timer.attemptId : null;
  const ended = timer.status === 'ended';

  useEffect(() => {
    if (attemptId === null || ended) return;
    let recorder: TimelineRecorder | null = null;
    let stopped = false;
    let dirty = false;
    let saving: Promise<void> = Promise.resolve();
    const save = () => {
      if (!recorder || !dirty) return saving;
      dirty = false;
      const t = recorder.timeline();
      saving = saving.then(() => service.saveReplay(t)).catch((err) => console.warn(`replay: ${String(err)}`));
      return saving;
    };
    const onUpdate = () => {
      dirty = true;
    };
    const identify = () => {
      if (!recorder) return;
      const self: { name: string; colour: string; role?: string } = collab ? collab.presence.self.getState() : localIdentity();
      recorder.setParticipant(doc.clientID, { name: self.name, colour: self.colour, ...(self.role && { role: self.role }) });
      for (const p of collab?.presence.peers.getState().peers ?? [])
        recorder.setParticipant(p.clientId, { name: p.name, colour: p.colour, role: p.role });
    };
    const unsubscribePeers = collab?.presence.peers.subscribe(identify);
    void service
      .replay(attemptId)
      .catch(() => null)
      .then((resume) => {
        if (stopped) return;
        recorder = recordTimeline(doc, { attemptId, now: Date.now, resume });
        recordedHere.add(attemptId);
        identify();
        dirty = true;
        void save();
        doc.on('update', onUpdate);
      });
    const interval = setInterval(() => void save(), SAVE_EVERY_MS);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      stopped = true;
      clearInterval(interval);
      unsubscribePeers?.();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      doc.off('update', onUpdate);
      if (recorder) {
        recorder.stop();
        dirty = true;
        void save();
      }
    };
  }, [doc, attemptId, ended, service, collab]);
}

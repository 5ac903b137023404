import type { Role } from '@shared/collab/roles';
import { type Policy, readPolicy } from '@shared/session/policy';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useBoardSession, useDocValue } from '../board/context';
import { toast } from '../ui/toasts';
import { rememberRole } from './joinFromLocation';

const samePolicy = (a: Policy, b: Policy) =>
  a.candidateSeesScore === b.candidateSeesScore && a.anyoneControlsTimer === b.anyoneControlsTimer && a.round === b.round;

const SOLO = createStore(() => ({ role: undefined as Role | undefined }));

/** This user's role in a live session (undefined when solo) and the host's policy for the session. */
export function useRole(): { role: Role | undefined; policy: Policy } {
  const { collab } = useBoardSession();
  const policy = useDocValue(readPolicy, samePolicy);
  const role = useStore(collab?.presence.self ?? SOLO, (s) => s.role);

  // "Swap roles" bumps the round; each participant flips candidate ↔ interviewer once per bump.
  const seenRound = useRef(policy.round);
  useEffect(() => {
    if (!collab || policy.round === seenRound.current) return;
    seenRound.current = policy.round;
    // A round number that arrives with the first sync is history, not a swap happening now.
    if (!collab.room.state.getState().synced) return;
    const me = collab.presence.self.getState().role;
    if (me === 'spectator') return;
    const next: Role = me === 'candidate' ? 'interviewer' : 'candidate';
    collab.presence.setIdentity({ role: next });
    rememberRole(collab.room.target.roomId, next);
    toast.info(`Round ${policy.round}: you are now the ${next}.`);
  }, [collab, policy.round]);
  return { role, policy };
}

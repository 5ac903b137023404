import type * as Y from 'yjs';
import { z } from 'zod';
import { boardRoots } from '../board/doc';

/**
 * What the host allows in a pair session. Stored in the session map so both
 * sides see the same rules; the UI enforces them (they protect the mock's
 * realism, not data: the server enforces only read-only spectators).
 */
export const policySchema = z.object({
  /** The candidate sees the live score and hints during the mock (otherwise only at the end). */
  candidateSeesScore: z.boolean(),
  /** Either participant may pause or advance the timer (otherwise only the interviewer). */
  anyoneControlsTimer: z.boolean(),
  /** Increments on "Swap roles": each participant flips candidate ↔ interviewer when it changes. */
  round: z.number().int().min(1),
});
export type Policy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: Policy = { candidateSeesScore: false, anyoneControlsTimer: true, round: 1 };

export const readPolicy = (doc: Y.Doc): Policy => {
  const r = policySchema.safeParse(boardRoots(doc).session.get('policy'));
  return r.success ? r.data : DEFAULT_POLICY;
};

export const writePolicy = (doc: Y.Doc, patch: Partial<Policy>, origin: unknown): void => {
  doc.transact(() => boardRoots(doc).session.set('policy', { ...readPolicy(doc), ...patch }), origin);
};

/** Whether scores and hints are visible to someone in `role` now. */
export const scoreVisible = (role: string | undefined, policy: Policy, interviewEnded: boolean): boolean =>
  role === undefined || role === 'interviewer' || interviewEnded || (role === 'candidate' && policy.candidateSeesScore);

import { buildJoinLink, type JoinTarget, type Parsed, parseJoinLink } from '@shared/collab/joinLink';
import { decodeShortCode } from '@shared/collab/shortCode';
import { enterRoom } from './enterRoom';

/** What a person pasted or typed in "Join": a join link or a short code. */
export const parseJoinInput = (text: string): Parsed<JoinTarget> => {
  const t = text.trim();
  return t.includes('#/join/') ? parseJoinLink(t) : decodeShortCode(t);
};

/**
 * Joins from the Join dialog the way hosting enters a room: the session is
 * swapped in place, never by navigating (the desktop window refuses that).
 * Returns the error to show, or null once joining has started.
 */
export const joinFromInput = (text: string): string | null => {
  const parsed = parseJoinInput(text);
  if (!parsed.ok) return parsed.error;
  enterRoom(buildJoinLink(parsed.value), parsed.value.roomId);
  return null;
};

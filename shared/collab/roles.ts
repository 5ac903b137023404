import { z } from 'zod';

/**
 * Who a participant is in a session. The token a participant holds is bound to
 * one role; the server lets candidates and interviewers write and treats
 * spectators as read-only, whatever their client does.
 */
export const ROLES = ['candidate', 'interviewer', 'spectator'] as const;
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

/** Whether the server accepts document updates from this role. */
export const canWrite = (role: Role): boolean => role !== 'spectator';

/** One letter per role, used inside tokens. */
export const ROLE_LETTERS: Readonly<Record<Role, string>> = { candidate: 'c', interviewer: 'i', spectator: 's' };

export const roleFromLetter = (letter: string): Role | undefined => ROLES.find((r) => ROLE_LETTERS[r] === letter);

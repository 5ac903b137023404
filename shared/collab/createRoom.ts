import { z } from 'zod';
import { roomCodesSchema } from './joinCode';
import { roomIdSchema } from './room';
import { tokenSchema } from './token';

/** The answer of `POST /rooms` on a sync server: a fresh room, one token per role, and (servers since join codes) one short code per role. */
export const createdRoomSchema = z.object({
  roomId: roomIdSchema,
  tokens: z.object({ candidate: tokenSchema, interviewer: tokenSchema, spectator: tokenSchema }),
  codes: roomCodesSchema.optional(),
});
export type CreatedRoom = z.infer<typeof createdRoomSchema>;

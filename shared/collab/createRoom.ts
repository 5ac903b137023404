import { z } from 'zod';
import { roomIdSchema } from './room';
import { tokenSchema } from './token';

/** The answer of `POST /rooms` on a sync server: a fresh room and one token per role. */
export const createdRoomSchema = z.object({
  roomId: roomIdSchema,
  tokens: z.object({ candidate: tokenSchema, interviewer: tokenSchema, spectator: tokenSchema }),
});
export type CreatedRoom = z.infer<typeof createdRoomSchema>;

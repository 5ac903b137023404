import { z } from 'zod';
import { roleSchema } from './roles';

/**
 * Presence: what each participant publishes through Yjs awareness (synced,
 * never saved, never in the doc). Peers' states arrive from the network, so
 * every reader validates them with `parsePresence` and ignores what fails.
 */

/** Presence is sent at most this often (25 Hz): smooth live drags, small traffic. */
export const PRESENCE_MIN_INTERVAL_MS = 40;

/** Caps keep one peer from flooding the others' memory through awareness. */
const MAX_IDS = 500;
const idSchema = z.string().min(1).max(100);

/** A point in flow coordinates (not screen pixels), so cursors line up at any zoom. */
export const flowPointSchema = z.object({ x: z.number(), y: z.number() });

export const presenceSchema = z.object({
  name: z.string().trim().min(1).max(40),
  /** `#rrggbb`, used for the cursor, the selection outline and the participant list. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  role: roleSchema,
  /** Null while the pointer is outside the canvas. */
  cursor: flowPointSchema.nullable(),
  selection: z.object({ nodes: z.array(idSchema).max(MAX_IDS), edges: z.array(idSchema).max(MAX_IDS) }),
  /**
   * Positions of the nodes this peer is dragging right now. A drag travels as
   * presence at ~25 Hz; the doc gets the final position once, at drag end.
   */
  drag: z
    .array(z.object({ id: idSchema, x: z.number(), y: z.number() }))
    .max(MAX_IDS)
    .nullable(),
  /** The flow-coordinate rectangle this peer sees, so a partner can "follow" them at any screen size. */
  view: z
    .object({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() })
    .nullable()
    .optional(),
});

export type Presence = z.infer<typeof presenceSchema>;
export type FlowPoint = z.infer<typeof flowPointSchema>;

/** A peer's presence, or null when the state is missing or malformed (a peer that has not said who it is yet). */
export const parsePresence = (state: unknown): Presence | null => {
  const r = presenceSchema.safeParse(state);
  return r.success ? r.data : null;
};

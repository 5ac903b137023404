import * as Y from 'yjs';
import { z } from 'zod';
import { boardRoots } from '../board/doc';
import { NODE_KINDS, PROTOCOLS } from '../board/kinds';
import type { Board } from '../board/types';
import { STEP_IDS, type StepId } from '../framework/steps';

/**
 * The board as it stood when a step was left, so the scorecard can show how
 * the design grew. Kept in `session.snapshots` (a Y.Array of plain JSON
 * objects): they sync to a partner and persist with the board. Each holds
 * only the Board JSON (no layout caches, no rendered images), a few KB.
 */
export interface StepSnapshot {
  /** The attempt it belongs to, so a partner's late push from an earlier run is ignored. */
  readonly attemptId: string;
  readonly stepId: StepId;
  /** Epoch ms when the step was left. */
  readonly at: number;
  readonly board: Board;
  /** The board's score (0–100) at that moment, when the caller could compute one. */
  readonly score?: number;
}

export const SNAPSHOTS_KEY = 'snapshots';

// zod 4's number() already rejects NaN and ±Infinity.
const finite = z.number();
const boardSchema = z.object({
  question: z.string().optional(),
  nodes: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.enum(NODE_KINDS),
      label: z.string().optional(),
      position: z.object({ x: finite, y: finite }),
      size: z.object({ width: finite, height: finite }).optional(),
    }),
  ),
  edges: z.array(
    z.looseObject({ id: z.string(), source: z.string(), target: z.string(), protocol: z.enum(PROTOCOLS).optional() }),
  ),
  notes: z.record(z.string(), z.string()),
});

const snapshotSchema = z.object({
  attemptId: z.string(),
  stepId: z.enum(STEP_IDS),
  at: finite,
  board: boardSchema,
  score: finite.optional(),
});

const snapshotArray = (doc: Y.Doc): Y.Array<unknown> | null => {
  const a = boardRoots(doc).session.get(SNAPSHOTS_KEY);
  return a instanceof Y.Array ? a : null;
};

/** Appends a snapshot; call inside the caller's transaction. */
export const pushSnapshot = (doc: Y.Doc, snapshot: StepSnapshot): void => {
  const session = boardRoots(doc).session;
  let arr = snapshotArray(doc);
  if (!arr) {
    arr = new Y.Array<unknown>();
    session.set(SNAPSHOTS_KEY, arr);
  }
  arr.push([snapshot]);
};

/**
 * Replaces the snapshots with an empty array (a new attempt starts); call
 * inside the caller's transaction. Creating the array here, once, means later
 * pushes from several peers land in the same array instead of racing to create it.
 */
export const clearSnapshots = (doc: Y.Doc): void => {
  boardRoots(doc).session.set(SNAPSHOTS_KEY, new Y.Array<unknown>());
};

/** The valid snapshots, in the order they were taken; malformed entries are skipped. Only `attemptId`'s when given. */
export const readSnapshots = (doc: Y.Doc, attemptId?: string | null): StepSnapshot[] => {
  const out: StepSnapshot[] = [];
  for (const item of snapshotArray(doc)?.toArray() ?? []) {
    const r = snapshotSchema.safeParse(item);
    if (r.success && (attemptId == null || r.data.attemptId === attemptId)) out.push(r.data as StepSnapshot);
  }
  return out;
};

/**
 * One snapshot per step, in step order: the last time the step was left.
 * (Going back and forth leaves a step several times; two peers pressing
 * Next together push twice. The latest is the one that counts.)
 */
export const latestPerStep = (snapshots: readonly StepSnapshot[]): StepSnapshot[] => {
  const latest = new Map<StepId, StepSnapshot>();
  for (const s of snapshots) {
    const prev = latest.get(s.stepId);
    if (!prev || s.at >= prev.at) latest.set(s.stepId, s);
  }
  return STEP_IDS.flatMap((id) => latest.get(id) ?? []);
};

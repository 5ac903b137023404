import * as Y from 'yjs';
import { boardRoots, readBoard } from '../board/doc';
import type { Board } from '../board/types';
import type { StepId } from '../framework/steps';
import { readSnapshots } from './snapshots';
import type { Timeline } from './timeline';
import type { TimerState } from './timer';
import { readTimer } from './timerDoc';

/**
 * Rebuilds the board of a recorded timeline at any moment, in docs of its
 * own: the live board is never read or written. A position in the timeline
 * is a count of applied entries (0 = the doc when the attempt started).
 *
 * Seeking forward applies the entries in between to a cursor doc; seeking
 * back restarts from the nearest checkpoint (the encoded state every
 * CHECKPOINT_EVERY entries, kept in memory as cursors pass them), so any
 * seek applies at most CHECKPOINT_EVERY entries to one checkpoint.
 */
export const CHECKPOINT_EVERY = 32;

/** The board at one moment of a replay, with who made each component and connection. */
export interface ReplayFrame {
  /** Entries applied. */
  readonly count: number;
  /** Epoch ms of this moment (the last applied entry, or the start). */
  readonly at: number;
  readonly board: Board;
  readonly timer: TimerState;
  /** Node and edge id → the Yjs client id that created it (look it up in `timeline.participants`). */
  readonly authors: Readonly<Record<string, number>>;
}

/** A moment the candidate left a step (next, back or end). */
export interface StepBoundary {
  readonly at: number;
  readonly step: StepId;
}

export interface ReplayCursor {
  /** The doc with the first `count` entries applied. Read it, never write to it. */
  docAt(count: number): Y.Doc;
  frameAt(count: number): ReplayFrame;
}

export interface Replay extends ReplayCursor {
  readonly timeline: Timeline;
  readonly start: number;
  readonly end: number;
  /** Entry times, ascending. */
  readonly times: readonly number[];
  readonly length: number;
  /** How many entries had happened at time `t` (binary search). */
  countAt(t: number): number;
  /** A second, independent cursor (for background work such as scoring every moment). */
  cursor(): ReplayCursor;
  /** When each step was left, from the snapshots the timer keeps. */
  stepBoundaries(): readonly StepBoundary[];
}

export function createReplay(timeline: Timeline): Replay {
  const times = timeline.entries.map((e) => e.at);
  const end = Math.max(timeline.startedAt, times.at(-1) ?? timeline.startedAt);
  /** checkpoints[k] = encoded state with k × CHECKPOINT_EVERY entries applied. */
  const checkpoints: Uint8Array[] = [timeline.base];

  const makeCursor = (): ReplayCursor => {
    let doc = new Y.Doc();
    Y.applyUpdate(doc, timeline.base);
    let at = 0;
    let frame: ReplayFrame | null = null;
    const docAt = (count: number): Y.Doc => {
      const target = Math.max(0, Math.min(timeline.entries.length, Math.floor(count)));
      if (target < at || target - at > CHECKPOINT_EVERY) {
        // Jump to the nearest checkpoint at or before target that exists; skipping ahead also builds the ones between.
        const k = Math.min(Math.floor(target / CHECKPOINT_EVERY), checkpoints.length - 1);
        if (target < at || k * CHECKPOINT_EVERY > at) {
          doc.destroy();
          doc = new Y.Doc();
          Y.applyUpdate(doc, checkpoints[k]!);
          at = k * CHECKPOINT_EVERY;
        }
      }
      while (at < target) {
        Y.applyUpdate(doc, timeline.entries[at]!.update);
        at++;
        if (at % CHECKPOINT_EVERY === 0 && checkpoints.length === at / CHECKPOINT_EVERY)
          checkpoints.push(Y.encodeStateAsUpdate(doc));
      }
      return doc;
    };
    return {
      docAt,
      frameAt(count) {
        const d = docAt(count);
        if (frame?.count === at) return frame;
        frame = {
          count: at,
          at: at === 0 ? timeline.startedAt : times[at - 1]!,
          board: readBoard(d),
          timer: readTimer(d),
          authors: authorsOf(d),
        };
        return frame;
      },
    };
  };

  const main = makeCursor();
  let boundaries: StepBoundary[] | null = null;
  return {
    timeline,
    start: timeline.startedAt,
    end,
    times,
    length: times.length,
    countAt: (t) => upperBound(times, t),
    docAt: main.docAt,
    frameAt: main.frameAt,
    cursor: makeCursor,
    stepBoundaries() {
      // The step change is recorded a moment after the snapshot's stamp: the boundary is that entry, so
      // going to it shows the new step already begun.
      boundaries ??= readSnapshots(makeCursor().docAt(times.length), timeline.attemptId).map((s) => ({
        at: times[lowerBound(times, s.at)] ?? s.at,
        step: s.stepId,
      }));
      return boundaries;
    },
  };
}

/** Index of the first element ≥ t. */
const lowerBound = (sorted: readonly number[], t: number): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Index of the first element greater than `t` = how many are ≤ t. */
const upperBound = (sorted: readonly number[], t: number): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * Who created each node and edge: the client id of the item that holds it in
 * its parent map (Yjs keeps the writer of every item; `_map` is how Y.Map
 * exposes its items).
 */
const authorsOf = (doc: Y.Doc): Record<string, number> => {
  const out: Record<string, number> = {};
  const { nodes, edges } = boardRoots(doc);
  for (const map of [nodes, edges]) for (const [id, item] of map._map) if (!item.deleted) out[id] = item.id.client;
  return out;
};

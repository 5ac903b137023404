import {
  addEdges,
  addNodes,
  createLocalOrigin,
  createUndoManager,
  deleteElements,
  type EdgePatch,
  type LocalOrigin,
  moveNodes,
  type NodePatch,
  replaceBoard,
  setNodeProp,
  setNotes,
  updateEdge,
  updateNode,
} from '@shared/board/doc';
import type { Board, BoardEdge, BoardNode, Point, PropValue } from '@shared/board/types';
import type { TimerAction } from '@shared/interview/timer';
import { type ApplyTimerOptions, applyTimer } from '@shared/interview/timerDoc';
import { clearFeedback, type FeedbackEntry, type FeedbackKey, writeFeedback } from '@shared/session/feedback';
import { type Policy, writePolicy } from '@shared/session/policy';
import type * as Y from 'yjs';

/**
 * The one gate every change to the board's doc goes through. Made where a
 * board session is opened, it owns this user's transaction origin (so undo
 * and observers tell local writes from a partner's), the undo history, and
 * the read-only decision: a spectator's editor changes nothing, whatever a
 * widget asks. Nothing else in the renderer writes to the doc (enforced by
 * the lint rule in biome.json and test/unit/board/writeGate.test.ts).
 *
 * Discrete edits (add, delete, connect, move, replace) each start a new undo
 * step; typing (labels, notes) merges within the undo manager's capture time.
 */
export interface BoardEditor {
  /** True for a spectator: every write below is refused. */
  readonly readOnly: boolean;
  /** Runs several writes as one transaction: one update on the wire, one undo step. */
  batch(fn: () => void): void;
  addNodes(nodes: readonly BoardNode[]): void;
  addEdges(edges: readonly BoardEdge[]): void;
  updateNode(id: string, patch: NodePatch): void;
  /** A rename in place: its own undo step, never merged with the add just before it. */
  rename(id: string, label: string): void;
  /** A drag's end: every moved node in one step. */
  moveNodes(positions: ReadonlyMap<string, Point>): void;
  setNodeProp(id: string, key: string, value: PropValue | undefined): void;
  updateEdge(id: string, patch: EdgePatch): void;
  deleteElements(ids: { readonly nodeIds?: readonly string[]; readonly edgeIds?: readonly string[] }): void;
  setNotes(step: string, text: string): void;
  /** New, Open, a room's seed: the whole board, and an empty undo history once the write is done. */
  replaceBoard(board: Board): void;
  timer(action: TimerAction, options?: ApplyTimerOptions): void;
  setPolicy(patch: Partial<Policy>): void;
  setFeedback(key: FeedbackKey, patch: Partial<FeedbackEntry>, author: string | undefined): void;
  clearFeedback(): void;
  undo(): void;
  redo(): void;
  /** What Undo and Redo would do now: nothing for a spectator, nor before this user's first edit. */
  history(): HistoryState;
  /** Subscribes to changes of `history()`; returns the unsubscribe function. */
  onHistory(listener: () => void): () => void;
  /** Subscribes to refused writes (a spectator tried to edit); returns the unsubscribe function. */
  onRefused(listener: () => void): () => void;
  /** For observers that must tell this user's transactions from a partner's. */
  isLocal(origin: unknown): boolean;
  /** Frees the undo manager's listeners on the doc. */
  destroy(): void;
}

/** Whether this user's own edits can be undone or redone (a partner's never are). */
export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false };

export interface EditorOptions {
  /** Names this user's origin (the doc's client id is unique per peer). */
  readonly user: string;
  readonly readOnly: boolean;
}

export const createBoardEditor = (doc: Y.Doc, { user, readOnly }: EditorOptions): BoardEditor => {
  const origin: LocalOrigin = createLocalOrigin(user);
  const history = createUndoManager(doc, origin);
  const refusedListeners = new Set<() => void>();
  let depth = 0;
  let clearHistoryAfter = false;
  // One object per state, so a React snapshot of it only changes when a button's state does.
  let historyState = NO_HISTORY;
  const readHistory = (): HistoryState => {
    const canUndo = !readOnly && history.canUndo();
    const canRedo = !readOnly && history.canRedo();
    if (canUndo !== historyState.canUndo || canRedo !== historyState.canRedo) historyState = { canUndo, canRedo };
    return historyState;
  };

  /** Every write ends up here: refused when read-only, else one transaction with our origin. */
  const write = (fn: () => void, newStep = false): void => {
    if (readOnly) {
      for (const l of refusedListeners) l();
      return;
    }
    if (newStep && depth === 0) history.stopCapturing();
    depth++;
    try {
      doc.transact(fn, origin);
    } finally {
      depth--;
    }
    // The undo manager records a transaction when it ends: clearing inside a batch would keep it.
    if (depth === 0 && clearHistoryAfter) {
      clearHistoryAfter = false;
      history.clear();
    }
  };

  return {
    readOnly,
    batch: (fn) => write(fn, true),
    addNodes: (nodes) => write(() => addNodes(doc, nodes, origin), true),
    addEdges: (edges) => write(() => addEdges(doc, edges, origin), true),
    updateNode: (id, patch) => write(() => updateNode(doc, id, patch, origin), patch.label === undefined),
    rename: (id, label) => write(() => updateNode(doc, id, { label }, origin), true),
    moveNodes: (positions) => write(() => moveNodes(doc, positions, origin), true),
    setNodeProp: (id, key, value) => write(() => setNodeProp(doc, id, key, value, origin)),
    updateEdge: (id, patch) => write(() => updateEdge(doc, id, patch, origin), patch.label === undefined),
    deleteElements: (ids) => write(() => deleteElements(doc, ids, origin), true),
    setNotes: (step, text) => write(() => setNotes(doc, step, text, origin)),
    replaceBoard: (board) =>
      write(() => {
        replaceBoard(doc, board, origin);
        clearHistoryAfter = true;
      }, true),
    timer: (action, options) => write(() => void applyTimer(doc, action, Date.now(), origin, options)),
    setPolicy: (patch) => write(() => writePolicy(doc, patch, origin)),
    setFeedback: (key, patch, author) => write(() => writeFeedback(doc, key, patch, author, origin)),
    clearFeedback: () => write(() => clearFeedback(doc, origin)),
    undo: () => {
      if (!readOnly) history.undo();
    },
    redo: () => {
      if (!readOnly) history.redo();
    },
    history: readHistory,
    onHistory: (listener) => {
      // A new edit empties the redo stack without an event of its own: it comes with stack-item-added.
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const e of events) history.on(e, listener);
      return () => {
        for (const e of events) history.off(e, listener);
      };
    },
    onRefused: (listener) => {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    isLocal: (o) => o === origin,
    destroy: () => history.destroy(),
  };
};

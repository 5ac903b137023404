import { createStore } from 'zustand/vanilla';

/** Local, never-synced UI state of one open board (tldraw's "session" scope). */
export interface EditorState {
  /** Selected node and edge ids. */
  readonly selectedNodeIds: ReadonlySet<string>;
  readonly selectedEdgeIds: ReadonlySet<string>;
  /** Elements to flash/outline, e.g. the evidence of a rule clicked in the score panel. */
  readonly highlightedIds: ReadonlySet<string>;
  /** Replaces the selection (and pans the canvas to it when `reveal` is set). */
  select(ids: { readonly nodeIds?: readonly string[]; readonly edgeIds?: readonly string[] }, reveal?: boolean): void;
  highlight(ids: readonly string[]): void;
  /** Set by the canvas: pans/zooms to show the given nodes. */
  revealRequest: { readonly nodeIds: readonly string[]; readonly seq: number } | null;
  /** Asks the canvas to fit the whole board (after New or Open); the number changes each time. */
  readonly fitRequest: number;
  requestFit(): void;
  /** The node whose label is being edited in place (F2, Enter, double-click), if any. */
  readonly editingId: string | null;
  startEditing(id: string): void;
  stopEditing(): void;
}

export const createEditorStore = () =>
  createStore<EditorState>()((set, get) => ({
    selectedNodeIds: new Set(),
    selectedEdgeIds: new Set(),
    highlightedIds: new Set(),
    revealRequest: null,
    fitRequest: 0,
    requestFit: () => set({ fitRequest: get().fitRequest + 1 }),
    editingId: null,
    startEditing: (id) => set({ editingId: id }),
    stopEditing: () => set({ editingId: null }),
    select: (ids, reveal) =>
      set({
        selectedNodeIds: new Set(ids.nodeIds ?? []),
        selectedEdgeIds: new Set(ids.edgeIds ?? []),
        ...(reveal && { revealRequest: { nodeIds: ids.nodeIds ?? [], seq: (get().revealRequest?.seq ?? 0) + 1 } }),
      }),
    highlight: (ids) => set({ highlightedIds: new Set(ids) }),
  }));

import { newId, readBoard } from '@shared/board/doc';
import type { NodeKind } from '@shared/board/kinds';
import type { BoardNode } from '@shared/board/types';
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useBoardSession } from '../board/context';
import { cloneFragment, type Fragment, fragmentOf } from './clipboard';
import { fitBoard } from './fitBoard';
import { type Box, freeSpot } from './placement';
import { canvasPointer } from './pointer';
import { DEFAULT_SIZE } from './toFlow';

/** The last copied fragment; module-level so copy in one board pastes into the next. */
let clipboard: Fragment | null = null;
let pasteCount = 0;

const COMPONENT_SIZE = { width: 176, height: 56 };

export const newNode = (kind: NodeKind, center: { x: number; y: number }): BoardNode => {
  const size = sizeOf(kind);
  return {
    id: newId(kind === 'text' || kind === 'group' ? kind : 'n'),
    kind,
    // Snap to the 16 px grid so clicked-in components line up.
    position: { x: Math.round((center.x - size.width / 2) / 16) * 16, y: Math.round((center.y - size.height / 2) / 16) * 16 },
    ...(kind === 'text' ? { label: '', size } : kind === 'group' ? { label: 'Group', size } : {}),
  };
};

/** Editing commands shared by the palette, keyboard shortcuts, menus and toolbar; every write goes through the editor. */
export function useEditorCommands() {
  const { doc, editor, store } = useBoardSession();
  const flow = useReactFlow();
  return useMemo(() => {
    const viewportCenter = () => {
      const el = document.querySelector('.react-flow');
      const rect = el?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    };
    /** Boxes a new node of `kind` must keep clear of: components never land inside a frame's title or on a note. */
    const obstacles = (kind: NodeKind): Box[] =>
      flow
        .getNodes()
        .filter((n) => kind === 'group' || kind === 'text' || n.type !== 'group')
        .map((n) => ({
          x: n.position.x,
          y: n.position.y,
          width: n.measured?.width ?? n.width ?? COMPONENT_SIZE.width,
          height: n.measured?.height ?? n.height ?? COMPONENT_SIZE.height,
        }));
    const selectOnly = (nodeIds: string[], edgeIds: string[] = []) => store.getState().select({ nodeIds, edgeIds });
    /** With `at` (a drop), exactly there; else at the pointer over the canvas or the centre, nudged to the nearest free spot. */
    const add = (kind: NodeKind, at?: { x: number; y: number }) => {
      if (editor.readOnly) return null;
      let node = newNode(kind, at ?? flow.screenToFlowPosition(canvasPointer.current ?? viewportCenter()));
      if (!at) node = { ...node, position: freeSpot(centreOf(node), sizeOf(kind), obstacles(kind)) };
      editor.addNodes([node]);
      selectOnly([node.id]);
      return node.id;
    };
    const selectedFragment = () => {
      const board = readBoard(doc);
      return fragmentOf(board.nodes, board.edges, store.getState().selectedNodeIds);
    };
    const paste = (fragment: Fragment | null) => {
      if (editor.readOnly || !fragment || fragment.nodes.length === 0) return;
      pasteCount++;
      const copy = cloneFragment(fragment, { x: 32 * pasteCount, y: 32 * pasteCount });
      editor.batch(() => {
        editor.addNodes(copy.nodes);
        editor.addEdges(copy.edges);
      });
      selectOnly(
        copy.nodes.map((n) => n.id),
        copy.edges.map((e) => e.id),
      );
    };
    const deleteSelection = () => {
      const { selectedNodeIds, selectedEdgeIds } = store.getState();
      editor.deleteElements({ nodeIds: [...selectedNodeIds], edgeIds: [...selectedEdgeIds] });
    };
    return {
      add,
      copy: () => {
        clipboard = selectedFragment();
        pasteCount = 0;
        return clipboard.nodes.length;
      },
      cut: () => {
        if (editor.readOnly) return;
        clipboard = selectedFragment();
        pasteCount = 0;
        deleteSelection();
      },
      paste: () => paste(clipboard),
      duplicate: () => {
        pasteCount = 0;
        paste(selectedFragment());
      },
      selectAll: () => {
        const board = readBoard(doc);
        selectOnly(
          board.nodes.map((n) => n.id),
          board.edges.map((e) => e.id),
        );
      },
      deleteSelection,
      /** Starts renaming the one selected node in place (F2, Enter). */
      rename: () => {
        const { selectedNodeIds } = store.getState();
        if (editor.readOnly || selectedNodeIds.size !== 1) return false;
        store.getState().startEditing([...selectedNodeIds][0]!);
        return true;
      },
      undo: () => editor.undo(),
      redo: () => editor.redo(),
      zoomIn: () => flow.zoomIn({ duration: 150 }),
      zoomOut: () => flow.zoomOut({ duration: 150 }),
      fit: () => fitBoard(flow, { padding: 0.15, duration: 200 }),
    };
  }, [doc, editor, store, flow]);
}

const sizeOf = (kind: NodeKind) => (kind === 'text' || kind === 'group' ? DEFAULT_SIZE[kind] : COMPONENT_SIZE);
const centreOf = (n: BoardNode) => {
  const size = sizeOf(n.kind);
  return { x: n.position.x + size.width / 2, y: n.position.y + size.height / 2 };
};

export type EditorCommands = ReturnType<typeof useEditorCommands>;

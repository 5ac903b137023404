import { addEdges, addNodes, newId, readBoard } from '@shared/board/doc';
import type { NodeKind } from '@shared/board/kinds';
import type { BoardNode } from '@shared/board/types';
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useBoardSession } from '../board/context';
import { cloneFragment, type Fragment, fragmentOf } from './clipboard';
import { DEFAULT_SIZE } from './toFlow';

/** The last copied fragment; module-level so copy in one board pastes into the next. */
let clipboard: Fragment | null = null;
let pasteCount = 0;

const COMPONENT_SIZE = { width: 176, height: 56 };

export const newNode = (kind: NodeKind, center: { x: number; y: number }): BoardNode => {
  const size = kind === 'text' || kind === 'group' ? DEFAULT_SIZE[kind] : COMPONENT_SIZE;
  return {
    id: newId(kind === 'text' || kind === 'group' ? kind : 'n'),
    kind,
    // Snap to the 16 px grid so clicked-in components line up.
    position: { x: Math.round((center.x - size.width / 2) / 16) * 16, y: Math.round((center.y - size.height / 2) / 16) * 16 },
    ...(kind === 'text' ? { label: '', size } : kind === 'group' ? { label: 'Group', size } : {}),
  };
};

/** Editing commands shared by the palette, keyboard shortcuts, menus and toolbar. */
export function useEditorCommands() {
  const { doc, origin, undo, store } = useBoardSession();
  const flow = useReactFlow();
  return useMemo(() => {
    const viewportCenter = () => {
      const el = document.querySelector('.react-flow');
      const rect = el?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
      return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    };
    const selectOnly = (nodeIds: string[], edgeIds: string[] = []) => store.getState().select({ nodeIds, edgeIds });
    const add = (kind: NodeKind, at?: { x: number; y: number }) => {
      const node = newNode(kind, at ?? viewportCenter());
      undo.stopCapturing();
      addNodes(doc, [node], origin);
      selectOnly([node.id]);
      return node.id;
    };
    const selectedFragment = () => {
      const board = readBoard(doc);
      return fragmentOf(board.nodes, board.edges, store.getState().selectedNodeIds);
    };
    const paste = (fragment: Fragment | null) => {
      if (!fragment || fragment.nodes.length === 0) return;
      pasteCount++;
      const copy = cloneFragment(fragment, { x: 32 * pasteCount, y: 32 * pasteCount });
      undo.stopCapturing();
      doc.transact(() => {
        addNodes(doc, copy.nodes, origin);
        addEdges(doc, copy.edges, origin);
      }, origin);
      selectOnly(
        copy.nodes.map((n) => n.id),
        copy.edges.map((e) => e.id),
      );
    };
    return {
      add,
      copy: () => {
        clipboard = selectedFragment();
        pasteCount = 0;
        return clipboard.nodes.length;
      },
      cut: () => {
        clipboard = selectedFragment();
        pasteCount = 0;
        const { selectedNodeIds, selectedEdgeIds } = store.getState();
        flow.deleteElements({
          nodes: [...selectedNodeIds].map((id) => ({ id })),
          edges: [...selectedEdgeIds].map((id) => ({ id })),
        });
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
      deleteSelection: () => {
        const { selectedNodeIds, selectedEdgeIds } = store.getState();
        flow.deleteElements({
          nodes: [...selectedNodeIds].map((id) => ({ id })),
          edges: [...selectedEdgeIds].map((id) => ({ id })),
        });
      },
      undo: () => undo.undo(),
      redo: () => undo.redo(),
      zoomIn: () => flow.zoomIn({ duration: 150 }),
      zoomOut: () => flow.zoomOut({ duration: 150 }),
      fit: () => flow.fitView({ padding: 0.15, duration: 200 }),
    };
  }, [doc, origin, undo, store, flow]);
}

export type EditorCommands = ReturnType<typeof useEditorCommands>;

import { newId } from '@shared/board/doc';
import { isNodeKind } from '@shared/board/kinds';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  type DefaultEdgeOptions,
  type FitViewOptions,
  type OnConnect,
  type OnNodeDrag,
  type ProOptions,
  useStore as useFlowStore,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useBoardSession } from '../board/context';
import { RemoteCursors } from '../collab/RemoteCursors';
import { useCollabCanvas } from '../collab/useCollabCanvas';
import { BoardMinimap } from './BoardMinimap';
import { BoundFlow } from './BoundFlow';
import { ComponentNode } from './ComponentNode';
import { EdgeMarkers } from './EdgeMarkers';
import { fitBoard } from './fitBoard';
import { FlowBinding } from './flowBinding';
import { GroupNode } from './GroupNode';
import { type FrameDrag, passengerPositions, startFrameDrag } from './groups';
import { ProtocolEdge } from './ProtocolEdge';
import { ProtocolLegend } from './ProtocolLegend';
import { canvasPointer } from './pointer';
import { TextNode } from './TextNode';
import type { FlowNode } from './toFlow';
import { useEditorCommands } from './useEditorCommands';

/** Stable across renders, as React Flow's performance guide asks. */
const nodeTypes = { component: ComponentNode, text: TextNode, group: GroupNode };
const edgeTypes = { protocol: ProtocolEdge };
const defaultEdgeOptions: DefaultEdgeOptions = { type: 'protocol' };
const SNAP: [number, number] = [16, 16];
/*
 * React Flow copies most props into its store, one setState per prop whose
 * identity changed, and every setState runs every store subscriber (thousands
 * at 600 nodes: node wrappers, handles, edges). The canvas re-renders
 * whenever its own state does (selection, zoom level of detail), so objects
 * and handlers passed to <ReactFlow> must keep their identity across renders.
 */
const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.2, maxZoom: 1 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS: ProOptions = { hideAttribution: true };
/**
 * Below this zoom, labels are a few pixels tall and unreadable: components
 * drop their icon and kind line (CSS, one class on the canvas), which also
 * halves the browser's paint work per drag frame on large boards.
 */
const SIMPLIFY_BELOW_ZOOM = 0.4;
const zoomedOut = (s: { transform: [number, number, number] }) => s.transform[2] < SIMPLIFY_BELOW_ZOOM;
/** An empty board's minimap is a blank box that reads as something broken: it appears with the first component. */
const hasNodes = (s: { nodes: readonly unknown[] }) => s.nodes.length > 0;

export const PALETTE_MIME = 'application/x-archdrill-kind';

interface CanvasProps {
  readonly snapToGrid: boolean;
  readonly colorMode: 'light' | 'dark';
  readonly showMinimap?: boolean;
  /** Extra layers (remote cursors) rendered inside React Flow. */
  readonly children?: React.ReactNode;
  /** Simplify components when zoomed out (SIMPLIFY_BELOW_ZOOM); the canvas bench turns it off to measure full detail. */
  readonly levelOfDetail?: boolean;
}

/** The board canvas: React Flow bound to the session's Y.Doc through FlowBinding. */
export function Canvas({ snapToGrid, colorMode, showMinimap = true, children, levelOfDetail = true }: CanvasProps) {
  const { doc, editor, store, collab } = useBoardSession();
  // Spectators look but do not touch (the editor refuses their writes; the server drops them as well).
  const readOnly = editor.readOnly;
  const flow = useReactFlow();
  const commands = useEditorCommands();
  const binding = useMemo(
    () =>
      new FlowBinding(doc, editor, (sel) => {
        const s = store.getState();
        if (!sameSet(s.selectedNodeIds, sel.nodeIds) || !sameSet(s.selectedEdgeIds, sel.edgeIds))
          store.setState({ selectedNodeIds: sel.nodeIds, selectedEdgeIds: sel.edgeIds });
      }),
    [doc, editor, store],
  );
  const live = useCollabCanvas(binding);
  const simplified = useFlowStore(zoomedOut) && levelOfDetail;
  const minimap = useFlowStore(hasNodes) && showMinimap;
  // Components inside a dragged frame travel with it.
  const frameDrag = useRef<FrameDrag | null>(null);
  const withPassengers = useCallback(
    (dragged: FlowNode[]) => {
      const fd = frameDrag.current;
      if (!fd) return dragged.map((n) => ({ id: n.id, position: n.position }));
      const moved = passengerPositions(fd, dragged);
      binding.moveLocal(moved);
      return [
        ...dragged.map((n) => ({ id: n.id, position: n.position })),
        ...[...moved].map(([id, position]) => ({ id, position })),
      ];
    },
    [binding],
  );
  // Fit once on open when there is something to show; fitting an empty board would jump to the first drop.
  const [fitOnOpen] = useState(() => binding.getNodes().length > 0);

  // Selection made outside the canvas (score panel, paste, select all) flows in here.
  const selectedNodeIds = useStore(store, (s) => s.selectedNodeIds);
  const selectedEdgeIds = useStore(store, (s) => s.selectedEdgeIds);
  useEffect(
    () => binding.setSelection({ nodeIds: selectedNodeIds, edgeIds: selectedEdgeIds }),
    [binding, selectedNodeIds, selectedEdgeIds],
  );
  const fitRequest = useStore(store, (s) => s.fitRequest);
  useEffect(() => {
    if (fitRequest === 0) return;
    // Two frames: React Flow measures the nodes it just received (ResizeObserver) after the first layout.
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => void fitBoard(flow, { padding: 0.15, maxZoom: 1, duration: 200 }));
    });
    return () => cancelAnimationFrame(id);
  }, [fitRequest, flow]);
  const reveal = useStore(store, (s) => s.revealRequest);
  useEffect(() => {
    if (reveal && reveal.nodeIds.length > 0)
      flow.fitView({ nodes: reveal.nodeIds.map((id) => ({ id })), padding: 0.4, duration: 250, maxZoom: 1.2 });
  }, [reveal, flow]);

  const onConnect: OnConnect = useCallback(
    (c) => {
      if (!c.source || !c.target || c.source === c.target) return;
      const id = newId('e');
      editor.addEdges([{ id, source: c.source, target: c.target }]);
      if (!editor.readOnly) store.getState().select({ edgeIds: [id] });
    },
    [editor, store],
  );

  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback(
    (_e, _n, dragged) => {
      frameDrag.current = startFrameDrag(dragged, binding.getNodes());
    },
    [binding],
  );
  const onNodeDrag: OnNodeDrag<FlowNode> = useCallback(
    (_e, _n, dragged) => live.onNodeDrag(withPassengers(dragged)),
    [live, withPassengers],
  );
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_e, _n, dragged) => {
      binding.commitPositions(withPassengers(dragged));
      frameDrag.current = null;
      live.onDragEnd();
    },
    [binding, withPassengers, live],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (readOnly || !isNodeKind(kind)) return;
      e.preventDefault();
      commands.add(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [commands, flow, readOnly],
  );

  return (
    <div
      className={simplified ? 'canvas zoomed-out' : 'canvas'}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerMove={(e) => {
        canvasPointer.current = { x: e.clientX, y: e.clientY };
        live.onPointerMove(e);
      }}
      onPointerLeave={() => {
        canvasPointer.current = null;
        live.onPointerLeave();
      }}
      data-testid="canvas"
      // Where focus goes when what had it goes away (a closed dialog's opener), so shortcuts still reach the board.
      data-focus-home
      tabIndex={-1}
    >
      <BoundFlow
        binding={binding}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={binding.onNodesChange}
        onEdgesChange={binding.onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Strict}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        colorMode={colorMode}
        // Delete and Backspace are commands of the page (shortcuts.ts), like every other key.
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        // A selected frame raised above its components would cover them (and their clicks).
        elevateNodesOnSelect={false}
        minZoom={0.1}
        maxZoom={3}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        proOptions={PRO_OPTIONS}
        onlyRenderVisibleElements={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
        {minimap && <BoardMinimap colorMode={colorMode} />}
        <Controls showInteractive={false} />
        <ProtocolLegend />
        <EdgeMarkers />
        {collab && <RemoteCursors presence={collab.presence} />}
        {children}
      </BoundFlow>
    </div>
  );
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

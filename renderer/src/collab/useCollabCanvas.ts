import type { Point } from '@shared/board/types';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useBoardSession } from '../board/context';
import type { FlowBinding } from '../canvas/flowBinding';
import { throttle } from './throttle';

/**
 * Wires the canvas to presence: publishes this user's cursor, selection, live
 * drag and visible area; shows partners' drags and selections through the binding.
 * Returns no-op handlers for a solo board.
 */
export function useCollabCanvas(binding: FlowBinding) {
  const { collab, store } = useBoardSession();
  const flow = useReactFlow();
  const rf = useStoreApi();
  const presence = collab?.presence;

  // Partners' live drags and selections → the binding.
  useEffect(() => {
    if (!presence) return;
    const apply = () => {
      const drags = new Map<string, Point>();
      const selection = new Map<string, string>();
      for (const p of presence.peers.getState().peers) {
        for (const d of p.drag ?? []) drags.set(d.id, { x: d.x, y: d.y });
        for (const id of p.selection.nodes) selection.set(id, p.colour);
      }
      binding.setRemotePresence(drags, selection);
    };
    apply();
    return presence.peers.subscribe(apply);
  }, [presence, binding]);

  // Own selection → presence.
  const selectedNodes = useStore(store, (s) => s.selectedNodeIds);
  const selectedEdges = useStore(store, (s) => s.selectedEdgeIds);
  useEffect(() => presence?.setSelection([...selectedNodes], [...selectedEdges]), [presence, selectedNodes, selectedEdges]);

  // Own visible area → presence, so partners can follow.
  useEffect(() => {
    if (!presence) return;
    let last = '';
    const publish = throttle(() => {
      const { transform, width, height } = rf.getState();
      const [tx, ty, zoom] = transform;
      const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
      const key = `${transform.join()}|${width}|${height}`;
      // The store changes on every drag frame; the view only when panned, zoomed or resized.
      if (key === last || view.width <= 0 || view.height <= 0) return;
      last = key;
      presence.setView(view);
    }, 200);
    publish();
    return rf.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) publish();
    });
  }, [presence, rf]);

  return useMemo(
    () => ({
      onPointerMove: (e: PointerEvent) => presence?.setCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })),
      onPointerLeave: () => presence?.setCursor(null),
      onNodeDrag: (dragged: readonly { id: string; position: Point }[]) =>
        presence?.setDrag(dragged.map((n) => ({ id: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) }))),
      onDragEnd: () => presence?.setDrag(null),
    }),
    [presence, flow],
  );
}

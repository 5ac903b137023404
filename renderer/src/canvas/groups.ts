import type { Point } from '@shared/board/types';
import type { FlowNode } from './toFlow';

const sizeOf = (n: FlowNode) => ({
  width: n.measured?.width ?? n.width ?? 0,
  height: n.measured?.height ?? n.height ?? 0,
});

/**
 * Nodes lying wholly inside a group frame: they travel with the frame when it
 * is dragged, as they would in a drawing tool. Frames never carry other frames.
 */
export const containedNodes = (frame: FlowNode, nodes: readonly FlowNode[]): FlowNode[] => {
  const f = { ...frame.position, ...sizeOf(frame) };
  return nodes.filter((n) => {
    if (n.id === frame.id || n.type === 'group') return false;
    const s = sizeOf(n);
    return (
      n.position.x >= f.x &&
      n.position.y >= f.y &&
      n.position.x + s.width <= f.x + f.width &&
      n.position.y + s.height <= f.y + f.height
    );
  });
};

/** What a frame drag carries along: each passenger's start position and the frame it follows. */
export interface FrameDrag {
  readonly frames: ReadonlyMap<string, Point>;
  readonly passengers: ReadonlyMap<string, { readonly frame: string; readonly start: Point }>;
}

export const startFrameDrag = (dragged: readonly FlowNode[], all: readonly FlowNode[]): FrameDrag | null => {
  const draggedIds = new Set(dragged.map((n) => n.id));
  const frames = new Map<string, Point>();
  const passengers = new Map<string, { frame: string; start: Point }>();
  for (const frame of dragged) {
    if (frame.type !== 'group') continue;
    frames.set(frame.id, frame.position);
    for (const n of containedNodes(frame, all)) {
      if (!draggedIds.has(n.id) && !passengers.has(n.id)) passengers.set(n.id, { frame: frame.id, start: n.position });
    }
  }
  return passengers.size > 0 ? { frames, passengers } : null;
};

/** Where each passenger is now, given where its frame has moved. */
export const passengerPositions = (drag: FrameDrag, dragged: readonly FlowNode[]): Map<string, Point> => {
  const now = new Map(dragged.map((n) => [n.id, n.position]));
  const out = new Map<string, Point>();
  for (const [id, { frame, start }] of drag.passengers) {
    const from = drag.frames.get(frame);
    const to = now.get(frame);
    if (from && to) out.set(id, { x: start.x + to.x - from.x, y: start.y + to.y - from.y });
  }
  return out;
};

import { type Box, floatingEndpoints as endpointsOf } from '@shared/export/edgeLayout';
import type { InternalNode } from '@xyflow/react';

/** A React Flow node's box in flow coordinates, as measured on the page. */
export const boxOf = (n: InternalNode): Box => ({
  x: n.internals.positionAbsolute.x,
  y: n.internals.positionAbsolute.y,
  width: n.measured.width ?? n.width ?? 0,
  height: n.measured.height ?? n.height ?? 0,
});

/**
 * Floating-edge endpoints between two React Flow nodes: the same geometry the
 * exported pictures use (shared/export/edgeLayout.ts), on the measured boxes.
 */
export const floatingEndpoints = (source: InternalNode, target: InternalNode) => endpointsOf(boxOf(source), boxOf(target));

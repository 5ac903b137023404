import type { FitViewOptions, ReactFlowInstance } from '@xyflow/react';

/**
 * Fits the view to the board, if it has anything on it. React Flow keeps a fit asked of an
 * empty board queued and runs it when the first component is measured: the view would slide
 * away from the spot the person just dropped it on.
 */
export const fitBoard = (flow: ReactFlowInstance, options: FitViewOptions) =>
  flow.getNodes().length > 0 ? flow.fitView(options) : Promise.resolve(false);

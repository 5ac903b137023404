import { z } from 'zod';
import { edgesBetween } from '../graph';
import { describeSelector, protocolSchema, selectorSchema } from '../selector';
import { defineCheck } from '../types';

/** Passes when a direct edge goes from a `from` component to a `to` component (of `protocol`, if given). */
export const edgeExists = defineCheck({
  type: 'edge-exists',
  meta: {
    reads: 'drawing',
    description: 'A direct edge connects a component matching `from` to one matching `to`, optionally with a protocol.',
    options: z.strictObject({ from: selectorSchema, to: selectorSchema, protocol: protocolSchema }),
  },
  evaluate: (graph, { from, to, protocol }) => {
    const edges = edgesBetween(graph, from, to, protocol);
    const nodeIds = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const arrow = `${describeSelector(from)} → ${describeSelector(to)}${protocol ? ` (${[protocol].flat().join('/')})` : ''}`;
    return {
      passed: edges.length > 0,
      evidence: { nodeIds, edgeIds: edges.map((e) => e.id), notes: [] },
      note: edges.length > 0 ? `${edges.length} edge${edges.length === 1 ? '' : 's'} ${arrow}` : `no edge ${arrow}`,
    };
  },
});

import { z } from 'zod';
import type { BoardGraph } from '../graph';
import { selectIndices } from '../graph';
import { instancesIn } from '../redundancy';
import { selectorSchema } from '../selector';
import { defineCheck } from '../types';

/** Node numbers reachable from `starts` along flow edges without entering `blocked` (-1: none), as marks. */
const reach = (graph: BoardGraph, starts: readonly number[], blocked: number): Uint8Array => {
  const { flowTarget, outStart, outOrder } = graph;
  const seen = new Uint8Array(graph.nodes.length);
  const queue = new Int32Array(graph.nodes.length);
  let tail = 0;
  for (const s of starts)
    if (!seen[s]) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  for (let head = 0; head < tail; head++) {
    const n = queue[head]!;
    for (let k = outStart[n]!; k < outStart[n + 1]!; k++) {
      const t = flowTarget[outOrder[k]!]!;
      if (t !== blocked && !seen[t]) {
        seen[t] = 1;
        queue[tail++] = t;
      }
    }
  }
  return seen;
};

/** Checking each candidate costs a search; past this many, the first ones on the way in are checked. */
const MAX_CANDIDATES = 8;

/**
 * An anti-pattern detector for a rule's `flaw`: passes when one instance is
 * the only way in — a component matching `select` (by default the entry
 * tier) with a single instance (inspector, label or notes) that every path
 * from the clients to the `to` components (by default the servers) passes
 * through. Two load balancers in parallel pass; one load balancer in series
 * with one gateway is still a single way in; with no entry tier, one server
 * the clients reach directly is the only way in. Not applicable when no client
 * reaches a server. Evidence: that component.
 */
export const singleEntryPoint = defineCheck({
  type: 'single-entry-point',
  meta: {
    reads: 'drawing',
    description:
      'Anti-pattern: a single-instance component (by default an LB, gateway or proxy) is the only way from the clients to the servers.',
    options: z.strictObject({
      client: selectorSchema.default({ kind: 'client' }),
      select: selectorSchema.default({ kind: 'entry' }),
      to: selectorSchema.default({ kind: 'compute' }),
    }),
  },
  evaluate: (graph, { client, select, to }) => {
    const starts = selectIndices(graph, client);
    const targets = selectIndices(graph, to);
    const reached = reach(graph, starts, -1);
    const served = targets.filter((i) => reached[i]);
    if (starts.length === 0 || served.length === 0)
      return {
        passed: false,
        applicable: false,
        evidence: { nodeIds: [], edgeIds: [], notes: [] },
        note: 'no client reaches a server',
      };
    const candidates = selectIndices(graph, select)
      .filter((i) => reached[i] && instancesIn(graph, graph.nodes[i]!) === 1 && !targets.includes(i))
      .slice(0, MAX_CANDIDATES)
      .map((i) => graph.nodes[i]!);
    for (const c of candidates) {
      const without = reach(graph, starts, graph.indexOf.get(c.id)!);
      if (!served.some((i) => without[i]))
        return {
          passed: true,
          evidence: { nodeIds: [c.id], edgeIds: [], notes: [] },
          note: `${c.label || c.id} is a single instance and the only way in`,
        };
    }
    // No entry tier in the way: then the one server the clients reach is itself the only way in.
    if (candidates.length > 0 || served.length > MAX_CANDIDATES)
      return { passed: false, evidence: { nodeIds: [], edgeIds: [], notes: [] }, note: 'no single instance is the only way in' };
    for (const t of served) {
      const node = graph.nodes[t]!;
      if (instancesIn(graph, node) !== 1) continue;
      const without = reach(graph, starts, t);
      if (!served.some((i) => i !== t && without[i]))
        return {
          passed: true,
          evidence: { nodeIds: [node.id], edgeIds: [], notes: [] },
          note: `${node.label || node.id} is a single instance and the only server the clients reach`,
        };
    }
    return { passed: false, evidence: { nodeIds: [], edgeIds: [], notes: [] }, note: 'no single instance is the only way in' };
  },
});

import { z } from 'zod';
import type { BoardGraph } from '../graph';
import { selectNodes } from '../graph';
import { instancesIn } from '../redundancy';
import { selectorSchema } from '../selector';
import { defineCheck } from '../types';

/** Ids reachable from `starts` along flow edges without entering `blocked`. */
const reach = (graph: BoardGraph, starts: readonly string[], blocked: string | null): Set<string> => {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  for (let head = 0; head < queue.length; head++)
    for (const e of graph.outEdges.get(queue[head]!) ?? [])
      if (e.target !== blocked && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
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
    description:
      'Anti-pattern: a single-instance component (by default an LB, gateway or proxy) is the only way from the clients to the servers.',
    options: z.strictObject({
      client: selectorSchema.default({ kind: 'client' }),
      select: selectorSchema.default({ kind: 'entry' }),
      to: selectorSchema.default({ kind: 'compute' }),
    }),
  },
  evaluate: (graph, { client, select, to }) => {
    const starts = selectNodes(graph, client).map((n) => n.id);
    const targets = selectNodes(graph, to).map((n) => n.id);
    const reached = reach(graph, starts, null);
    const served = targets.filter((id) => reached.has(id));
    if (starts.length === 0 || served.length === 0)
      return {
        passed: false,
        applicable: false,
        evidence: { nodeIds: [], edgeIds: [], notes: [] },
        note: 'no client reaches a server',
      };
    const candidates = selectNodes(graph, select)
      .filter((n) => reached.has(n.id) && instancesIn(graph, n) === 1 && !targets.includes(n.id))
      .slice(0, MAX_CANDIDATES);
    for (const c of candidates) {
      const without = reach(graph, starts, c.id);
      if (!served.some((id) => without.has(id)))
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
      const node = graph.nodeById.get(t)!;
      if (instancesIn(graph, node) !== 1) continue;
      const without = reach(graph, starts, t);
      if (!served.some((id) => id !== t && without.has(id)))
        return {
          passed: true,
          evidence: { nodeIds: [t], edgeIds: [], notes: [] },
          note: `${node.label || t} is a single instance and the only server the clients reach`,
        };
    }
    return { passed: false, evidence: { nodeIds: [], edgeIds: [], notes: [] }, note: 'no single instance is the only way in' };
  },
});

import { z } from 'zod';
import type { NodeKind } from '../../board/kinds';
import { type BoardGraph, roleOf, selectNodes } from '../graph';
import { describeSelector, selectorSchema } from '../selector';
import { defineCheck, NO_EVIDENCE } from '../types';

const QUEUES: ReadonlySet<NodeKind> = new Set<NodeKind>(['message_queue', 'event_stream', 'pubsub']);

/**
 * Breadth-first search over (node, went-async) states from `from` to `to`:
 * a hop is asynchronous when its edge is `async` or it enters a queue, stream
 * or pub/sub. Returns whether `to` is reachable at all, and whether some path gets there asynchronously.
 */
const search = (graph: BoardGraph, starts: readonly string[], ends: ReadonlySet<string>) => {
  const key = (id: string, a: boolean) => `${a ? 1 : 0}${id}`;
  const seen = new Set<string>();
  const queue: [string, boolean, string[]][] = starts.map((id) => [id, false, []]);
  for (const s of starts) seen.add(key(s, false));
  let sync: string[] | null = null;
  let reachable = false;
  for (let head = 0; head < queue.length; head++) {
    const [id, went, edges] = queue[head]!;
    for (const e of graph.outEdges.get(id) ?? []) {
      const target = graph.nodeById.get(e.target)!;
      const a = went || e.protocol === 'async' || QUEUES.has(roleOf(graph, target));
      if (ends.has(e.target)) {
        reachable = true;
        if (a) return { reachable, async: true, sync: null };
        sync ??= [...edges, e.id];
      }
      const k = key(e.target, a);
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push([e.target, a, [...edges, e.id]]);
    }
  }
  return { reachable, async: false, sync };
};

/**
 * An anti-pattern detector for a rule's `flaw`: passes when `from` reaches
 * `to` only synchronously — no path between them goes through a queue,
 * stream or pub/sub or over an `async` edge — e.g. the post service writing
 * every follower's timeline inside the request. Not applicable when `from`
 * does not reach `to` at all (a pull-only feed has no fan-out to judge).
 */
export const syncOnlyPath = defineCheck({
  type: 'sync-only-path',
  meta: {
    description: 'Anti-pattern: `from` reaches `to` only over synchronous hops (no queue, stream or async edge on any path).',
    options: z.strictObject({ from: selectorSchema, to: selectorSchema }),
  },
  evaluate: (graph, { from, to }) => {
    const starts = selectNodes(graph, from).map((n) => n.id);
    const ends = new Set(selectNodes(graph, to).map((n) => n.id));
    for (const s of starts) ends.delete(s);
    const route = `${describeSelector(from)} → ${describeSelector(to)}`;
    if (starts.length === 0 || ends.size === 0)
      return { passed: false, applicable: false, evidence: NO_EVIDENCE, note: `no ${route} to judge` };
    const r = search(graph, starts, ends);
    if (!r.reachable) return { passed: false, applicable: false, evidence: NO_EVIDENCE, note: `no path ${route}` };
    if (r.async) return { passed: false, evidence: NO_EVIDENCE, note: `${route} goes through a queue or an async hop` };
    const edgeIds = r.sync ?? [];
    const nodeIds = [
      ...new Set(edgeIds.flatMap((id) => graph.board.edges.filter((e) => e.id === id).flatMap((e) => [e.source, e.target]))),
    ];
    return { passed: true, evidence: { nodeIds, edgeIds, notes: [] }, note: `${route} is synchronous all the way` };
  },
});

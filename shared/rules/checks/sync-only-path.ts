import { z } from 'zod';
import type { NodeKind } from '../../board/kinds';
import { type BoardGraph, roleOf, selectIndices } from '../graph';
import { describeSelector, selectorSchema } from '../selector';
import { defineCheck, NO_EVIDENCE } from '../types';

const QUEUES: ReadonlySet<NodeKind> = new Set<NodeKind>(['message_queue', 'event_stream', 'pubsub']);

/**
 * Breadth-first search over (node, went-async) states from `from` to `to`:
 * a hop is asynchronous when its edge is `async` or it enters a queue, stream
 * or pub/sub. Returns whether `to` is reachable at all, whether some path
 * gets there asynchronously, and else the flow edges of the first synchronous path found.
 */
const search = (graph: BoardGraph, starts: readonly number[], ends: Uint8Array) => {
  const { nodes, flow, flowTarget, outStart, outOrder } = graph;
  const count = nodes.length;
  // State s = node + (went async ? count : 0): `via[s]` is the flow edge it was first reached by (-1 at a start, -2 unseen), `prev[s]` the state before.
  const via = new Int32Array(2 * count).fill(-2);
  const prev = new Int32Array(2 * count);
  const queue = new Int32Array(2 * count);
  let tail = 0;
  for (const s of starts) {
    via[s] = -1;
    queue[tail++] = s;
  }
  /** The flow edges of the path to `state`, then `last`. */
  const pathTo = (state: number, last: number): string[] => {
    const ids = [flow[last]!.id];
    for (let s = state; via[s]! >= 0; s = prev[s]!) ids.push(flow[via[s]!]!.id);
    return ids.reverse();
  };
  let sync: string[] | null = null;
  let reachable = false;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const went = state >= count;
    const n = went ? state - count : state;
    for (let k = outStart[n]!; k < outStart[n + 1]!; k++) {
      const f = outOrder[k]!;
      const t = flowTarget[f]!;
      const a = went || flow[f]!.protocol === 'async' || QUEUES.has(roleOf(graph, nodes[t]!));
      if (ends[t]) {
        reachable = true;
        if (a) return { reachable, async: true, sync: null };
        sync ??= pathTo(state, f);
      }
      const next = t + (a ? count : 0);
      if (via[next] !== -2) continue;
      via[next] = f;
      prev[next] = state;
      queue[tail++] = next;
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
    reads: 'drawing',
    description: 'Anti-pattern: `from` reaches `to` only over synchronous hops (no queue, stream or async edge on any path).',
    options: z.strictObject({ from: selectorSchema, to: selectorSchema }),
  },
  evaluate: (graph, { from, to }) => {
    const starts = selectIndices(graph, from);
    const ends = new Uint8Array(graph.nodes.length);
    for (const t of selectIndices(graph, to)) ends[t] = 1;
    for (const s of starts) ends[s] = 0;
    const route = `${describeSelector(from)} → ${describeSelector(to)}`;
    if (starts.length === 0 || !ends.includes(1))
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

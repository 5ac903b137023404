import type { NodeKind, Protocol } from '../board/kinds';
import type { Board, BoardEdge, BoardNode } from '../board/types';
import { matchesDetails, type Selector, selectorKinds } from './selector';

/**
 * A board indexed once per scoring call: nodes by id and kind, and adjacency
 * lists both ways. Checks read the board only through this and the query
 * functions below, so every graph question is answered in one place.
 */
export interface BoardGraph {
  readonly board: Board;
  readonly nodeById: ReadonlyMap<string, BoardNode>;
  readonly nodesByKind: ReadonlyMap<NodeKind, readonly BoardNode[]>;
  /** Edges leaving each node id, in board order. */
  readonly outEdges: ReadonlyMap<string, readonly BoardEdge[]>;
  /** Edges arriving at each node id, in board order. */
  readonly inEdges: ReadonlyMap<string, readonly BoardEdge[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Builds the index. Edges whose ends are missing are ignored (a live doc can hold them briefly). */
export const buildGraph = (board: Board): BoardGraph => {
  const nodeById = new Map<string, BoardNode>();
  const nodesByKind = new Map<NodeKind, BoardNode[]>();
  for (const n of board.nodes) {
    nodeById.set(n.id, n);
    push(nodesByKind, n.kind, n);
  }
  const outEdges = new Map<string, BoardEdge[]>();
  const inEdges = new Map<string, BoardEdge[]>();
  for (const e of board.edges) {
    if (!nodeById.has(e.source) || !nodeById.has(e.target)) continue;
    push(outEdges, e.source, e);
    push(inEdges, e.target, e);
  }
  return { board, nodeById, nodesByKind, outEdges, inEdges };
};

/**
 * Nodes matching a selector, in board order within each kind.
 * @example selectNodes(g, { kind: 'service', label: ['shorten', 'url'] }) // the "URL shortener service" nodes
 */
export const selectNodes = (graph: BoardGraph, selector: Selector): readonly BoardNode[] => {
  const kinds = selectorKinds(selector);
  const pool = kinds === null ? graph.board.nodes : kinds.flatMap((k) => graph.nodesByKind.get(k) ?? []);
  return selector.label === undefined && selector.props === undefined ? pool : pool.filter((n) => matchesDetails(n, selector));
};

/** Accepts an edge when no protocol is asked for, or when its protocol is one of those asked for. */
export const protocolFilter =
  (protocol: Protocol | readonly Protocol[] | undefined) =>
  (edge: BoardEdge): boolean =>
    protocol === undefined ||
    (edge.protocol !== undefined &&
      (typeof protocol === 'string' ? edge.protocol === protocol : protocol.includes(edge.protocol)));

/**
 * Edges leaving `id`, optionally only those of a protocol.
 * @example outgoers(g, 'lb').map((e) => e.target) // ['app1', 'app2']
 */
export const outgoers = (graph: BoardGraph, id: string, protocol?: Protocol | readonly Protocol[]): readonly BoardEdge[] => {
  const edges = graph.outEdges.get(id) ?? [];
  return protocol === undefined ? edges : edges.filter(protocolFilter(protocol));
};

/** Edges arriving at `id`, optionally only those of a protocol. */
export const incomers = (graph: BoardGraph, id: string, protocol?: Protocol | readonly Protocol[]): readonly BoardEdge[] => {
  const edges = graph.inEdges.get(id) ?? [];
  return protocol === undefined ? edges : edges.filter(protocolFilter(protocol));
};

/** A directed path found by a search: the nodes in order and the edges between them. */
export interface GraphPath {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/**
 * Follows a chain of selectors along directed edges: each stage must be
 * reachable from the previous one, through any nodes in between. One
 * multi-source BFS per stage, so the cost is O(stages × (V + E)).
 * With `protocol`, every hop must use it. Returns one shortest witness path, or null.
 * @example findChain(g, [{ kind: 'client' }, { kind: 'load_balancer' }, { kind: 'service' }, { kind: 'cache' }])
 */
export const findChain = (
  graph: BoardGraph,
  stages: readonly Selector[],
  protocol?: Protocol | readonly Protocol[],
): GraphPath | null => {
  const first = stages[0];
  if (first === undefined) return null;
  let frontier = selectNodes(graph, first).map((n) => n.id);
  if (frontier.length === 0) return null;
  const accepts = protocolFilter(protocol);
  // parents[i] maps a node reached in stage i + 1 to the edge it was reached by.
  const parents: Map<string, BoardEdge | null>[] = [];
  for (const stage of stages.slice(1)) {
    const targets = new Set(selectNodes(graph, stage).map((n) => n.id));
    const parent = new Map<string, BoardEdge | null>();
    const queue: string[] = [];
    for (const id of frontier) {
      parent.set(id, null);
      queue.push(id);
    }
    const reached: string[] = [];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      for (const e of graph.outEdges.get(id) ?? []) {
        if (parent.has(e.target) || !accepts(e)) continue;
        parent.set(e.target, e);
        queue.push(e.target);
        if (targets.has(e.target)) reached.push(e.target);
      }
    }
    if (reached.length === 0) return null;
    parents.push(parent);
    frontier = reached;
  }
  return tracePath(parents, frontier[0]!);
};

/** Walks the per-stage parent maps back from the end node to the start. */
const tracePath = (parents: readonly Map<string, BoardEdge | null>[], end: string): GraphPath => {
  const nodeIds = [end];
  const edgeIds: string[] = [];
  let at = end;
  for (let stage = parents.length - 1; stage >= 0; stage--) {
    const parent = parents[stage]!;
    for (let e = parent.get(at); e; e = parent.get(at)) {
      edgeIds.push(e.id);
      at = e.source;
      nodeIds.push(at);
    }
  }
  return { nodeIds: nodeIds.reverse(), edgeIds: edgeIds.reverse() };
};

/** Every edge from a node matching `from` to a node matching `to`, optionally of a protocol. */
export const edgesBetween = (
  graph: BoardGraph,
  from: Selector,
  to: Selector,
  protocol?: Protocol | readonly Protocol[],
): readonly BoardEdge[] => {
  const targets = new Set(selectNodes(graph, to).map((n) => n.id));
  const found: BoardEdge[] = [];
  for (const n of selectNodes(graph, from))
    for (const e of outgoers(graph, n.id, protocol)) if (targets.has(e.target)) found.push(e);
  return found;
};

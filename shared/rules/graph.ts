import { type ComponentKind, isComponentKind, type NodeKind, type Protocol } from '../board/kinds';
import type { Board, BoardEdge, BoardNode } from '../board/types';
import { resolveRole } from './roles';
import { matchesDetails, type Selector, selectorKinds } from './selector';

/**
 * A board indexed once per scoring call: nodes by id and by role, the flow
 * edges (the drawn edges plus the drawing conventions below), and which
 * components take part in the design. Checks read the board only through
 * this and the query functions below, so every graph question is answered
 * in one place.
 *
 * Drawing conventions (an edge means "sends to / calls"; people also draw):
 * - a store or cache → the component that uses it (a response arrow): read
 *   as that component calling the store as well;
 * - a consumer (worker, websocket or notification server) → a queue, stream
 *   or pub/sub over `async`, or any component → a queue labelled "consumes",
 *   "subscribes", "pulls", "polls" or "listens": read as the queue feeding it too.
 */
export interface BoardGraph {
  readonly board: Board;
  readonly nodeById: ReadonlyMap<string, BoardNode>;
  /** Nodes by the kind they were drawn as (text, group and every component kind). */
  readonly nodesByKind: ReadonlyMap<NodeKind, readonly BoardNode[]>;
  /** Components by the role they play: their kind, or what their label names (a `service` labelled "Redis" is a cache). */
  readonly nodesByRole: ReadonlyMap<NodeKind, readonly BoardNode[]>;
  readonly roleById: ReadonlyMap<string, NodeKind>;
  /** Flow edges leaving each node id: drawn edges plus the conventions' reversed copies (same edge id). */
  readonly outEdges: ReadonlyMap<string, readonly BoardEdge[]>;
  /** Flow edges arriving at each node id. */
  readonly inEdges: ReadonlyMap<string, readonly BoardEdge[]>;
  /** Component ids that take part in the design: in a connected piece with a client (or the largest piece when no client is drawn). */
  readonly design: ReadonlySet<string>;
  /** Components drawn but connected to nothing of the design, in board order; they earn nothing. */
  readonly unconnected: readonly BoardNode[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const PASSIVE: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'sql_db',
  'nosql_db',
  'graph_db',
  'timeseries_db',
  'cache',
  'object_store',
  'search_index',
  'data_warehouse',
]);
const QUEUES: ReadonlySet<NodeKind> = new Set<NodeKind>(['message_queue', 'event_stream', 'pubsub']);
const CONSUMERS: ReadonlySet<NodeKind> = new Set<NodeKind>(['worker', 'websocket_server', 'notification_service']);
const CONSUME_LABEL = /\b(?:consum\w*|subscrib\w*|pull\w*|poll\w*|listen\w*|reads? from|dequeue\w*)\b/i;
/** Components that count towards the design even when drawn apart: cross-cutting concerns. */
const FREE_STANDING: ReadonlySet<NodeKind> = new Set<NodeKind>(['monitoring']);

/** Whether a drawn edge should also be read the other way (see the conventions on BoardGraph). */
const readsBothWays = (e: BoardEdge, from: NodeKind, to: NodeKind): boolean => {
  if (e.protocol === 'replication') return false;
  if (PASSIVE.has(from) && !PASSIVE.has(to) && !QUEUES.has(to)) return true;
  if (QUEUES.has(to) && !QUEUES.has(from)) {
    if (e.label && CONSUME_LABEL.test(e.label)) return true;
    if (e.protocol === 'async' && CONSUMERS.has(from)) return true;
  }
  return false;
};

/** Builds the index. Edges whose ends are missing are ignored (a live doc can hold them briefly). */
export const buildGraph = (board: Board): BoardGraph => {
  const nodeById = new Map<string, BoardNode>();
  const nodesByKind = new Map<NodeKind, BoardNode[]>();
  const nodesByRole = new Map<NodeKind, BoardNode[]>();
  const roleById = new Map<string, NodeKind>();
  for (const n of board.nodes) {
    nodeById.set(n.id, n);
    push(nodesByKind, n.kind, n);
    const role = resolveRole(n);
    roleById.set(n.id, role);
    push(nodesByRole, role, n);
  }
  const outEdges = new Map<string, BoardEdge[]>();
  const inEdges = new Map<string, BoardEdge[]>();
  // Union-find over drawn edges, for the connected pieces.
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const n of board.nodes) parent.set(n.id, n.id);
  for (const e of board.edges) {
    if (!nodeById.has(e.source) || !nodeById.has(e.target) || e.source === e.target) continue;
    push(outEdges, e.source, e);
    push(inEdges, e.target, e);
    if (readsBothWays(e, roleById.get(e.source)!, roleById.get(e.target)!)) {
      const back: BoardEdge = { ...e, source: e.target, target: e.source };
      push(outEdges, back.source, back);
      push(inEdges, back.target, back);
    }
    const a = find(e.source);
    const b = find(e.target);
    if (a !== b) parent.set(a, b);
  }
  const { design, unconnected } = participation(board, find, roleById);
  return { board, nodeById, nodesByKind, nodesByRole, roleById, outEdges, inEdges, design, unconnected };
};

/** The design: every connected piece holding a client, or the largest piece of two or more when no client is drawn. */
const participation = (
  board: Board,
  find: (id: string) => string,
  roleById: ReadonlyMap<string, NodeKind>,
): { design: Set<string>; unconnected: BoardNode[] } => {
  const components = board.nodes.filter((n) => isComponentKind(n.kind));
  const size = new Map<string, number>();
  const withClient = new Set<string>();
  for (const n of components) {
    const root = find(n.id);
    size.set(root, (size.get(root) ?? 0) + 1);
    if (roleById.get(n.id) === 'client') withClient.add(root);
  }
  let roots = [...withClient].filter((r) => (size.get(r) ?? 0) >= 2);
  if (roots.length === 0) {
    let best: string | null = null;
    for (const [root, count] of size) if (count >= 2 && (best === null || count > size.get(best)!)) best = root;
    roots = best === null ? [] : [best];
  }
  const rootSet = new Set(roots);
  const design = new Set<string>();
  const unconnected: BoardNode[] = [];
  for (const n of components) {
    if (rootSet.has(find(n.id)) || FREE_STANDING.has(roleById.get(n.id)!)) design.add(n.id);
    else unconnected.push(n);
  }
  return { design, unconnected };
};

/** The role a component plays in `graph` (its kind, unless its label names another role). */
export const roleOf = (graph: BoardGraph, node: BoardNode): NodeKind => graph.roleById.get(node.id) ?? node.kind;

/**
 * Nodes matching a selector, in board order within each role. Unless the
 * selector says `anywhere: true`, only components that take part in the design.
 * @example selectNodes(g, { kind: 'service', label: ['shorten', 'url'] }) // the "URL shortener service" nodes
 */
export const selectNodes = (graph: BoardGraph, selector: Selector): readonly BoardNode[] => {
  // Rubric selectors are long-lived objects: each is resolved once per graph.
  let perGraph = selections.get(graph);
  if (!perGraph) {
    perGraph = new WeakMap();
    selections.set(graph, perGraph);
  }
  let nodes = perGraph.get(selector);
  if (!nodes) {
    nodes = select(graph, selector);
    perGraph.set(selector, nodes);
  }
  return nodes;
};

const selections = new WeakMap<BoardGraph, WeakMap<Selector, readonly BoardNode[]>>();

const select = (graph: BoardGraph, selector: Selector): readonly BoardNode[] => {
  const kinds = selectorKinds(selector);
  const pool = kinds === null ? graph.board.nodes : kinds.flatMap((k) => graph.nodesByRole.get(k) ?? []);
  const anywhere = selector.anywhere === true;
  const plain = selector.label === undefined && selector.props === undefined && selector.unless === undefined;
  if (plain && anywhere) return pool;
  return pool.filter(
    (n) => (anywhere || graph.design.has(n.id) || !isComponentKind(n.kind)) && (plain || matchesDetails(n, selector)),
  );
};

/** Accepts an edge when no protocol is asked for, or when its protocol is one of those asked for. */
export const protocolFilter =
  (protocol: Protocol | readonly Protocol[] | undefined) =>
  (edge: BoardEdge): boolean =>
    protocol === undefined ||
    (edge.protocol !== undefined &&
      (typeof protocol === 'string' ? edge.protocol === protocol : protocol.includes(edge.protocol)));

/**
 * Flow edges leaving `id`, optionally only those of a protocol.
 * @example outgoers(g, 'lb').map((e) => e.target) // ['app1', 'app2']
 */
export const outgoers = (graph: BoardGraph, id: string, protocol?: Protocol | readonly Protocol[]): readonly BoardEdge[] => {
  const edges = graph.outEdges.get(id) ?? [];
  return protocol === undefined ? edges : edges.filter(protocolFilter(protocol));
};

/** Flow edges arriving at `id`, optionally only those of a protocol. */
export const incomers = (graph: BoardGraph, id: string, protocol?: Protocol | readonly Protocol[]): readonly BoardEdge[] => {
  const edges = graph.inEdges.get(id) ?? [];
  return protocol === undefined ? edges : edges.filter(protocolFilter(protocol));
};

/** A directed path found by a search: the nodes in order and the edges between them. */
export interface GraphPath {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/** Limits a search: which edges may be followed and which nodes may be passed through between stages. */
export interface ChainOptions {
  readonly protocol?: Protocol | readonly Protocol[] | undefined;
  /** Nodes the path may pass through between stages (stage nodes are always allowed). */
  readonly via?: (node: BoardNode) => boolean;
  /** Edges the path may use. */
  readonly edge?: (edge: BoardEdge) => boolean;
}

/**
 * Follows a chain of selectors along flow edges: each stage must be reachable
 * from the previous one, through any nodes in between. One multi-source BFS
 * per stage, so the cost is O(stages × (V + E)). With `protocol`, every hop
 * must use it. Returns one shortest witness path, or null.
 * @example findChain(g, [{ kind: 'client' }, { kind: 'load_balancer' }, { kind: 'service' }, { kind: 'cache' }])
 */
export const findChain = (
  graph: BoardGraph,
  stages: readonly Selector[],
  protocol?: Protocol | readonly Protocol[] | ChainOptions,
): GraphPath | null => {
  const opts: ChainOptions =
    typeof protocol === 'object' && !Array.isArray(protocol) ? (protocol as ChainOptions) : { protocol: protocol as Protocol };
  const first = stages[0];
  if (first === undefined) return null;
  let frontier = selectNodes(graph, first).map((n) => n.id);
  if (frontier.length === 0) return null;
  const byProtocol = protocolFilter(opts.protocol);
  const accepts = opts.edge ? (e: BoardEdge) => byProtocol(e) && opts.edge!(e) : byProtocol;
  // parents[i] maps a node reached in stage i + 1 to the edge it was reached by.
  const parents: Map<string, BoardEdge | null>[] = [];
  for (const stage of stages.slice(1)) {
    const targets = new Set(selectNodes(graph, stage).map((n) => n.id));
    if (targets.size === 0) return null;
    const parent = new Map<string, BoardEdge | null>();
    const queue: string[] = [];
    for (const id of frontier) {
      parent.set(id, null);
      queue.push(id);
    }
    const reached: string[] = [];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      // A stage node reached is an end; only pass through other nodes the path allows.
      if (head >= frontier.length && opts.via && !targets.has(id) && !opts.via(graph.nodeById.get(id)!)) continue;
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

/** Every flow edge from a node matching `from` to a node matching `to`, optionally of a protocol. */
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

/** Whether a role is one of the given kinds (used by anti-pattern detectors). */
export const hasRole = (graph: BoardGraph, id: string, roles: ReadonlySet<NodeKind | ComponentKind>): boolean =>
  roles.has(graph.roleById.get(id) ?? ('text' as NodeKind));

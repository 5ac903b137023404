import { type ComponentKind, isComponentKind, type NodeKind, type Protocol } from '../board/kinds';
import type { Board, BoardEdge, BoardNode } from '../board/types';
import { getOrMake, perGraph } from './memo';
import { resolveRole } from './roles';
import { KIND_GROUPS, matchesDetails, type Selector, selectorKey, selectorKinds } from './selector';

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
/** Why a component of the design leads nowhere (see BoardGraph.deadEnds). */
export type DeadEndReason = 'nothing-reads' | 'nothing-behind' | 'no-client-no-origin';
export interface DeadEnd {
  readonly node: BoardNode;
  readonly reason: DeadEndReason;
}

export interface BoardGraph {
  readonly board: Board;
  readonly nodeById: ReadonlyMap<string, BoardNode>;
  /** Nodes by the kind they were drawn as (text, group and every component kind). */
  readonly nodesByKind: ReadonlyMap<NodeKind, readonly BoardNode[]>;
  /** Components by the role they play: their kind, or what their label names (a `service` labelled "Redis" is a cache). */
  readonly nodesByRole: ReadonlyMap<NodeKind, readonly BoardNode[]>;
  readonly roleById: ReadonlyMap<string, NodeKind>;
  /** The role of node n (see `nodes`): what roleOf reads, without a map of its own. */
  readonly roles: readonly NodeKind[];
  /** Flow edges leaving each node id: drawn edges plus the conventions' reversed copies (same edge id). */
  readonly outEdges: ReadonlyMap<string, readonly BoardEdge[]>;
  /** Flow edges arriving at each node id. */
  readonly inEdges: ReadonlyMap<string, readonly BoardEdge[]>;
  /** Component ids that take part in the design: in a connected piece with a client (or the largest piece when no client is drawn). */
  readonly design: ReadonlySet<string>;
  /** Components drawn but connected to nothing of the design, in board order; they earn nothing. */
  readonly unconnected: readonly BoardNode[];
  /**
   * Components of the design that pass work on but lead nowhere, in board
   * order: a queue, stream or pub/sub nothing reads from, a load balancer or
   * gateway with nothing behind it, a CDN no client fetches from and with no
   * origin. An interviewer asks "and who reads this?"; they earn nothing.
   */
  readonly deadEnds: readonly DeadEnd[];
  /**
   * The same flow as numbers, for searches (a search then costs array reads,
   * not map lookups): node n is `nodes[n]`; flow edge f runs from
   * `flowSource[f]` to `flowTarget[f]`; the flow edges leaving node n are
   * `outOrder[outStart[n] … outStart[n + 1] - 1]`, in the order of `outEdges`.
   */
  readonly nodes: readonly BoardNode[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly flow: readonly BoardEdge[];
  readonly flowSource: Int32Array;
  readonly flowTarget: Int32Array;
  readonly outStart: Int32Array;
  readonly outOrder: Int32Array;
  /** The flow edges arriving at node n: `inOrder[inStart[n]` … `inStart[n + 1] - 1]`, in the order of `inEdges`. */
  readonly inStart: Int32Array;
  readonly inOrder: Int32Array;
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
const QUEUES: ReadonlySet<NodeKind> = new Set<NodeKind>(KIND_GROUPS.queue);
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
  const nodes = board.nodes;
  const count = nodes.length;
  const nodeById = new Map<string, BoardNode>();
  const indexOf = new Map<string, number>();
  const nodesByKind = new Map<NodeKind, BoardNode[]>();
  const nodesByRole = new Map<NodeKind, BoardNode[]>();
  const roles: NodeKind[] = [];
  for (let i = 0; i < count; i++) {
    const n = nodes[i]!;
    nodeById.set(n.id, n);
    indexOf.set(n.id, i);
    push(nodesByKind, n.kind, n);
    const role = resolveRole(n);
    roles.push(role);
    push(nodesByRole, role, n);
  }
  // Union-find over drawn edges, for the connected pieces.
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    for (let at = i; at !== root; ) {
      const next = parent[at]!;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  const flow: BoardEdge[] = [];
  const source: number[] = [];
  const target: number[] = [];
  for (const e of board.edges) {
    const a = indexOf.get(e.source);
    const b = indexOf.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    flow.push(e);
    source.push(a);
    target.push(b);
    if (readsBothWays(e, roles[a]!, roles[b]!)) {
      flow.push({ ...e, source: e.target, target: e.source });
      source.push(b);
      target.push(a);
    }
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  }
  // Flow edges grouped by source node (a stable counting sort keeps each node's edges in drawing order).
  const [outStart, outOrder] = groupBy(source, count);
  const [inStart, inOrder] = groupBy(target, count);
  const { design, unconnected } = participation(nodes, (i) => find(i), roles);
  const deadEnds = leadingNowhere(nodes, roles, source, target, design);
  for (const d of deadEnds) design.delete(d.node.id);
  let roleById: Map<string, NodeKind> | undefined;
  let outEdges: Map<string, BoardEdge[]> | undefined;
  let inEdges: Map<string, BoardEdge[]> | undefined;
  return {
    board,
    nodeById,
    nodesByKind,
    nodesByRole,
    // Checks read roles through roleOf (the array); the map is built only if something asks for it.
    get roleById() {
      roleById ??= new Map(nodes.map((n, i) => [n.id, roles[i]!]));
      return roleById;
    },
    roles,
    // Most rubrics only search; the per-id lists are built on first use.
    get outEdges() {
      if (!outEdges) {
        outEdges = new Map();
        for (const e of flow) push(outEdges, e.source, e);
      }
      return outEdges;
    },
    get inEdges() {
      if (!inEdges) {
        inEdges = new Map();
        for (const e of flow) push(inEdges, e.target, e);
      }
      return inEdges;
    },
    design,
    unconnected,
    deadEnds,
    nodes,
    indexOf,
    flow,
    flowSource: Int32Array.from(source),
    flowTarget: Int32Array.from(target),
    outStart,
    outOrder,
    inStart,
    inOrder,
  };
};

/** Flow edges grouped by the node `ends[f]` (a stable counting sort keeps each node's edges in drawing order): [start, order]. */
const groupBy = (ends: readonly number[], count: number): [Int32Array, Int32Array] => {
  const start = new Int32Array(count + 1);
  for (const a of ends) start[a + 1]!++;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const order = new Int32Array(ends.length);
  const fill = start.slice(0, count);
  for (let f = 0; f < ends.length; f++) order[fill[ends[f]!]!++] = f;
  return [start, order];
};

/** The design: every connected piece holding a client, or the largest piece of two or more when no client is drawn. */
const participation = (
  nodes: readonly BoardNode[],
  find: (i: number) => number,
  roles: readonly NodeKind[],
): { design: Set<string>; unconnected: BoardNode[] } => {
  const size = new Map<number, number>();
  const withClient = new Set<number>();
  for (let i = 0; i < nodes.length; i++) {
    if (!isComponentKind(nodes[i]!.kind)) continue;
    const root = find(i);
    size.set(root, (size.get(root) ?? 0) + 1);
    if (roles[i] === 'client') withClient.add(root);
  }
  let roots = [...withClient].filter((r) => (size.get(r) ?? 0) >= 2);
  if (roots.length === 0) {
    let best: number | null = null;
    for (const [root, count] of size) if (count >= 2 && (best === null || count > size.get(best)!)) best = root;
    roots = best === null ? [] : [best];
  }
  const rootSet = new Set(roots);
  const design = new Set<string>();
  const unconnected: BoardNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (!isComponentKind(n.kind)) continue;
    if (rootSet.has(find(i)) || FREE_STANDING.has(roles[i]!)) design.add(n.id);
    else unconnected.push(n);
  }
  return { design, unconnected };
};

const COMPUTE: ReadonlySet<NodeKind> = new Set<NodeKind>(KIND_GROUPS.compute);
const ENTRIES: ReadonlySet<NodeKind> = new Set<NodeKind>(KIND_GROUPS.entry);

/**
 * The components of the design that forward to nothing (see BoardGraph.deadEnds), from the flow edges.
 * - A queue is given the benefit of the doubt when a second component or a consumer touches it: an
 *   unlabelled "worker → Kafka" arrow is how many people draw a consumer; so is a pub/sub any server
 *   touches ("chat servers → Redis pub/sub": they publish and subscribe).
 * - A balancer or CDN drawn with response arrows (servers → LB → client) sits between a client and the
 *   rest: it leads somewhere, the arrows just point back.
 */
const leadingNowhere = (
  nodes: readonly BoardNode[],
  roles: readonly NodeKind[],
  source: readonly number[],
  target: readonly number[],
  design: ReadonlySet<string>,
): DeadEnd[] => {
  const count = nodes.length;
  const forwards = new Uint8Array(count);
  const touchesClient = new Uint8Array(count);
  const fedByOther = new Uint8Array(count);
  // Per queue: its one feeder so far (-1 for none, -2 for two or more), and whether a consumer kind feeds it.
  const feeder = new Int32Array(count).fill(-1);
  const fedByConsumer = new Uint8Array(count);
  for (let f = 0; f < source.length; f++) {
    const a = source[f]!;
    const b = target[f]!;
    if (roles[b] === 'client') touchesClient[a] = 1;
    else forwards[a] = 1;
    if (roles[a] === 'client') touchesClient[b] = 1;
    else fedByOther[b] = 1;
    if (feeder[b] === -1) feeder[b] = a;
    else if (feeder[b] !== a) feeder[b] = -2;
    // Servers publish to a pub/sub and subscribe to it: one arrow from a fleet's box stands for both.
    if (CONSUMERS.has(roles[a]!) || (roles[b] === 'pubsub' && COMPUTE.has(roles[a]!))) fedByConsumer[b] = 1;
  }
  const dead: DeadEnd[] = [];
  for (let i = 0; i < count; i++) {
    const role = roles[i]!;
    if (forwards[i] || !design.has(nodes[i]!.id)) continue;
    const reason: DeadEndReason | null = QUEUES.has(role)
      ? feeder[i] !== -2 && !fedByConsumer[i]
        ? 'nothing-reads'
        : null
      : ENTRIES.has(role)
        ? touchesClient[i] && fedByOther[i]
          ? null
          : 'nothing-behind'
        : role === 'cdn' && !touchesClient[i]
          ? 'no-client-no-origin'
          : null;
    if (reason) dead.push({ node: nodes[i]!, reason });
  }
  return dead;
};

const everything = new WeakMap<BoardGraph, BoardGraph>();
/**
 * The same board with every component taking part, unconnected and dead ends
 * included: what a rule would have found had nothing been left out, so the
 * score can say which box did not count and why (score.ts). The copy shares
 * every index with `graph`; only the participation differs.
 */
export const withEverything = (graph: BoardGraph): BoardGraph =>
  getOrMake(everything, graph, () => {
    const design = new Set(graph.nodes.filter((n) => isComponentKind(n.kind)).map((n) => n.id));
    return Object.assign(Object.create(graph) as BoardGraph, { design, unconnected: [], deadEnds: [] });
  });

/** The role a component plays in `graph` (its kind, unless its label names another role). */
export const roleOf = (graph: BoardGraph, node: BoardNode): NodeKind => roleAt(graph, node.id) ?? node.kind;

/** The role of the node with id `id`, or undefined when the board has none. */
const roleAt = (graph: BoardGraph, id: string): NodeKind | undefined => {
  const n = graph.indexOf.get(id);
  return n === undefined ? undefined : graph.roles[n];
};

/**
 * Nodes matching a selector, in board order within each role. Unless the
 * selector says `anywhere: true`, only components that take part in the design.
 * @example selectNodes(g, { kind: 'service', label: ['shorten', 'url'] }) // the "URL shortener service" nodes
 */
export const selectNodes = (graph: BoardGraph, selector: Selector): readonly BoardNode[] =>
  // Each distinct selector is resolved once per graph, whichever rules share it.
  selections(graph, selectorKey(selector), () => select(graph, selector));

const selections = perGraph<readonly BoardNode[]>();

const select = (graph: BoardGraph, selector: Selector): readonly BoardNode[] => {
  const kinds = selectorKinds(selector);
  const anywhere = selector.anywhere === true;
  const plain = selector.label === undefined && selector.props === undefined && selector.unless === undefined;
  const pool = anywhere
    ? kinds === null
      ? graph.board.nodes
      : kinds.flatMap((k) => graph.nodesByRole.get(k) ?? [])
    : kinds === null
      ? inDesign(graph, ANY_ROLE)
      : kinds.flatMap((k) => inDesign(graph, k));
  return plain ? pool : pool.filter((n) => matchesDetails(n, selector));
};

const ANY_ROLE = '*';
const designed = perGraph<readonly BoardNode[]>();
/**
 * The nodes of a role (or of any role) that take part in the design (text
 * and groups always do), in board order: filtered once per graph and role,
 * as many selectors share a role.
 */
const inDesign = (graph: BoardGraph, role: NodeKind | typeof ANY_ROLE): readonly BoardNode[] =>
  designed(graph, role, () =>
    (role === ANY_ROLE ? graph.board.nodes : (graph.nodesByRole.get(role) ?? [])).filter(
      (n) => graph.design.has(n.id) || !isComponentKind(n.kind),
    ),
  );

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
export const outgoers = (graph: BoardGraph, id: string, protocol?: Protocol | readonly Protocol[]): readonly BoardEdge[] =>
  edgesAt(graph, graph.outStart, graph.outOrder, id, protocol);

/** The flow edges of node `id` in a grouping (outStart/outOrder or inStart/inOrder), optionally of a protocol. */
const edgesAt = (
  graph: BoardGraph,
  start: Int32Array,
  order: Int32Array,
  id: string,
  protocol: Protocol | readonly Protocol[] | undefined,
): readonly BoardEdge[] => {
  const n = graph.indexOf.get(id);
  if (n === undefined) return [];
  const accepts = protocol === undefined ? null : protocolFilter(protocol);
  const edges: BoardEdge[] = [];
  for (let k = start[n]!; k < start[n + 1]!; k++) {
    const e = graph.flow[order[k]!]!;
    if (accepts === null || accepts(e)) edges.push(e);
  }
  return edges;
};

/** Flow edges arriving at `id`, optionally only those of a protocol. */
export const incomers = (graph: BoardGraph, id: string, protocol?: Protocol | readonly Protocol[]): readonly BoardEdge[] =>
  edgesAt(graph, graph.inStart, graph.inOrder, id, protocol);

/** A directed path found by a search: the nodes in order and the edges between them. */
export interface GraphPath {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/** Limits a search: which edges may be followed and which nodes may be passed through between stages. */
export interface ChainOptions {
  readonly protocol?: Protocol | readonly Protocol[] | undefined;
  /** Nodes the path may pass through between stages, by number (see BoardGraph.nodes); stage nodes are always allowed. */
  readonly via?: (node: number) => boolean;
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
  let frontier: readonly number[] = selectIndices(graph, first);
  if (frontier.length === 0) return null;
  const byProtocol = opts.protocol === undefined ? null : protocolFilter(opts.protocol);
  const accepts = opts.edge && byProtocol ? (e: BoardEdge) => byProtocol(e) && opts.edge!(e) : (opts.edge ?? byProtocol ?? null);
  const { nodes, flow, flowTarget, outStart, outOrder } = graph;
  const count = nodes.length;
  const isTarget = new Uint8Array(count);
  const queue = new Int32Array(count);
  // parents[i][n]: the flow edge node n was reached by in stage i + 1 (ROOT for where the stage started, UNSEEN if not reached).
  const parents: Int32Array[] = [];
  for (let s = 1; s < stages.length; s++) {
    const targets = selectIndices(graph, stages[s]!);
    if (targets.length === 0) return null;
    isTarget.fill(0);
    for (const t of targets) isTarget[t] = 1;
    const parent = new Int32Array(count).fill(UNSEEN);
    let tail = 0;
    for (const n of frontier) {
      parent[n] = ROOT;
      queue[tail++] = n;
    }
    const reached: number[] = [];
    for (let head = 0; head < tail; head++) {
      const n = queue[head]!;
      // A stage node reached is an end; only pass through other nodes the path allows.
      if (head >= frontier.length && opts.via && !isTarget[n] && !opts.via(n)) continue;
      for (let k = outStart[n]!; k < outStart[n + 1]!; k++) {
        const f = outOrder[k]!;
        const t = flowTarget[f]!;
        if (parent[t] !== UNSEEN || (accepts && !accepts(flow[f]!))) continue;
        parent[t] = f;
        queue[tail++] = t;
        if (isTarget[t]) reached.push(t);
      }
    }
    if (reached.length === 0) return null;
    parents.push(parent);
    frontier = reached;
  }
  return tracePath(graph, parents, frontier[0]!);
};

const UNSEEN = -2;
const ROOT = -1;

/** Walks the per-stage parent arrays back from the end node to the start. */
const tracePath = (graph: BoardGraph, parents: readonly Int32Array[], end: number): GraphPath => {
  const nodeIds = [graph.nodes[end]!.id];
  const edgeIds: string[] = [];
  let at = end;
  for (let stage = parents.length - 1; stage >= 0; stage--) {
    const parent = parents[stage]!;
    for (let f = parent[at]!; f >= 0; f = parent[at]!) {
      edgeIds.push(graph.flow[f]!.id);
      at = graph.flowSource[f]!;
      nodeIds.push(graph.nodes[at]!.id);
    }
  }
  return { nodeIds: nodeIds.reverse(), edgeIds: edgeIds.reverse() };
};

const indexSelections = perGraph<readonly number[]>();
const everywhere = new WeakMap<Selector, Selector>();
/** The same selector with `anywhere: true`, the same object each time (so its key is worked out once). */
export const anywhere = (selector: Selector): Selector =>
  getOrMake(everywhere, selector, () => ({ ...selector, anywhere: true }));

/** The node numbers (see BoardGraph.nodes) of `selectNodes(graph, selector)`, in the same order. */
export const selectIndices = (graph: BoardGraph, selector: Selector): readonly number[] =>
  indexSelections(graph, selectorKey(selector), () => selectNodes(graph, selector).map((n) => graph.indexOf.get(n.id)!));

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
  roles.has(roleAt(graph, id) ?? ('text' as NodeKind));

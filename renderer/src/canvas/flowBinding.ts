import { boardRoots, readEdge, readNode } from '@shared/board/doc';
import type { Point } from '@shared/board/types';
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type * as Y from 'yjs';
import type { BoardEditor } from '../board/editor';
import { type FlowEdge, type FlowNode, toFlowEdge, toFlowNode } from './toFlow';

export interface Selection {
  readonly nodeIds: ReadonlySet<string>;
  readonly edgeIds: ReadonlySet<string>;
}

/**
 * Binds a board Y.Doc to React Flow's controlled nodes and edges.
 *
 * The doc is the source of truth for the document; React Flow state adds
 * what is local (selection, measured sizes, drags in progress). Remote and
 * local doc changes rebuild only the nodes they touched, so unchanged node
 * objects keep their identity and memoised node components skip rendering.
 * A drag moves nodes locally and writes the final positions once, at drag end.
 */
export class FlowBinding {
  private nodes: FlowNode[] = [];
  private edges: FlowEdge[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly roots;
  private unobserve: (() => void) | null = null;
  /** Partners' drags in progress (presence), shown until their final position lands in the doc. */
  private remoteDrags: ReadonlyMap<string, Point> = new Map();
  /** Colour of the partner who has each node selected. */
  private remoteSelection: ReadonlyMap<string, string> = new Map();

  constructor(
    doc: Y.Doc,
    /** Every write goes through it; in read-only mode it refuses them, and the binding keeps nothing local either. */
    private readonly editor: Pick<BoardEditor, 'readOnly' | 'updateNode' | 'moveNodes' | 'deleteElements'>,
    private readonly onSelectionChange: (selection: Selection) => void,
  ) {
    this.roots = boardRoots(doc);
    this.rebuildAll();
  }

  /** Observes the doc while anyone listens (React may subscribe, unsubscribe and resubscribe). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.unobserve) this.observe();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopObserving();
    };
  };

  private observe(): void {
    const onNodes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.patchNodes(events);
    const onEdges = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.patchEdges(events);
    this.roots.nodes.observeDeep(onNodes);
    this.roots.edges.observeDeep(onEdges);
    this.unobserve = () => {
      this.roots.nodes.unobserveDeep(onNodes);
      this.roots.edges.unobserveDeep(onEdges);
    };
    // Catch up with whatever changed while nobody observed.
    this.rebuildAll();
    this.emit();
  }

  private stopObserving(): void {
    this.unobserve?.();
    this.unobserve = null;
  }
  readonly getNodes = (): FlowNode[] => this.nodes;

  /** Applies partners' presence (live drags, selections) on top of the doc's state. */
  private decorate(n: FlowNode): FlowNode {
    const drag = n.dragging ? undefined : this.remoteDrags.get(n.id);
    const colour = this.remoteSelection.get(n.id);
    const position = drag ?? (n.dragging ? n.position : n.data.node.position);
    const samePos = position.x === n.position.x && position.y === n.position.y;
    const className = colour ? 'peer-selected' : undefined;
    if (samePos && n.className === className && n.style?.['--peer' as never] === colour) return n;
    return {
      ...n,
      position,
      className,
      style: colour ? ({ '--peer': colour } as CSSProperties) : undefined,
    };
  }

  setRemotePresence(drags: ReadonlyMap<string, Point>, selection: ReadonlyMap<string, string>): void {
    const touched = new Set([...this.remoteDrags.keys(), ...drags.keys(), ...this.remoteSelection.keys(), ...selection.keys()]);
    this.remoteDrags = drags;
    this.remoteSelection = selection;
    if (touched.size === 0) return;
    this.nodes = this.nodes.map((n) => (touched.has(n.id) ? this.decorate(n) : n));
    this.emit();
  }
  readonly getEdges = (): FlowEdge[] => this.edges;

  destroy(): void {
    this.stopObserving();
    this.listeners.clear();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Rebuilds the node list from the doc. With `changed`, nodes not in it keep
   * their object (a partner adding one node must not re-render all others);
   * without it, every node is read again (start, catching up).
   */
  private rebuildAll(changed?: ReadonlySet<string>): void {
    const prevNodes = new Map(this.nodes.map((n) => [n.id, n]));
    const nodes: FlowNode[] = [];
    for (const [id, m] of this.roots.nodes.entries()) {
      const kept = changed && !changed.has(id) ? prevNodes.get(id) : undefined;
      if (kept) {
        nodes.push(kept);
        continue;
      }
      const n = readNode(m);
      if (n) nodes.push(this.decorate(toFlowNode(n, prevNodes.get(n.id))));
    }
    // Frames first so they paint under the components they group.
    nodes.sort((a, b) => Number(b.type === 'group') - Number(a.type === 'group'));
    this.nodes = nodes;
    this.rebuildEdges(changed && new Set());
  }

  /** Rebuilds the edge list; with `changed`, edges not in it keep their object. */
  private rebuildEdges(changed?: ReadonlySet<string>): void {
    const ids = new Set(this.nodes.map((n) => n.id));
    const prev = new Map(this.edges.map((e) => [e.id, e]));
    const edges: FlowEdge[] = [];
    for (const [id, m] of this.roots.edges.entries()) {
      const kept = changed && !changed.has(id) ? prev.get(id) : undefined;
      const e = kept ? kept.data?.edge : readEdge(m);
      if (e && ids.has(e.source) && ids.has(e.target)) edges.push(kept ?? toFlowEdge(e, prev.get(e.id)));
    }
    this.edges = edges;
  }

  private patchNodes(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const touched = new Set<string>();
    let structural = false;
    for (const ev of events) {
      if (ev.path.length === 0) {
        structural = true;
        for (const k of ev.keys.keys()) touched.add(k);
      } else touched.add(String(ev.path[0]));
    }
    if (structural) {
      this.rebuildAll(touched);
    } else {
      this.nodes = this.nodes.map((fn) => {
        if (!touched.has(fn.id)) return fn;
        const m = this.roots.nodes.get(fn.id);
        const n = m && readNode(m);
        return n ? this.decorate(toFlowNode(n, fn)) : fn;
      });
    }
    this.emit();
  }

  private patchEdges(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const structural = events.some((ev) => ev.path.length === 0);
    const touched = new Set(events.flatMap((ev) => (ev.path.length === 0 ? [...ev.keys.keys()] : [String(ev.path[0])])));
    if (structural) this.rebuildEdges(touched);
    else {
      this.edges = this.edges.map((fe) => {
        if (!touched.has(fe.id)) return fe;
        const m = this.roots.edges.get(fe.id);
        const e = m && readEdge(m);
        return e ? toFlowEdge(e, fe) : fe;
      });
    }
    this.emit();
  }

  /** React Flow's node changes: local ones applied here; removals go through `remove`. */
  readonly onNodesChange = (changes: NodeChange<FlowNode>[]): void => {
    const local = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace' && this.allowed(c));
    if (local.length === 0) return;
    const hadSelect = local.some((c) => c.type === 'select');
    this.nodes = applyNodeChanges(local, this.nodes);
    const resized = local.filter(
      (c): c is Extract<NodeChange<FlowNode>, { type: 'dimensions' }> =>
        c.type === 'dimensions' && c.resizing === false && c.dimensions !== undefined,
    );
    for (const c of resized) {
      const n = this.nodes.find((x) => x.id === c.id);
      if (n && c.dimensions)
        this.editor.updateNode(c.id, {
          size: { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) },
          position: n.position,
        });
    }
    this.emit();
    if (hadSelect) this.onSelectionChange(this.selection());
  };

  /**
   * Read-only: no local move or resize either, or a spectator's canvas would
   * drift from the doc everyone else sees. Measurements (no `resizing` flag)
   * and selection still apply.
   */
  private allowed(c: NodeChange<FlowNode>): boolean {
    if (!this.editor.readOnly) return true;
    if (c.type === 'position') return false;
    return !(c.type === 'dimensions' && c.resizing !== undefined);
  }

  readonly onEdgesChange = (changes: EdgeChange<FlowEdge>[]): void => {
    const local = changes.filter((c) => c.type === 'select');
    if (local.length === 0) return;
    this.edges = applyEdgeChanges(local, this.edges);
    this.emit();
    this.onSelectionChange(this.selection());
  };

  /** Drag end: the final positions of every dragged node, in one transaction. */
  commitPositions(nodes: readonly { id: string; position: Point }[]): void {
    if (this.editor.readOnly) {
      this.rebuildAll();
      this.emit();
      return;
    }
    const positions = new Map(nodes.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]));
    this.nodes = this.nodes.map((n) =>
      positions.has(n.id) && n.dragging ? { ...n, position: positions.get(n.id)!, dragging: false } : n,
    );
    this.editor.moveNodes(positions);
    this.emit();
  }

  /** Moves nodes locally during a drag (frame passengers); the doc is written at drag end. */
  moveLocal(positions: ReadonlyMap<string, Point>): void {
    if (positions.size === 0) return;
    this.nodes = this.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: p, dragging: true } : n;
    });
    this.emit();
  }

  remove(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    this.editor.deleteElements({ nodeIds, edgeIds });
  }

  selection(): Selection {
    return {
      nodeIds: new Set(this.nodes.filter((n) => n.selected).map((n) => n.id)),
      edgeIds: new Set(this.edges.filter((e) => e.selected).map((e) => e.id)),
    };
  }

  /** Applies a selection made outside the canvas (score panel, select all, paste). */
  setSelection(sel: Selection): void {
    // Lists keep their identity when nothing in them changes: a new array is a full pass over it in React Flow.
    const nodes = withSelection(this.nodes, sel.nodeIds);
    const edges = withSelection(this.edges, sel.edgeIds);
    if (nodes === this.nodes && edges === this.edges) return;
    this.nodes = nodes;
    this.edges = edges;
    this.emit();
  }
}

/** `items` with `selected` set exactly for `ids`; the same array when that is already so. */
function withSelection<T extends { id: string; selected?: boolean }>(items: T[], ids: ReadonlySet<string>): T[] {
  if (items.every((x) => Boolean(x.selected) === ids.has(x.id))) return items;
  return items.map((x) => (Boolean(x.selected) === ids.has(x.id) ? x : { ...x, selected: ids.has(x.id) }));
}

import * as Y from 'yjs';
import { isNodeKind, PROTOCOLS, type Protocol } from './kinds';
import type { Board, BoardEdge, BoardNode, Point, PropValue, Size } from './types';

/**
 * The board as a Y.Doc. Layout (documented in shared/README.md):
 *   nodes:   Y.Map<id, Y.Map>  one nested map per component, so concurrent edits
 *                              of different fields of one component both survive
 *   edges:   Y.Map<id, Y.Map>
 *   notes:   Y.Map<stepId, Y.Text>
 *   session: Y.Map             question id, timer, roles (shared, not undoable)
 *   meta:    Y.Map             unknown top-level fields of an opened file
 * Presence never lives here; selection, viewport and drags stay local.
 */
export interface BoardRoots {
  readonly nodes: Y.Map<Y.Map<unknown>>;
  readonly edges: Y.Map<Y.Map<unknown>>;
  readonly notes: Y.Map<Y.Text>;
  readonly session: Y.Map<unknown>;
  readonly meta: Y.Map<unknown>;
}

export const boardRoots = (doc: Y.Doc): BoardRoots => ({
  nodes: doc.getMap('nodes'),
  edges: doc.getMap('edges'),
  notes: doc.getMap('notes'),
  session: doc.getMap('session'),
  meta: doc.getMap('meta'),
});

/** Origin of a user's own writes; undo tracks only this origin. */
export type LocalOrigin = { readonly kind: 'local'; readonly user: string };
export const createLocalOrigin = (user = 'me'): LocalOrigin => ({ kind: 'local', user });

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isPropValue = (v: unknown): v is PropValue =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Reads one node map; returns null for a map that is not (yet) a valid node. */
export const readNode = (m: Y.Map<unknown>): BoardNode | null => {
  const id = str(m.get('id'));
  const kind = str(m.get('kind'));
  const x = num(m.get('x'));
  const y = num(m.get('y'));
  if (!id || !kind || !isNodeKind(kind) || x === undefined || y === undefined) return null;
  const label = str(m.get('label'));
  const w = num(m.get('w'));
  const h = num(m.get('h'));
  const propsMap = m.get('props');
  let props: Record<string, PropValue> | undefined;
  if (propsMap instanceof Y.Map && propsMap.size > 0) {
    props = {};
    for (const [k, v] of propsMap.entries()) if (isPropValue(v)) props[k] = v;
  }
  const extra = m.get('extra');
  return {
    id,
    kind,
    position: { x, y },
    ...(label !== undefined && { label }),
    ...(props && { props }),
    ...(w !== undefined && h !== undefined && { size: { width: w, height: h } }),
    ...(extra !== null && typeof extra === 'object' && { extra: extra as Record<string, unknown> }),
  };
};

const protocolSet: ReadonlySet<string> = new Set(PROTOCOLS);

export const readEdge = (m: Y.Map<unknown>): BoardEdge | null => {
  const id = str(m.get('id'));
  const source = str(m.get('source'));
  const target = str(m.get('target'));
  if (!id || !source || !target) return null;
  const label = str(m.get('label'));
  const protocol = str(m.get('protocol'));
  const extra = m.get('extra');
  return {
    id,
    source,
    target,
    ...(label !== undefined && { label }),
    ...(protocol !== undefined && protocolSet.has(protocol) && { protocol: protocol as Protocol }),
    ...(extra !== null && typeof extra === 'object' && { extra: extra as Record<string, unknown> }),
  };
};

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A snapshot of the doc as a plain board. Edges whose ends are gone are left out. */
export const readBoard = (doc: Y.Doc): Board => {
  const r = boardRoots(doc);
  const nodes: BoardNode[] = [];
  for (const m of r.nodes.values()) {
    const n = readNode(m);
    if (n) nodes.push(n);
  }
  const ids = new Set(nodes.map((n) => n.id));
  const edges: BoardEdge[] = [];
  for (const m of r.edges.values()) {
    const e = readEdge(m);
    if (e && ids.has(e.source) && ids.has(e.target)) edges.push(e);
  }
  const notes: Record<string, string> = {};
  for (const [step, text] of r.notes.entries()) if (text instanceof Y.Text) notes[step] = text.toString();
  // Y.Map iterates in the order updates arrived, which differs between peers: sort so every peer reads the same board.
  nodes.sort(byId);
  edges.sort(byId);
  const question = str(r.session.get('question'));
  const extra = r.meta.get('extra');
  return {
    ...(question !== undefined && { question }),
    nodes,
    edges,
    notes,
    ...(extra !== null && typeof extra === 'object' && { extra: extra as Record<string, unknown> }),
  };
};

const nodeToMap = (n: BoardNode): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  m.set('id', n.id);
  m.set('kind', n.kind);
  m.set('x', n.position.x);
  m.set('y', n.position.y);
  if (n.label !== undefined) m.set('label', n.label);
  if (n.size) {
    m.set('w', n.size.width);
    m.set('h', n.size.height);
  }
  const props = new Y.Map<PropValue>();
  for (const [k, v] of Object.entries(n.props ?? {})) props.set(k, v);
  m.set('props', props);
  if (n.extra) m.set('extra', n.extra);
  return m;
};

const edgeToMap = (e: BoardEdge): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  m.set('id', e.id);
  m.set('source', e.source);
  m.set('target', e.target);
  if (e.label !== undefined) m.set('label', e.label);
  if (e.protocol !== undefined) m.set('protocol', e.protocol);
  if (e.extra) m.set('extra', e.extra);
  return m;
};

/** Replaces the whole document with `board` in one transaction (New, Open). */
export const replaceBoard = (doc: Y.Doc, board: Board, origin: unknown): void => {
  const r = boardRoots(doc);
  doc.transact(() => {
    r.nodes.clear();
    r.edges.clear();
    r.notes.clear();
    r.meta.clear();
    for (const n of board.nodes) r.nodes.set(n.id, nodeToMap(n));
    for (const e of board.edges) r.edges.set(e.id, edgeToMap(e));
    for (const [step, text] of Object.entries(board.notes)) r.notes.set(step, new Y.Text(text));
    if (board.extra) r.meta.set('extra', board.extra);
    if (board.question !== undefined) r.session.set('question', board.question);
    else r.session.delete('question');
  }, origin);
};

export const addNodes = (doc: Y.Doc, nodes: readonly BoardNode[], origin: unknown): void => {
  const r = boardRoots(doc);
  doc.transact(() => {
    for (const n of nodes) r.nodes.set(n.id, nodeToMap(n));
  }, origin);
};

export const addEdges = (doc: Y.Doc, edges: readonly BoardEdge[], origin: unknown): void => {
  const r = boardRoots(doc);
  doc.transact(() => {
    for (const e of edges) if (r.nodes.has(e.source) && r.nodes.has(e.target)) r.edges.set(e.id, edgeToMap(e));
  }, origin);
};

export interface NodePatch {
  readonly label?: string;
  readonly position?: Point;
  readonly size?: Size;
}

/** Writes only the fields that changed, so a no-op edit leaves no history. */
export const updateNode = (doc: Y.Doc, id: string, patch: NodePatch, origin: unknown): void => {
  const m = boardRoots(doc).nodes.get(id);
  if (!m) return;
  doc.transact(() => {
    const put = (key: string, v: unknown) => {
      if (m.get(key) !== v) m.set(key, v);
    };
    if (patch.label !== undefined) put('label', patch.label);
    if (patch.position) {
      put('x', patch.position.x);
      put('y', patch.position.y);
    }
    if (patch.size) {
      put('w', patch.size.width);
      put('h', patch.size.height);
    }
  }, origin);
};

/** Moves several nodes in one transaction: one undo step, one update on the wire. */
export const moveNodes = (doc: Y.Doc, positions: ReadonlyMap<string, Point>, origin: unknown): void => {
  const nodes = boardRoots(doc).nodes;
  doc.transact(() => {
    for (const [id, p] of positions) {
      const m = nodes.get(id);
      if (!m) continue;
      if (m.get('x') !== p.x) m.set('x', p.x);
      if (m.get('y') !== p.y) m.set('y', p.y);
    }
  }, origin);
};

/** Sets (or, with undefined, removes) one prop of a node. */
export const setNodeProp = (doc: Y.Doc, id: string, key: string, value: PropValue | undefined, origin: unknown): void => {
  const m = boardRoots(doc).nodes.get(id);
  if (!m) return;
  doc.transact(() => {
    let props = m.get('props');
    if (!(props instanceof Y.Map)) {
      props = new Y.Map<PropValue>();
      m.set('props', props);
    }
    const p = props as Y.Map<PropValue>;
    if (value === undefined) p.delete(key);
    else if (p.get(key) !== value) p.set(key, value);
  }, origin);
};

export interface EdgePatch {
  readonly label?: string;
  /** null clears the protocol. */
  readonly protocol?: Protocol | null;
}

export const updateEdge = (doc: Y.Doc, id: string, patch: EdgePatch, origin: unknown): void => {
  const m = boardRoots(doc).edges.get(id);
  if (!m) return;
  doc.transact(() => {
    if (patch.label !== undefined && m.get('label') !== patch.label) m.set('label', patch.label);
    if (patch.protocol === null) m.delete('protocol');
    else if (patch.protocol !== undefined && m.get('protocol') !== patch.protocol) m.set('protocol', patch.protocol);
  }, origin);
};

/** Deletes nodes and edges; edges touching a deleted node go too. */
export const deleteElements = (
  doc: Y.Doc,
  ids: { readonly nodeIds?: readonly string[]; readonly edgeIds?: readonly string[] },
  origin: unknown,
): void => {
  const r = boardRoots(doc);
  const nodeIds = new Set(ids.nodeIds ?? []);
  doc.transact(() => {
    for (const id of nodeIds) r.nodes.delete(id);
    for (const id of ids.edgeIds ?? []) r.edges.delete(id);
    if (nodeIds.size === 0) return;
    for (const [id, m] of r.edges.entries()) {
      if (nodeIds.has(m.get('source') as string) || nodeIds.has(m.get('target') as string)) r.edges.delete(id);
    }
  }, origin);
};

/** The Y.Text of a step's notes, created on first use (inside a transaction of `origin`). */
export const notesText = (doc: Y.Doc, step: string, origin: unknown): Y.Text => {
  const notes = boardRoots(doc).notes;
  let t = notes.get(step);
  if (!(t instanceof Y.Text)) {
    t = new Y.Text();
    const created = t;
    doc.transact(() => notes.set(step, created), origin);
  }
  return t;
};

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Replaces a step's notes with `next` by editing only the changed middle, so
 * a partner's concurrent typing elsewhere in the text survives.
 */
export const setNotes = (doc: Y.Doc, step: string, next: string, origin: unknown): void => {
  const t = notesText(doc, step, origin);
  const prev = t.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  // Never cut an emoji (a surrogate pair) in half: Y.Text would store U+FFFD for each half.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  doc.transact(() => {
    if (endPrev > start) t.delete(start, endPrev - start);
    if (endNext > start) t.insert(start, next.slice(start, endNext));
  }, origin);
};

export const readQuestion = (doc: Y.Doc): string | undefined => str(boardRoots(doc).session.get('question'));

export const setQuestion = (doc: Y.Doc, question: string, origin: unknown): void => {
  doc.transact(() => boardRoots(doc).session.set('question', question), origin);
};

/**
 * Per-user undo: tracks only `origin`, so undo never reverts a partner's edits.
 * The session map (timer, roles) is deliberately not undoable.
 */
export const createUndoManager = (doc: Y.Doc, origin: unknown): Y.UndoManager => {
  const r = boardRoots(doc);
  return new Y.UndoManager([r.nodes, r.edges, r.notes], { trackedOrigins: new Set([origin]), captureTimeout: 400 });
};

/** Ids of the nodes touched by a batch of deep events on the nodes root. */
export const changedNodeIds = (events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> => {
  const ids = new Set<string>();
  for (const ev of events) {
    if (ev.path.length === 0) for (const k of ev.keys.keys()) ids.add(k);
    else ids.add(String(ev.path[0]));
  }
  return ids;
};

/** Observes every document change; returns the unsubscribe function. */
export const observeBoard = (doc: Y.Doc, onChange: (tr: Y.Transaction) => void): (() => void) => {
  const handler = (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => onChange(tr);
  doc.on('afterTransaction', handler as never);
  return () => doc.off('afterTransaction', handler as never);
};

/** A fresh unique id for a node or edge: short, random, safe in JSON and URLs. */
export const newId = (prefix: string): string => {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${prefix}_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
};

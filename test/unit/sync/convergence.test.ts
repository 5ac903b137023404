import {
  addEdges,
  addNodes,
  createLocalOrigin,
  createUndoManager,
  deleteElements,
  moveNodes,
  newId,
  readBoard,
  replaceBoard,
  setNodeProp,
  setNotes,
  updateEdge,
  updateNode,
} from '@shared/board/doc';
import { NODE_KINDS, PROTOCOLS } from '@shared/board/kinds';
import type { Board } from '@shared/board/types';
import { STEP_IDS } from '@shared/framework/steps';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { board, edge, node } from '../../fixtures/boards/builders';
import { DocNetwork, seededRandom } from '../support/docNetwork';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
const int = (random: Random, max: number) => Math.floor(random() * max);

/** One user's random edit of their own current view of the board, like a person clicking around. */
const randomEdit = (random: Random, doc: Y.Doc, origin: unknown, undo: Y.UndoManager): void => {
  const view = readBoard(doc);
  const someNode = pick(random, view.nodes);
  const someEdge = pick(random, view.edges);
  const roll = random();
  if (roll < 0.18 || !someNode) {
    const kind = pick(random, NODE_KINDS) ?? 'service';
    addNodes(doc, [node(newId('n'), kind, { position: { x: int(random, 1000), y: int(random, 800) } })], origin);
  } else if (roll < 0.32) {
    moveNodes(doc, new Map([[someNode.id, { x: int(random, 1000), y: int(random, 800) }]]), origin);
  } else if (roll < 0.44) {
    updateNode(doc, someNode.id, { label: `label ${int(random, 100)}` }, origin);
  } else if (roll < 0.56) {
    const value = pick(random, [int(random, 5), 'redis', true, false, undefined]);
    setNodeProp(doc, someNode.id, pick(random, ['replicas', 'tech', 'sharded']) ?? 'replicas', value, origin);
  } else if (roll < 0.62) {
    deleteElements(doc, { nodeIds: [someNode.id] }, origin);
  } else if (roll < 0.74) {
    const target = pick(random, view.nodes) ?? someNode;
    addEdges(doc, [{ id: newId('e'), source: someNode.id, target: target.id }], origin);
  } else if (roll < 0.8 && someEdge) {
    updateEdge(doc, someEdge.id, { protocol: random() < 0.2 ? null : (pick(random, PROTOCOLS) ?? 'http') }, origin);
  } else if (roll < 0.83 && someEdge) {
    deleteElements(doc, { edgeIds: [someEdge.id] }, origin);
  } else if (roll < 0.96) {
    const step = pick(random, STEP_IDS) ?? 'scope';
    const text = view.notes[step] ?? '';
    const at = int(random, text.length + 1);
    const next =
      random() < 0.7 ? `${text.slice(0, at)} word${int(random, 50)}${text.slice(at)}` : text.slice(0, at) + text.slice(at + 5);
    setNotes(doc, step, next, origin);
  } else {
    undo.undo();
  }
  if (random() < 0.5) undo.stopCapturing();
};

/** Boards compare as sets: each peer may list map entries in the order it received them. */
const normalised = (b: Board): Board => ({
  ...b,
  nodes: [...b.nodes].sort((x, y) => x.id.localeCompare(y.id)),
  edges: [...b.edges].sort((x, y) => x.id.localeCompare(y.id)),
  notes: Object.fromEntries(Object.entries(b.notes).sort(([x], [y]) => x.localeCompare(y))),
});

let net: DocNetwork | undefined;
afterEach(() => net?.destroy());

describe('convergence of concurrent edits', () => {
  it.each([1, 2, 3, 42])('3 peers, 300 random edits, out-of-order and delayed delivery, a dropped link (seed %i)', (seed) => {
    const random = seededRandom(seed);
    net = new DocNetwork(3);
    const peers = net.docs.map((doc, i) => {
      const origin = createLocalOrigin(`user${i}`);
      return { doc, origin, undo: createUndoManager(doc, origin) };
    });
    let offline: number | null = null;
    for (let op = 0; op < 300; op++) {
      const peer = peers[int(random, peers.length)];
      if (peer) randomEdit(random, peer.doc, peer.origin, peer.undo);
      // Deliver a few messages, in random order; the rest wait (delayed).
      for (let n = int(random, 4); n > 0; n--) net.deliverOne(random);
      if (random() < 0.05) net.shuffle(random);
      // Now and then one peer drops off (losing its in-flight messages) and later resyncs by state vector.
      if (offline === null && random() < 0.02) {
        offline = int(random, peers.length);
        net.disconnect(offline);
      } else if (offline !== null && random() < 0.1) {
        net.reconnect(offline);
        offline = null;
      }
    }
    if (offline !== null) net.reconnect(offline);
    net.flush(random);

    const boards = net.docs.map((d) => normalised(readBoard(d)));
    expect(boards[0]?.nodes.length).toBeGreaterThan(5);
    expect(boards[1]).toEqual(boards[0]);
    expect(boards[2]).toEqual(boards[0]);
    const vectors = net.docs.map((d) => Y.encodeStateVector(d));
    expect(vectors[1]).toEqual(vectors[0]);
    expect(vectors[2]).toEqual(vectors[0]);
  });

  it('two peers editing different fields of one component concurrently both survive', () => {
    net = new DocNetwork(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    replaceBoard(a, board([node('api', 'service', { label: 'API', props: { replicas: 1 } })]), 'setup');
    net.flush();
    updateNode(a, 'api', { label: 'Shortener API' }, createLocalOrigin('a'));
    setNodeProp(b, 'api', 'replicas', 3, createLocalOrigin('b'));
    updateNode(b, 'api', { position: { x: 50, y: 60 } }, createLocalOrigin('b'));
    net.flush();
    for (const doc of [a, b]) {
      expect(readBoard(doc).nodes).toEqual([
        node('api', 'service', { label: 'Shortener API', position: { x: 50, y: 60 }, props: { replicas: 3 } }),
      ]);
    }
  });

  it('concurrent typing in the same notes keeps both people’s words', () => {
    net = new DocNetwork(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    setNotes(a, 'deep_dive', 'ids: base62', createLocalOrigin('a'));
    net.flush();
    setNotes(a, 'deep_dive', 'ids: base62 of a counter', createLocalOrigin('a'));
    setNotes(b, 'deep_dive', 'short ids: base62', createLocalOrigin('b'));
    net.flush();
    expect(readBoard(a).notes.deep_dive).toBe('short ids: base62 of a counter');
    expect(readBoard(b).notes).toEqual(readBoard(a).notes);
  });

  it('an edge added to a node a partner deletes at the same time disappears on both', () => {
    net = new DocNetwork(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    replaceBoard(a, board([node('s', 'service'), node('q', 'message_queue')]), 'setup');
    net.flush();
    addEdges(a, [edge('s', 'q', 'async')], createLocalOrigin('a'));
    deleteElements(b, { nodeIds: ['q'] }, createLocalOrigin('b'));
    net.flush();
    for (const doc of [a, b]) expect(readBoard(doc)).toEqual(board([node('s', 'service')]));
  });
});

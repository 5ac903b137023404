import * as Y from 'yjs';

/**
 * In-memory peers for CRDT tests, in the spirit of yjs's own TestConnector:
 * every update a doc emits is queued for each other connected peer, and the
 * test decides when (and in which order) messages arrive. Nothing is
 * delivered until the test asks, so concurrency is explicit.
 */

/** Origin of updates applied by the network, so they never echo back and undo managers ignore them. */
export const NETWORK = Symbol('network');

interface Message {
  readonly from: number;
  readonly to: number;
  readonly update: Uint8Array;
}

/** A small seeded PRNG (mulberry32) so a failing random run can be replayed from its seed. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export class DocNetwork {
  readonly docs: Y.Doc[];
  private queue: Message[] = [];
  private readonly online: boolean[];

  constructor(peers: number) {
    this.docs = Array.from({ length: peers }, () => new Y.Doc());
    this.online = this.docs.map(() => true);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK || !this.online[from]) return;
        this.docs.forEach((_, to) => {
          if (to !== from && this.online[to]) this.queue.push({ from, to, update });
        });
      });
    });
  }

  /** Messages sent but not yet delivered. */
  get pending(): number {
    return this.queue.length;
  }

  /** Delivers the oldest pending message, or a random one when `random` is given. */
  deliverOne(random?: () => number): boolean {
    if (this.queue.length === 0) return false;
    const i = random ? Math.floor(random() * this.queue.length) : 0;
    const [msg] = this.queue.splice(i, 1);
    if (msg) this.apply(msg.to, msg.update);
    return true;
  }

  /** Delivers every pending message (and any they cause), optionally in random order. */
  flush(random?: () => number): void {
    while (this.deliverOne(random)) {
      // keep delivering
    }
  }

  /** Randomly reorders pending messages, as an unordered transport would. */
  shuffle(random: () => number): void {
    for (let i = this.queue.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [this.queue[i], this.queue[j]] = [this.queue[j] as Message, this.queue[i] as Message];
    }
  }

  /** Loses every pending message addressed to or sent by `peer`, and stops its traffic until `reconnect`. */
  disconnect(peer: number): void {
    this.online[peer] = false;
    this.queue = this.queue.filter((m) => m.from !== peer && m.to !== peer);
  }

  /** Brings a peer back and runs the sync handshake (state vector → missing updates) with every online peer. */
  reconnect(peer: number): void {
    this.online[peer] = true;
    this.docs.forEach((_, other) => {
      if (other !== peer && this.online[other]) this.resync(peer, other);
    });
  }

  /** y-protocols' sync steps 1 and 2 in both directions: each side sends only what the other lacks. */
  resync(a: number, b: number): void {
    const docA = this.doc(a);
    const docB = this.doc(b);
    const missingOnB = Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB));
    const missingOnA = Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA));
    Y.applyUpdate(docB, missingOnB, NETWORK);
    Y.applyUpdate(docA, missingOnA, NETWORK);
  }

  destroy(): void {
    for (const d of this.docs) d.destroy();
    this.queue = [];
  }

  private doc(i: number): Y.Doc {
    const d = this.docs[i];
    if (!d) throw new Error(`no peer ${i}`);
    return d;
  }

  private apply(to: number, update: Uint8Array): void {
    Y.applyUpdate(this.doc(to), update, NETWORK);
  }
}

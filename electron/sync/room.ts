import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness, encodeUpdate } from './protocol';
import type { RoomStore } from './store';

/** One connected participant as the room sees it: something frames can be sent to. */
export interface Peer {
  send(frame: Uint8Array): void;
  /** For logs: who this is (address, role). */
  readonly label: string;
}

/** Origin of the transaction that applies stored state, so it is not written back to the store. */
const LOADED = Symbol('loaded from store');
/** Origin of an update another node wrote (shared store): relayed to this node's peers, not written again. */
const REMOTE = Symbol('written by another node');

/**
 * A room in memory: its Y.Doc, the awareness of its peers, and who is
 * connected. The doc is filled from the store before `ready` resolves; the
 * connection waits for it before answering any sync message, so a client never
 * sees an empty doc that is not really empty (y-websocket issue 81).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each peer with the awareness client ids it announced, removed when it leaves. */
  readonly peers = new Map<Peer, Set<number>>();
  readonly ready: Promise<void>;
  /** The frame being applied by applyAwareness, if any. */
  private incomingAwareness: Uint8Array | null = null;

  constructor(
    readonly id: string,
    private readonly store: RoomStore,
    /** Settles when an earlier copy of this room has finished leaving memory. */
    previous: Promise<void>,
  ) {
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.ready = previous
      .then(() => store.load(id, this.onRemote))
      .then((state) => {
        if (state) Y.applyUpdate(this.doc, state, LOADED);
        this.doc.on('update', this.onUpdate);
        this.awareness.on('update', this.onAwareness);
      });
    // A failed load is reported to each connection through `ready`; this keeps it from being "unhandled" meanwhile.
    this.ready.catch(() => {});
  }

  join(peer: Peer): void {
    this.peers.set(peer, new Set());
  }

  /** Removes the peer and its cursor, name and selection from everyone's view. */
  leave(peer: Peer): void {
    const controlled = this.peers.get(peer);
    if (!controlled) return;
    this.peers.delete(peer);
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  /** Applies a peer's update; the doc's update handler then stores and relays it. */
  applyUpdate(update: Uint8Array, from: Peer): void {
    Y.applyUpdate(this.doc, update, from);
    // An update waiting for a missing dependency is integrated by whichever transaction brings it; if another
    // node's update does, onUpdate would not store it, so it is stored as it came (a duplicate is harmless).
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) this.store.append(this.id, update);
  }

  /** `frame` is the peer's whole message: relayed as it came, not decoded and encoded again (presence flows at 20–30 Hz). */
  applyAwareness(update: Uint8Array, frame: Uint8Array, from: Peer): void {
    this.incomingAwareness = frame;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, from);
    } finally {
      this.incomingAwareness = null;
    }
  }

  /** Frees the doc and hands its state to the store; rejects if the store could not write it. */
  async close(): Promise<void> {
    const loaded = await this.ready.then(
      () => true,
      () => false,
    );
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    // A room that never loaded has an empty doc: storing that would hide what the store holds.
    const state = loaded ? Y.encodeStateAsUpdate(this.doc) : null;
    this.awareness.destroy();
    this.doc.destroy();
    if (state) await this.store.evict(this.id, state);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADED) return;
    const frame = encodeUpdate(update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
    // Queued, not written: the store batches every room's updates into one write within its flush window.
    if (origin !== REMOTE) this.store.append(this.id, update);
  };

  /** Another node's update: before `ready` it joins the loaded state (nobody is synced yet), after it is relayed. */
  private readonly onRemote = (update: Uint8Array): void => {
    if (!this.doc.isDestroyed) Y.applyUpdate(this.doc, update, REMOTE);
  };

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    // A peer's own frame is passed on as is; removals (a peer left, a state timed out) are encoded here.
    const frame = this.incomingAwareness ?? encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
  };
}

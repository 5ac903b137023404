import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PresenceEntry } from './presenceGuard';
import { encodeAwareness, encodeSyncStep2, encodeUpdate, MESSAGE_AWARENESS } from './protocol';
import type { RoomStore } from './store';
import { hasSubdocuments } from './subdocuments';

/** One connected participant as the room sees it: something frames can be sent to. */
export interface Peer {
  send(frame: Uint8Array): void;
  /** For logs: who this is (address, role). */
  readonly label: string;
  /** Closes the connection (links revoked, server shutting down). */
  close(code: number, reason: string): void;
  /**
   * Kept here for the room, which alone writes them (one object per
   * connection, not a slot object beside it): the presence client id this
   * peer owns (null until it announced one), and how far ahead of the
   * client's own clock the server numbers it (see applyPresence).
   */
  presenceId: number | null;
  presenceOffset: number | null;
}

/** Why a document update was refused; nothing of it was applied. */
export type UpdateRefusal = 'subdocuments' | 'too large';

/** Origin of the transaction that applies stored state, so it is not written back to the store. */
const LOADED = Symbol('loaded from store');
/** Origin of an update another node wrote (shared store): relayed to this node's peers, not written again. */
const REMOTE = Symbol('written by another node');

/** Departed participants' presence clocks kept past this many (so a returning one is not ignored by peers), oldest forgotten first. */
const MAX_PRESENCE_RECORDS = 256;

/**
 * A room in memory: its Y.Doc, the awareness of its peers, and who is
 * connected. The doc is filled from the store before `ready` resolves; the
 * connection waits for it before answering any sync message, so a client never
 * sees an empty doc that is not really empty (y-websocket issue 81).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Who is connected (each with the presence client id it owns, if it announced one). */
  readonly peers = new Set<Peer>();
  readonly ready: Promise<void>;
  /** The frame being applied by applyPresence, if any. */
  private incomingAwareness: Uint8Array | null = null;
  /** The doc's encoded size: exact after a load or a measure, an upper bound after updates (their sizes are added). */
  private size = 0;
  private sizeExact = true;
  /** The answer to a newcomer's sync step 1 (the whole document), kept until the next update: encoded once per version. */
  private fullStateAnswer: Uint8Array | null = null;

  constructor(
    readonly id: string,
    private readonly store: RoomStore,
    /** Settles when an earlier copy of this room has finished leaving memory. */
    previous: Promise<void>,
    /** The document size cap (SyncLimits.roomBytes). */
    private readonly maxBytes: number,
  ) {
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.ready = previous
      // Only a shared store keeps the first callback, only a persistent one the second; the others drop them.
      .then(() =>
        store.load(
          id,
          (update) => this.applyRemote(update),
          () => Y.encodeStateAsUpdate(this.doc),
        ),
      )
      .then((state) => {
        const updates = state === null ? [] : state instanceof Uint8Array ? [state] : state;
        Y.transact(
          this.doc,
          () => {
            for (const update of updates) Y.applyUpdate(this.doc, update, LOADED);
          },
          LOADED,
        );
        // Exact for one update; several overlap (an upper bound, measured when it nears the cap).
        for (const update of updates) this.size += update.byteLength;
        this.sizeExact = updates.length <= 1;
        this.doc.on('update', this.onUpdate);
        this.awareness.on('update', this.onAwareness);
      });
    // A failed load is reported to each connection through `ready`; this keeps it from being "unhandled" meanwhile.
    this.ready.catch(() => {});
  }

  join(peer: Peer): void {
    peer.presenceId = null;
    peer.presenceOffset = null;
    this.peers.add(peer);
  }

  /**
   * Binds a presence client id to a peer; false when another connected peer
   * owns it (the one that announced it first). Looked up in `peers` (a few
   * dozen at most, once per connection) rather than kept in a second map.
   */
  claimPresence(peer: Peer, clientId: number): boolean {
    for (const other of this.peers) if (other !== peer && other.presenceId === clientId) return false;
    peer.presenceId = clientId;
    peer.presenceOffset = null;
    return true;
  }

  /** Removes the peer and its cursor, name and selection from everyone's view. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const clientId = peer.presenceId;
    if (clientId === null) return;
    if (this.awareness.states.has(clientId)) awarenessProtocol.removeAwarenessStates(this.awareness, [clientId], null);
    this.forgetDeparted();
  }

  /**
   * Applies a peer's update unless it holds subdocuments (each would become a
   * Y.Doc in server memory) or would take the document past its size cap; the
   * doc's update handler then stores and relays it. Returns why it was refused.
   */
  applyUpdate(update: Uint8Array, from: Peer): UpdateRefusal | null {
    if (hasSubdocuments(update)) return 'subdocuments';
    if (this.size + update.byteLength > this.maxBytes && !this.sizeExact) {
      // Measured only when the running estimate crosses the cap, and not again until an update is accepted.
      this.size = Y.encodeStateAsUpdate(this.doc).byteLength;
      this.sizeExact = true;
    }
    if (this.size + update.byteLength > this.maxBytes) return 'too large';
    Y.applyUpdate(this.doc, update, from);
    // An update waiting for a missing dependency is integrated by whichever transaction brings it; if another
    // node's update does, onUpdate would not store it, so it is stored as it came (a duplicate is harmless).
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) this.store.append(this.id, update);
    return null;
  }

  /**
   * The sync step 2 frame answering a client's state vector: what it lacks.
   * Most ask with an empty one (a newcomer): that frame is encoded once per
   * document version, so many joins (or one participant asking again and
   * again) cost one encode and no copy.
   */
  answerSyncStep1(stateVector: Uint8Array): Uint8Array {
    if (stateVector.byteLength !== 1 || stateVector[0] !== 0)
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    if (!this.fullStateAnswer) {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.size = state.byteLength;
      this.sizeExact = true;
      this.fullStateAnswer = encodeSyncStep2(state);
    }
    return this.fullStateAnswer;
  }

  /**
   * Applies presence entries a connection's PresenceGuard let through (its
   * own id only). The clock peers see is the client's plus an offset fixed at
   * the connection's first announcement: at least 2 and past what the room
   * last relayed for that id. A client keeps its clock across reconnects while
   * peers bumped theirs by one when it left, and a restarted server knows no
   * clocks at all; without the offset peers would ignore a returning
   * participant until it moved twice (as with the stock y-websocket server).
   */
  applyPresence(entries: readonly PresenceEntry[], from: Peer): void {
    if (entries.length === 0 || !this.peers.has(from) || from.presenceId === null) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, entries.length);
    for (const { clientId, clock, state } of entries) {
      from.presenceOffset ??= Math.max(2, (this.awareness.meta.get(clientId)?.clock ?? 0) + 1 - clock);
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock + from.presenceOffset);
      encoding.writeVarString(e, JSON.stringify(state));
    }
    const update = encoding.toUint8Array(e);
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(frame, update);
    this.incomingAwareness = encoding.toUint8Array(frame);
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

  /** y-protocols keeps a clock for every id it ever saw; past MAX_PRESENCE_RECORDS the oldest departed ones go. */
  private forgetDeparted(): void {
    const meta = this.awareness.meta;
    if (meta.size <= MAX_PRESENCE_RECORDS) return;
    for (const id of meta.keys()) {
      if (meta.size <= MAX_PRESENCE_RECORDS) break;
      if (!this.awareness.states.has(id)) meta.delete(id);
    }
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullStateAnswer = null;
    if (origin === LOADED) return;
    // Peers' and other nodes' updates alike: the size estimate grows by what each adds at most.
    this.size += update.byteLength;
    this.sizeExact = false;
    const frame = encodeUpdate(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(frame);
    // Queued, not written: the store batches every room's updates into one write within its flush window.
    if (origin !== REMOTE) this.store.append(this.id, update);
  };

  /** Another node's update: before `ready` it joins the loaded state (nobody is synced yet), after it is relayed. */
  private applyRemote(update: Uint8Array): void {
    if (!this.doc.isDestroyed) Y.applyUpdate(this.doc, update, REMOTE);
  }

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // A peer's presence goes out as applyPresence encoded it; removals (a peer left, a state timed out) are encoded here.
    const frame = this.incomingAwareness ?? encodeAwareness(this.awareness, [...added, ...updated, ...removed]);
    for (const peer of this.peers) if (peer !== origin) peer.send(frame);
  };
}

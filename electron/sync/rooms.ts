import type { Logger } from './log';
import { Room } from './room';
import type { RoomStore } from './store';

/**
 * The rooms in memory. A room enters on its first connection and leaves
 * `idleEvictMs` after its last one goes (compacted into the store first), so
 * an idle server's memory returns to its baseline while every room stays on disk.
 */
export class RoomRegistry {
  private readonly live = new Map<string, Room>();
  private readonly timers = new Map<Room, NodeJS.Timeout>();
  /** Rooms on their way out; a room re-opened meanwhile loads after the flush. */
  private readonly leaving = new Map<string, Promise<void>>();

  constructor(
    private readonly store: RoomStore,
    private readonly idleEvictMs: number,
    private readonly log: Logger,
    /** Per room document size cap (SyncLimits.roomBytes). */
    private readonly roomBytes: number,
  ) {}

  /** The room if it is in memory; never loads one (an upgrade that has not completed must not pin a room). */
  peek(id: string): Room | undefined {
    return this.live.get(id);
  }

  /** The room, loaded into memory if it was not; cancels a pending eviction. Only for a connection that exists: it must `release` when it closes. */
  acquire(id: string): Room {
    let room = this.live.get(id);
    if (!room) {
      room = new Room(id, this.store, this.leaving.get(id) ?? Promise.resolve(), this.roomBytes);
      const created = room;
      created.ready.catch((err: Error) => {
        this.log.warn(`room ${id} failed to load: ${err.message}`);
        if (this.live.get(id) === created) this.live.delete(id);
      });
      this.live.set(id, room);
    }
    const timer = this.timers.get(room);
    if (timer) clearTimeout(timer);
    this.timers.delete(room);
    return room;
  }

  /** Called after a peer left: starts the idle countdown when nobody is left. */
  release(room: Room): void {
    if (room.peers.size > 0 || this.live.get(room.id) !== room || this.timers.has(room)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      if (room.peers.size === 0) void this.evict(room);
    }, this.idleEvictMs);
    timer.unref();
    this.timers.set(room, timer);
  }

  private evict(room: Room): Promise<void> {
    this.live.delete(room.id);
    const done = room
      .close()
      .then(() => this.log.info(`room ${room.id} flushed and left memory`))
      .catch((err: Error) => this.log.warn(`room ${room.id} could not be flushed: ${err.message}`))
      .finally(() => {
        if (this.leaving.get(room.id) === done) this.leaving.delete(room.id);
      });
    this.leaving.set(room.id, done);
    return done;
  }

  /** Flushes and frees every room (shutdown); connections must be closed first. */
  async closeAll(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.live.values()].map((r) => this.evict(r)));
    await Promise.all([...this.leaving.values()]);
  }

  get size(): number {
    return this.live.size;
  }

  get connections(): number {
    let n = 0;
    for (const r of this.live.values()) n += r.peers.size;
    return n;
  }
}

import * as decoding from 'lib0/decoding';
import type { Role } from '../../shared/collab';
import { refill, type SyncLimits } from './limits';

/** One participant's presence as the server relays it: a JSON object with the role stamped in, or null when it left. */
export interface PresenceEntry {
  readonly clientId: number;
  /** The clock the client gave it (already checked to be a small step forward). */
  readonly clock: number;
  readonly state: Record<string, unknown> | null;
}

/** A frame no honest client sends (too many entries): the connection is closed. */
export class PresenceAbuse extends Error {}

/** What a connection's presence frames were dropped for, for the room's counters and one log line each. */
export type PresenceDrop = 'foreign id' | 'clock' | 'too large' | 'rate' | 'not an object';

const textDecoder = new TextDecoder();
/** Clocks past this are refused even on a first announcement: y-protocols' clock goes up by one per change, and the server adds to it. */
const MAX_CLOCK = 2 ** 40;

/**
 * Polices one connection's awareness (presence) frames: the base of the
 * connection itself (one object per connection, not two). The connection owns
 * one client id: the first it announces that no other live connection holds.
 * Entries for any other id are dropped (the stock y-websocket client echoes
 * every peer's presence back, so this is normal and silent). Its own entries
 * pass only with a clock moving forward by at most `presenceClockStep`, a
 * state of at most `presenceStateBytes` that is a JSON object (or null:
 * leaving), and within `presencePerSecond`; the role from the token replaces
 * whatever role the state claims. y-protocols' `applyAwarenessUpdate` would
 * otherwise keep a record for every id and any clock it is sent, forever.
 */
export abstract class PresenceGuard {
  /** The client id this connection owns, once it has announced one. */
  clientId: number | null = null;
  private lastClock = 0;
  /** The presence rate's token bucket: what is left, as of `rateAt` (plain fields: one object less per connection). */
  private rateLeft: number;
  private rateAt: number;

  constructor(
    protected readonly role: Role,
    private readonly limits: SyncLimits,
    now: number,
  ) {
    this.rateLeft = limits.presenceBurst;
    this.rateAt = now;
  }

  /** Binds an id to this connection; false when another live connection holds it. */
  protected abstract claimPresence(clientId: number): boolean;
  /** Counts (and logs) an entry dropped. */
  protected abstract presenceDropped(why: PresenceDrop): void;

  /** The entries of an awareness update (the y-protocols payload) that may be applied and relayed; throws on malformed input or abuse. */
  filterPresence(update: Uint8Array, now: number): PresenceEntry[] {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    if (count > this.limits.presenceEntriesPerFrame)
      throw new PresenceAbuse(`${count} presence entries in one frame (at most ${this.limits.presenceEntriesPerFrame})`);
    const out: PresenceEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarUint8Array(d);
      const entry = this.accept(clientId, clock, json, now);
      if (entry) out.push(entry);
    }
    if (decoding.hasContent(d)) throw new Error('trailing bytes after the presence entries');
    return out;
  }

  private accept(clientId: number, clock: number, json: Uint8Array, now: number): PresenceEntry | null {
    if (this.clientId === null) {
      if (clock > MAX_CLOCK) return this.drop('clock');
      if (!this.claimPresence(clientId)) return this.drop('foreign id');
      this.clientId = clientId;
    } else if (clientId !== this.clientId) return this.drop('foreign id');
    else if (clock <= this.lastClock || clock > this.lastClock + this.limits.presenceClockStep) return this.drop('clock');
    // Past the clock check the client has moved on, even if this state is dropped below: its next one is a small step from here.
    this.lastClock = clock;
    if (json.byteLength > this.limits.presenceStateBytes) return this.drop('too large');
    const state: unknown = JSON.parse(textDecoder.decode(json));
    if (state === null) return { clientId, clock, state: null };
    if (typeof state !== 'object' || Array.isArray(state)) return this.drop('not an object');
    if (!this.takeRate(now)) return this.drop('rate');
    return { clientId, clock, state: { ...(state as Record<string, unknown>), role: this.role } };
  }

  private takeRate(now: number): boolean {
    this.rateLeft = refill(this.rateLeft, now - this.rateAt, this.limits.presencePerSecond, this.limits.presenceBurst);
    this.rateAt = now;
    if (this.rateLeft < 1) return false;
    this.rateLeft -= 1;
    return true;
  }

  private drop(why: PresenceDrop): null {
    this.presenceDropped(why);
    return null;
  }
}

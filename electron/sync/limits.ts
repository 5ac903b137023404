/**
 * What one participant may cost the server. Every limit is per connection
 * unless it says per room; the defaults are listed in README.md ("Limits").
 * They sit well above what the app and the stock y-websocket client send (one
 * sync step 1 per connection, presence at 25 Hz, edits of a few hundred bytes,
 * and an echo of every peer's presence), so only abuse reaches them.
 */
export interface SyncLimits {
  /** Largest frame a client may send; larger ones close the socket with 1009 (ws's own check). */
  readonly maxPayload: number;
  /** More connections than this to one room are refused (503). */
  readonly maxConnectionsPerRoom: number;
  /** Sustained bytes per second a connection may send, and the burst above it; past both it is closed with CLOSE_BUDGET. */
  readonly bytesPerSecond: number;
  readonly bytesBurst: number;
  /** Sustained messages per second, and the burst; past both it is closed with CLOSE_BUDGET. */
  readonly messagesPerSecond: number;
  readonly messagesBurst: number;
  /** A sync step 1 (which makes the server encode the whole document) is answered at most once per this many ms; more are dropped. */
  readonly syncStep1IntervalMs: number;
  /** Presence updates per second a connection may publish, and the burst; more are dropped (not relayed). */
  readonly presencePerSecond: number;
  readonly presenceBurst: number;
  /** Largest presence state (its JSON, in bytes); a larger one is dropped. */
  readonly presenceStateBytes: number;
  /** How far one presence update may move its clock forward; a bigger jump (or a step back) is dropped. */
  readonly presenceClockStep: number;
  /** Entries one awareness frame may carry (a client echoes every peer's presence: at most a room's worth); more closes with CLOSE_BUDGET. */
  readonly presenceEntriesPerFrame: number;
  /** Per room: the document's encoded size may not pass this; an update that would is refused with CLOSE_ROOM_TOO_LARGE. */
  readonly roomBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

export const DEFAULT_LIMITS: SyncLimits = {
  maxPayload: 1 * MiB,
  maxConnectionsPerRoom: 32,
  bytesPerSecond: 512 * KiB,
  bytesBurst: 4 * MiB,
  messagesPerSecond: 1000,
  messagesBurst: 2000,
  syncStep1IntervalMs: 1000,
  presencePerSecond: 30,
  presenceBurst: 60,
  presenceStateBytes: 8 * KiB,
  presenceClockStep: 16,
  presenceEntriesPerFrame: 128,
  roomBytes: 4 * MiB,
};

/** A token bucket's tokens `elapsedMs` after it held `tokens`: refilled at `perSecond`, never past `burst`. */
export const refill = (tokens: number, elapsedMs: number, perSecond: number, burst: number): number =>
  Math.min(burst, tokens + (elapsedMs * perSecond) / 1000);

/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. `take` spends
 * `n` tokens if there are that many; time is passed in so tests need no clock.
 * (A connection keeps its buckets as plain fields and uses `refill`: one
 * object less per bucket per connection.)
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(n: number, now: number): boolean {
    this.tokens = refill(this.tokens, now - this.last, this.perSecond, this.burst);
    this.last = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

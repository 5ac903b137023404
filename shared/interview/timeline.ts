import * as Y from 'yjs';
import { z } from 'zod';
import { boardRoots } from '../board/doc';
import { decodeBase64url, encodeBase64url } from '../collab/base64url';
import { TIMER_KEY } from './timerDoc';

/**
 * The recorded timeline of one mock interview, taken from the board's own
 * history: the doc as it was when the attempt started (`base`), then every
 * Yjs update after it with the time it happened. Replaying applies them to a
 * separate Y.Doc (replay.ts), so the live board is never touched.
 *
 * Updates arriving within `windowMs` of the first one of a group are merged
 * into one entry (Y.mergeUpdates): typing a sentence becomes one small entry a
 * second instead of one per key, which keeps a 60-minute mock well under 1 MB.
 * An entry is stamped with the time of its last update, so the doc rebuilt at
 * `t` is exactly the doc of some moment in [t - windowMs, t].
 */
export interface TimelineEntry {
  /** Epoch ms of the last update merged into this entry. */
  readonly at: number;
  readonly update: Uint8Array;
}

/** Who took part, by Yjs client id, so a replay can draw each person's changes in their colour. */
export interface TimelineParticipant {
  readonly name: string;
  /** `#rrggbb`. */
  readonly colour: string;
  readonly role?: string;
}

export interface Timeline {
  readonly attemptId: string;
  /** Epoch ms when recording began (the attempt's start). */
  readonly startedAt: number;
  /** The whole doc when recording began. */
  readonly base: Uint8Array;
  readonly entries: readonly TimelineEntry[];
  readonly participants: Readonly<Record<string, TimelineParticipant>>;
}

export const TIMELINE_FORMAT = 'archdrill.timeline';
export const TIMELINE_VERSION = 1;
/** Updates this close together share one entry. */
export const DEFAULT_WINDOW_MS = 1000;

const participantSchema = z.object({
  name: z.string().max(40),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  role: z.string().max(20).optional(),
});

const b64 = z
  .string()
  .max(16 * 1024 * 1024)
  .transform((s, ctx) => {
    const bytes = decodeBase64url(s);
    if (!bytes) ctx.addIssue({ code: 'custom', message: 'is not base64url' });
    return bytes ?? new Uint8Array();
  });

/** The stored form: offsets from `startedAt` keep each entry to a few digits. */
export const storedTimelineSchema = z.object({
  format: z.literal(TIMELINE_FORMAT),
  version: z.literal(TIMELINE_VERSION),
  attemptId: z.string().min(1).max(100),
  startedAt: z.number(),
  base: b64,
  /** [ms since startedAt, update] pairs, in time order. */
  entries: z.array(z.tuple([z.number().min(0), b64])),
  participants: z.record(z.string().regex(/^\d+$/), participantSchema),
});

export type StoredTimeline = z.input<typeof storedTimelineSchema>;

export const timelineToJson = (t: Timeline): StoredTimeline => ({
  format: TIMELINE_FORMAT,
  version: TIMELINE_VERSION,
  attemptId: t.attemptId,
  startedAt: t.startedAt,
  base: encodeBase64url(t.base),
  entries: t.entries.map((e) => [Math.max(0, e.at - t.startedAt), encodeBase64url(e.update)]),
  participants: { ...t.participants },
});

/** The timeline of validated stored data; entries out of time order are sorted (a clock step back must not break seeking). */
export const timelineFromStored = (d: z.output<typeof storedTimelineSchema>): Timeline => ({
  attemptId: d.attemptId,
  startedAt: d.startedAt,
  base: d.base,
  entries: d.entries.map(([dt, update]) => ({ at: d.startedAt + dt, update })).sort((a, b) => a.at - b.at),
  participants: d.participants,
});

/** Validates a stored timeline. */
export const parseTimeline = (value: unknown): { ok: true; timeline: Timeline } | { ok: false; error: string } => {
  const r = storedTimelineSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `the replay data is not valid (${issue?.path.join('.') || 'root'}: ${issue?.message})` };
  }
  return { ok: true, timeline: timelineFromStored(r.data) };
};

/** Bytes the timeline takes as stored JSON (what the 1 MB budget is about). */
export const timelineSize = (t: Timeline): number => new TextEncoder().encode(JSON.stringify(timelineToJson(t))).length;

export interface TimelineRecorder {
  /** Closes the open group, so `timeline()` holds everything seen so far. */
  flush(): void;
  /** The timeline so far, including the open group. */
  timeline(): Timeline;
  setParticipant(clientId: number, who: TimelineParticipant): void;
  stop(): void;
}

export interface RecorderOptions {
  readonly attemptId: string;
  /** Injected clock (epoch ms). */
  readonly now: () => number;
  readonly windowMs?: number;
  /** A timeline recorded earlier for the same attempt (the app was reloaded): carry on from it. */
  readonly resume?: Timeline | null;
}

/**
 * Records `doc`'s updates from now on. Resuming after a reload first adds
 * whatever reached the doc while nobody recorded (the difference between the
 * doc and the stored timeline), so replay still ends at the board as it is.
 */
export function recordTimeline(doc: Y.Doc, options: RecorderOptions): TimelineRecorder {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const resume = options.resume?.attemptId === options.attemptId ? options.resume : null;
  const startedAt = resume?.startedAt ?? options.now();
  const base = resume?.base ?? Y.encodeStateAsUpdate(doc);
  const entries: TimelineEntry[] = resume ? [...resume.entries] : [];
  const participants: Record<string, TimelineParticipant> = { ...resume?.participants };
  let group: { first: number; last: number; updates: Uint8Array[] } | null = null;

  if (resume) {
    const recorded = Y.encodeStateVectorFromUpdate(Y.mergeUpdates([base, ...entries.map((e) => e.update)]));
    const missing = Y.encodeStateAsUpdate(doc, recorded);
    if (hasContent(missing)) entries.push({ at: Math.max(options.now(), entries.at(-1)?.at ?? startedAt), update: missing });
  }

  const close = () => {
    if (!group) return;
    const update = group.updates.length === 1 ? group.updates[0]! : Y.mergeUpdates(group.updates);
    entries.push({ at: group.last, update });
    group = null;
  };
  const session = boardRoots(doc).session;
  const onUpdate = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    // Never earlier than the previous entry: a wall clock stepping back must not reorder history.
    const at = Math.max(options.now(), group?.last ?? entries.at(-1)?.at ?? startedAt);
    // A step change is an entry of its own, so a replay shows steps begin and end exactly when they did.
    const stepChange = [...tr.changed].some(([type, keys]) => (type as unknown) === session && keys.has(TIMER_KEY));
    if (group && (stepChange || at - group.first > windowMs)) close();
    if (group) {
      group.updates.push(update);
      group.last = at;
    } else group = { first: at, last: at, updates: [update] };
    if (stepChange) close();
  };
  doc.on('update', onUpdate);

  return {
    flush: close,
    timeline() {
      const open = group ? [{ at: group.last, update: Y.mergeUpdates(group.updates) }] : [];
      return { attemptId: options.attemptId, startedAt, base, entries: [...entries, ...open], participants: { ...participants } };
    },
    setParticipant(clientId, who) {
      participants[String(clientId)] = who;
    },
    stop() {
      close();
      doc.off('update', onUpdate);
    },
  };
}

/** An update that carries no structs and no deletions is 2 bytes (two zero lengths). */
const hasContent = (update: Uint8Array): boolean => update.length > 2;

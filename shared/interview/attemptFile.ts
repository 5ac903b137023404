import { z } from 'zod';
import { type AttemptRecord, attemptRecordSchema } from './history';
import { storedTimelineSchema, type Timeline, timelineFromStored, timelineToJson } from './timeline';

/**
 * Attempts with their replays in one file (`*.archdrill-attempts.json`), to
 * move them to a new machine or send one to a coach. Versioned like the board
 * file: a wrong format or a newer version is a clear error, and importing
 * never changes anything unless the whole file is valid.
 */
export const ATTEMPTS_FILE_FORMAT = 'archdrill.attempts';
export const ATTEMPTS_FILE_VERSION = 1;
export const ATTEMPTS_FILE_EXTENSION = '.archdrill-attempts.json';

/** One attempt as exported: its record and, when one was kept, its replay. */
export interface ExportedAttempt {
  readonly record: AttemptRecord;
  readonly timeline: Timeline | null;
}

const itemSchema = z
  .object({ record: attemptRecordSchema, replay: storedTimelineSchema.nullable() })
  .refine((i) => i.replay === null || i.replay.attemptId === i.record.id, {
    message: 'the replay belongs to another attempt',
    path: ['replay', 'attemptId'],
  });

const fileSchema = z.object({
  format: z.literal(ATTEMPTS_FILE_FORMAT),
  version: z.literal(ATTEMPTS_FILE_VERSION),
  exportedAt: z.number().optional(),
  attempts: z.array(itemSchema).max(1000),
});

export const encodeAttemptsFile = (attempts: readonly ExportedAttempt[], now: number): string =>
  `${JSON.stringify({
    format: ATTEMPTS_FILE_FORMAT,
    version: ATTEMPTS_FILE_VERSION,
    exportedAt: now,
    attempts: attempts.map((a) => ({ record: a.record, replay: a.timeline ? timelineToJson(a.timeline) : null })),
  })}\n`;

export type ParsedAttemptsFile = { ok: true; attempts: ExportedAttempt[] } | { ok: false; error: string };

/** Reads an attempts file; the error is one sentence naming what is wrong. */
export const parseAttemptsFile = (text: string): ParsedAttemptsFile => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This is not an attempts file: it is not valid JSON.' };
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== ATTEMPTS_FILE_FORMAT)
    return { ok: false, error: 'This is not an Archdrill attempts file.' };
  if (head.data.version > ATTEMPTS_FILE_VERSION)
    return { ok: false, error: `This attempts file is version ${head.data.version}; update Archdrill to open it.` };
  const r = fileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `The attempts file is damaged (${issue?.path.join('.') || 'root'}: ${issue?.message}).` };
  }
  return {
    ok: true,
    attempts: r.data.attempts.map((a) => ({
      record: a.record,
      timeline: a.replay ? timelineFromStored(a.replay) : null,
    })),
  };
};

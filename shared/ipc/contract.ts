import { z } from 'zod';
import { attemptIdSchema, attemptRecordSchema } from '../interview/history';
import { MENU_COMMANDS } from './menuCommands';

/**
 * The desktop IPC contract, declared once: every channel the renderer may
 * invoke (argument tuple schema → result schema) and every event main sends.
 * The main-side handler wrapper (electron/main/ipc/handle.ts), the preload API
 * (electron/preload/api.ts) and the renderer's `window.archdrill` type
 * (./api.ts) are all derived from these two objects; nothing is listed twice.
 */

/** Board files stay small; the same cap is enforced when main reads a file. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A 60-minute mock's replay stays under 1 MB; this leaves room for long, busy sessions. */
export const MAX_REPLAY_CHARS = 16 * 1024 * 1024;
/** A printed report carries its pictures inline, so it may be larger than a board. */
const MAX_HTML_CHARS = 50 * 1024 * 1024;

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes (a Uint8Array)');
const fileData = z.union([z.string().max(MAX_FILE_BYTES), bytes.refine((b) => b.byteLength <= MAX_FILE_BYTES, 'too large')]);
/** A bare file name: no folders, so a renderer cannot aim a dialog's default at another directory. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'must be a file name without folders');
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\'), 'must be an absolute path');
const mime = z
  .string()
  .max(100)
  .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type like application/json');
/** As an <input accept> lists them: `.archdrill.json`, `.png` (the leading dot is optional). */
const extension = z
  .string()
  .max(30)
  .regex(/^\.?[a-z0-9]+(\.[a-z0-9]+)*$/i, 'must be an extension like .archdrill.json');

/** Only https links leave the app: to a named host, with no user:password@ part that could disguise it. */
export const httpsUrl = z
  .url({ protocol: /^https$/, hostname: /^[a-z0-9.-]+$/i, error: 'must be an https:// link' })
  .max(2048)
  .refine((s) => !/^https:\/\/[^/?#]*@/i.test(s), 'must not carry a user name or password');

export const openedFileSchema = z.object({
  name: z.string(),
  bytes,
  path: z.string().optional(),
});

export const savedFileSchema = z.object({ name: z.string(), path: z.string().optional() });

export const recentFileSchema = z.object({ name: z.string(), path: z.string() });

export const hostOptionsSchema = z.object({
  /** 0 lets the OS pick a free port. */
  port: z.number().int().min(0).max(65535).optional(),
  /** Listen on the LAN (hosting a partner) rather than on 127.0.0.1 only. */
  lan: z.boolean().optional(),
  /** The LAN address the links name (one of the session's `interfaces`); default the first found. */
  address: z.ipv4().optional(),
  /** Keep the links working after hosting stops; by default they are revoked then. */
  keepLinks: z.boolean().optional(),
});

const perRole = <T extends z.ZodType>(value: T) => z.object({ candidate: value, interviewer: value, spectator: value });

export const hostSessionSchema = z.object({
  port: z.number().int(),
  roomId: z.string(),
  /** Where the host's own app connects (always loopback, so it works with the network down). */
  localOrigin: z.string(),
  /** The link a partner opens, for the interviewer (the usual partner of a host practising as candidate). */
  joinUrl: z.string(),
  /** The short code a partner can type instead of the link, for the same role. */
  code: z.string(),
  /** Links and codes for each role (a spectator's are read-only, enforced by the server). */
  links: perRole(z.string()),
  codes: perRole(z.string()),
  /** The machine's LAN interfaces; the links name the first. */
  interfaces: z.array(z.object({ name: z.string().max(200), address: z.ipv4() })).max(64),
});

export const userRubricSchema = z.object({
  /** The rubric's question id, when it loaded. */
  id: z.string().optional(),
  title: z.string().optional(),
  /** The file in the user rubric folder. */
  file: z.string(),
  /** One sentence naming what is wrong, when the file does not load. */
  error: z.string().optional(),
  /** The file's text when it loaded; the renderer parses it again with the shared schema. */
  text: z.string().max(1_000_000).optional(),
});

const entry = <A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R) => ({ args, result }) as const;

/** Renderer → main requests (`ipcRenderer.invoke`). Key = preload function name. */
export const INVOKE_CONTRACT = {
  /** Shows the native open dialog and returns the chosen file's bytes; null when cancelled. */
  openFileDialog: entry(
    z.tuple([z.object({ title: z.string().max(200), extensions: z.array(extension).max(20) })]),
    openedFileSchema.nullable(),
  ),
  /** Writes atomically to a path the user picked or opened in this session. */
  saveFile: entry(z.tuple([z.object({ path: absolutePath, data: fileData, mime })]), savedFileSchema),
  /** Shows the native save dialog, then writes atomically; null when cancelled. */
  saveFileAs: entry(z.tuple([z.object({ suggestedName: fileName, data: fileData, mime })]), savedFileSchema.nullable()),
  recentFiles: entry(z.tuple([]), z.array(recentFileSchema)),
  /** File name (null = untitled) and whether the file has unsaved changes; drives the title and the close prompt. */
  setTitle: entry(z.tuple([z.string().max(255).nullable(), z.boolean()]), z.void()),
  /** A PNG, written to the clipboard as an image. */
  copyImage: entry(z.tuple([bytes.refine((b) => b.byteLength <= MAX_FILE_BYTES * 5, 'image too large')]), z.void()),
  /** Renders HTML (scripts off) to PDF and saves it through the save dialog; null when cancelled. */
  printToPdf: entry(z.tuple([z.string().max(MAX_HTML_CHARS), fileName]), savedFileSchema.nullable()),
  openExternal: entry(z.tuple([httpsUrl]), z.void()),
  hostStart: entry(z.tuple([hostOptionsSchema]), hostSessionSchema),
  hostStop: entry(z.tuple([]), z.void()),
  /** The rubric files in the user's rubric folder, each loaded or with its error. */
  userRubrics: entry(z.tuple([]), z.array(userRubricSchema)),
  /** The folder users drop their own rubric files into (shown in the question picker). */
  userRubricFolder: entry(z.tuple([]), z.string()),
  /**
   * Files the OS asked us to open before the renderer listened (argv, macOS
   * open-file at launch). Calling it also tells main the renderer now listens,
   * so later files arrive as `openFile` events.
   */
  takePendingOpenFiles: entry(z.tuple([]), z.array(openedFileSchema)),
  /** Every kept attempt, newest first (history/attempts.json in the data directory). */
  historyList: entry(z.tuple([]), z.array(attemptRecordSchema)),
  /** Adds or (by id) replaces an attempt, atomically. */
  historyPut: entry(z.tuple([attemptRecordSchema]), z.void()),
  /** Forgets an attempt and its replay. */
  historyDelete: entry(z.tuple([attemptIdSchema]), z.void()),
  /** An attempt's recorded timeline as stored JSON text; null when it has none. */
  replayGet: entry(z.tuple([attemptIdSchema]), z.string().nullable()),
  /** Keeps an attempt's timeline (stored JSON text, validated by main before it replaces anything). */
  replayPut: entry(z.tuple([attemptIdSchema, z.string().max(MAX_REPLAY_CHARS)]), z.void()),
} as const;

/** Main → renderer events (`webContents.send`). Key = event name; the preload exposes `on<Name>`. */
export const EVENT_CONTRACT = {
  menuCommand: z.enum(MENU_COMMANDS),
  openFile: openedFileSchema,
} as const;

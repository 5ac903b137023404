import { resolve } from 'node:path';
import { ATTEMPTS_FILE_EXTENSION } from '../../shared/interview/attemptFile';
import type { EventPayload } from '../../shared/ipc/api';

export type OpenedFileMessage = EventPayload<'openFile'>;

/** Board file names: `.archdrill.json` (the format's name), and `.archdrill`, which Windows and macOS can associate (they match on the last extension only). */
const BOARD_SUFFIXES = ['.archdrill.json', '.archdrill'] as const;

export const isBoardPath = (path: string): boolean => {
  const lower = path.toLowerCase();
  return BOARD_SUFFIXES.some((suffix) => lower.endsWith(suffix));
};

/** What the app opens from a command line: a board, or an attempts file (the renderer imports it into History). */
const isOpenablePath = (path: string): boolean => isBoardPath(path) || path.toLowerCase().endsWith(ATTEMPTS_FILE_EXTENSION);

/**
 * The board (or attempts) file named on a command line, if any: the first argument that is
 * not a switch and ends in `.archdrill.json`, `.archdrill` or `.archdrill-attempts.json`, resolved against the folder the
 * command ran in. Works for `archdrill file`, `electron . file` and the argv a
 * second instance forwards (which Chromium pads with its own switches).
 */
export function boardFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (isOpenablePath(arg)) return resolve(cwd, arg);
  }
  return null;
}

/**
 * Files on their way to the renderer, and the paths the renderer may save to.
 *
 * Files the OS hands us before the page listens (argv at launch, macOS
 * open-file before ready) wait here until the renderer calls
 * takePendingOpenFiles; after that they are sent as events.
 *
 * `saveFile` only writes to paths granted here (opened, or picked in a save
 * dialog), so a compromised page cannot overwrite ~/.bashrc through IPC.
 */
export class OpenFileQueue {
  private readonly granted = new Set<string>();
  private pending: OpenedFileMessage[] = [];
  private listening = false;

  constructor(private readonly send: (file: OpenedFileMessage) => boolean) {}

  grant(path: string): void {
    this.granted.add(resolve(path));
  }

  isGranted(path: string): boolean {
    return this.granted.has(resolve(path));
  }

  deliver(file: OpenedFileMessage): void {
    if (file.path) this.grant(file.path);
    if (this.listening && this.send(file)) return;
    this.pending.push(file);
  }

  /** Hands over what waited and switches to sending events. */
  takePending(): OpenedFileMessage[] {
    this.listening = true;
    const files = this.pending;
    this.pending = [];
    return files;
  }

  /** The page is (re)loading: queue again until it asks. */
  pageUnloaded(): void {
    this.listening = false;
  }
}

import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AttemptRecord,
  addAttempt,
  EMPTY_HISTORY,
  type History,
  parseHistory,
  removeAttempt,
  serializeHistory,
} from '../../shared/interview/history';
import { parseTimeline } from '../../shared/interview/timeline';
import { atomicWrite } from '../fs/atomicWrite';

/**
 * The attempt history of the desktop app, as files in the data directory:
 *   history/attempts.json       every attempt's summary (the shared history envelope)
 *   history/replays/<id>.json   one attempt's recorded timeline
 * Every write is atomic (temp + fsync + rename), and writes to attempts.json
 * run one at a time, so two quick saves never lose one another. A corrupt
 * attempts.json reads as empty (and is reported) rather than stopping the app;
 * it is only replaced by the next save.
 */
export class HistoryFiles {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  private get indexPath() {
    return join(this.dir, 'attempts.json');
  }

  /** Ids are checked by the IPC schema too; this keeps a path from ever leaving the folder. */
  private replayPath(id: string) {
    if (!/^[\w-]{1,100}$/.test(id)) throw new Error(`Not an attempt id: ${id.slice(0, 40)}`);
    return join(this.dir, 'replays', `${id}.json`);
  }

  private async read(): Promise<History> {
    let text: string;
    try {
      text = await nodeFs.readFile(this.indexPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_HISTORY;
      throw err;
    }
    const parsed = parseHistory(text);
    if (parsed.error || parsed.dropped > 0)
      console.warn(`[archdrill] attempt history: ${parsed.error ?? `${parsed.dropped} unreadable attempt(s) left out`}`);
    return parsed.history;
  }

  /** Runs read-modify-write steps one after another. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  list(): Promise<AttemptRecord[]> {
    return this.serial(async () => [...(await this.read()).attempts]);
  }

  put(record: AttemptRecord): Promise<void> {
    return this.serial(async () => {
      const before = await this.read();
      const next = addAttempt(before, record);
      await nodeFs.mkdir(this.dir, { recursive: true });
      await atomicWrite(this.indexPath, serializeHistory(next), { backup: false });
      // Attempts pushed out by the limit take their replays with them (a replay still being recorded has no record yet).
      const kept = new Set(next.attempts.map((a) => a.id));
      const dropped = before.attempts.filter((a) => !kept.has(a.id));
      await Promise.all(dropped.map((a) => nodeFs.rm(this.replayPath(a.id), { force: true })));
    });
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => {
      const before = await this.read();
      const next = removeAttempt(before, id);
      if (next !== before) await atomicWrite(this.indexPath, serializeHistory(next), { backup: false });
      await nodeFs.rm(this.replayPath(id), { force: true });
    });
  }

  /** The stored timeline's JSON text, or null when the attempt has none (or it no longer parses). */
  async replay(id: string): Promise<string | null> {
    let text: string;
    try {
      text = await nodeFs.readFile(this.replayPath(id), 'utf8');
    } catch {
      return null;
    }
    try {
      if (parseTimeline(JSON.parse(text)).ok) return text;
    } catch {
      // fall through: not JSON
    }
    console.warn(`[archdrill] ignoring the replay of ${id}: it is damaged`);
    return null;
  }

  /** Writes a timeline (validated first, so a bad one never replaces a good one). */
  async putReplay(id: string, text: string): Promise<void> {
    const parsed = parseTimeline(JSON.parse(text));
    if (!parsed.ok) throw new Error(`Could not keep the replay: ${parsed.error}`);
    if (parsed.timeline.attemptId !== id) throw new Error('Could not keep the replay: it belongs to another attempt');
    await nodeFs.mkdir(join(this.dir, 'replays'), { recursive: true });
    await atomicWrite(this.replayPath(id), text, { backup: false });
  }
}

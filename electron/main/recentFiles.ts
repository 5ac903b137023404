import * as nodeFs from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { InvokeResult } from '../../shared/ipc/api';
import { atomicWrite } from '../fs/atomicWrite';

export type RecentFile = InvokeResult<'recentFiles'>[number];

const MAX_RECENT = 10;

/** recent-files.json in the user data folder. Versioned so a later format can migrate it. */
const recentFileSchema = z.object({
  version: z.literal(1),
  files: z.array(z.string().min(1).max(4096)).max(100),
});

/**
 * The Open Recent list, most recent first, persisted as JSON in userData. A
 * file that does not parse is reported once and treated as an empty list:
 * losing a recent list is better than refusing to start.
 */
export class RecentFiles {
  private files: string[] = [];
  private loading: Promise<void> | null = null;

  constructor(
    private readonly storePath: string,
    private readonly onChange: (files: readonly RecentFile[]) => void = () => undefined,
  ) {}

  /** Reads the stored list once; later calls return the same promise. */
  load(): Promise<void> {
    this.loading ??= this.read();
    return this.loading;
  }

  private async read(): Promise<void> {
    let text: string;
    try {
      text = await nodeFs.readFile(this.storePath, 'utf8');
    } catch {
      this.files = [];
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = recentFileSchema.safeParse(json);
    if (!parsed.success) console.warn(`[archdrill] ignoring ${basename(this.storePath)}: it is not a valid recent-files list`);
    this.files = parsed.success ? parsed.data.files.slice(0, MAX_RECENT) : [];
  }

  list(): RecentFile[] {
    return this.files.map((path) => ({ name: basename(path), path }));
  }

  async add(path: string): Promise<void> {
    await this.load();
    this.files = [path, ...this.files.filter((p) => p !== path)].slice(0, MAX_RECENT);
    await this.save();
  }

  async remove(path: string): Promise<void> {
    await this.load();
    this.files = this.files.filter((p) => p !== path);
    await this.save();
  }

  async clear(): Promise<void> {
    await this.load();
    this.files = [];
    await this.save();
  }

  private async save(): Promise<void> {
    this.onChange(this.list());
    const data = `${JSON.stringify({ version: 1, files: this.files }, null, 2)}\n`;
    await atomicWrite(this.storePath, data, { backup: false }).catch((err: unknown) =>
      console.warn(`[archdrill] ${err instanceof Error ? err.message : String(err)}`),
    );
  }
}

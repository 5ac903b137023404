/** Upgrades a parsed file of one version to the next (the board and rubric formats both keep a table of these). */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/**
 * Builds the upgrader of a versioned file format: `migrations[n]` turns a
 * version-n file into version n + 1; the result is at `current`. The caller
 * has already refused versions newer than `current`.
 */
export const migrator =
  (formatName: string, current: number, migrations: Readonly<Record<number, Migration>>) =>
  (file: Record<string, unknown>): Record<string, unknown> => {
    let out = file;
    for (let v = Number(file.version); v < current; v++) {
      const step = migrations[v];
      if (!step) throw new Error(`no migration from ${formatName} format version ${v}`);
      out = { ...step(out), version: v + 1 };
    }
    return out;
  };

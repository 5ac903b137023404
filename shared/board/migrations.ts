/**
 * Board file versions. To change the format: bump CURRENT_VERSION and add a
 * migration from the previous version here, beside the schema in codec.ts.
 */
export const CURRENT_VERSION = 1;

type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] upgrades a version-n file to version n + 1. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Upgrades a parsed file of any known version to CURRENT_VERSION. */
export const migrate = (file: Record<string, unknown>): Record<string, unknown> => {
  let current = file;
  for (let v = Number(file.version); v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from board format version ${v}`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
};

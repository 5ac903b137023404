/**
 * Rubric file versions, kept like the board format's: to change the format,
 * bump CURRENT_RUBRIC_VERSION and add the upgrade from the previous version.
 */
export const CURRENT_RUBRIC_VERSION = 1;

type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/** RUBRIC_MIGRATIONS[n] upgrades a version-n file to version n + 1. */
const RUBRIC_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export const migrateRubric = (file: Record<string, unknown>): Record<string, unknown> => {
  let current = file;
  for (let v = Number(file.version); v < CURRENT_RUBRIC_VERSION; v++) {
    const step = RUBRIC_MIGRATIONS[v];
    if (!step) throw new Error(`no migration from rubric format version ${v}`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
};

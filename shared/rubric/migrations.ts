import { type Migration, migrator } from '../format/migrate';

/**
 * Rubric file versions, kept like the board format's: to change the format,
 * bump CURRENT_RUBRIC_VERSION and add the upgrade from the previous version.
 */
export const CURRENT_RUBRIC_VERSION = 1;

/** RUBRIC_MIGRATIONS[n] upgrades a version-n file to version n + 1. */
const RUBRIC_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export const migrateRubric = migrator('rubric', CURRENT_RUBRIC_VERSION, RUBRIC_MIGRATIONS);

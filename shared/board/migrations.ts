import { type Migration, migrator } from '../format/migrate';

/**
 * Board file versions. To change the format: bump CURRENT_VERSION and add a
 * migration from the previous version here, beside the schema in codec.ts.
 */
export const CURRENT_VERSION = 1;

/** MIGRATIONS[n] upgrades a version-n file to version n + 1. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Upgrades a parsed file of any known version to CURRENT_VERSION. */
export const migrate = migrator('board', CURRENT_VERSION, MIGRATIONS);

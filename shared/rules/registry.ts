import { clientReachesDatabase } from './checks/client-reaches-database';
import { clientReachesDatastore } from './checks/client-reaches-datastore';
import { componentExists } from './checks/component-exists';
import { databaseLacksReplica } from './checks/database-lacks-replica';
import { edgeExists } from './checks/edge-exists';
import { estimateRatio } from './checks/estimate-ratio';
import { estimateWithin } from './checks/estimate-within';
import { notesMention } from './checks/notes-mention';
import { notesOrder } from './checks/notes-order';
import { pathExists } from './checks/path-exists';
import { singleEntryPoint } from './checks/single-entry-point';
import { singlePointOfFailure } from './checks/single-point-of-failure';
import { syncOnlyPath } from './checks/sync-only-path';
import type { CheckDefinition } from './types';

/** Every check type, sorted by type. To add one: a file in checks/ (its meta says what it reads), a line here, a test in test/unit/rules/checks/. */
// Each check is typed by its own options; the registry erases them (options are validated before evaluate runs).
export const CHECKS: readonly CheckDefinition[] = (
  [
    clientReachesDatabase,
    clientReachesDatastore,
    componentExists,
    databaseLacksReplica,
    edgeExists,
    estimateRatio,
    estimateWithin,
    notesMention,
    notesOrder,
    pathExists,
    singleEntryPoint,
    singlePointOfFailure,
    syncOnlyPath,
  ] as unknown as CheckDefinition[]
).sort((a, b) => a.type.localeCompare(b.type));

const byType: ReadonlyMap<string, CheckDefinition> = new Map(CHECKS.map((c) => [c.type, c]));

export const CHECK_TYPES: readonly string[] = CHECKS.map((c) => c.type);

export const getCheck = (type: string): CheckDefinition | undefined => byType.get(type);

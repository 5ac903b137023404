import { z } from 'zod';
import type { BoardNode } from '../../board/types';
import { type BoardGraph, incomers, outgoers, selectNodes } from '../graph';
import { instancesOf, KIND_GROUPS, selectorSchema } from '../selector';
import { findTerm } from '../text';
import { defineCheck } from '../types';

const databaseKinds: ReadonlySet<string> = new Set(KIND_GROUPS.database);
const replicaWords = ['replica', 'replicas', 'replicated', 'cluster', 'primary', 'leader'];

/** A database counts as replicated when marked ×2+, labelled so, or joined to another store by a replication edge. */
const isReplicated = (graph: BoardGraph, db: BoardNode): boolean =>
  instancesOf(db) >= 2 ||
  findTerm(db.label ?? '', replicaWords) !== null ||
  outgoers(graph, db.id, 'replication').length > 0 ||
  incomers(graph, db.id, 'replication').length > 0;

/** On the write path: something other than a database sends to it (a replication source does not count). */
const isWritten = (graph: BoardGraph, db: BoardNode): boolean =>
  incomers(graph, db.id).some(
    (e) => e.protocol !== 'replication' && !databaseKinds.has(graph.nodeById.get(e.source)?.kind ?? ''),
  );

/**
 * An anti-pattern detector (use it under `not`): passes when a database on
 * the write path has no replica, so one disk or machine failure loses writes
 * and takes the service down. Evidence: the unreplicated databases.
 */
export const databaseLacksReplica = defineCheck({
  type: 'database-lacks-replica',
  meta: {
    description:
      'Anti-pattern (use under `not`): a database that receives writes has no replica (replicas < 2, no replication edge).',
    options: z.strictObject({ select: selectorSchema.default({ kind: 'database' }) }),
  },
  evaluate: (graph, { select }) => {
    const lacking = selectNodes(graph, select).filter((db) => isWritten(graph, db) && !isReplicated(graph, db));
    return {
      passed: lacking.length > 0,
      evidence: { nodeIds: lacking.map((n) => n.id), edgeIds: [], notes: [] },
      note:
        lacking.length > 0
          ? `${lacking.map((n) => n.label || n.id).join(', ')} takes writes with no replica`
          : 'every written database is replicated',
    };
  },
});

import { z } from 'zod';
import type { BoardNode } from '../../board/types';
import { type BoardGraph, incomers, outgoers, roleOf, selectNodes } from '../graph';
import { instancesIn } from '../redundancy';
import { KIND_GROUPS, selectorSchema } from '../selector';
import { findTerm } from '../terms';
import { defineCheck } from '../types';

const databaseKinds: ReadonlySet<string> = new Set(KIND_GROUPS.database);
const replicatedWords = ['replicas', 'replicated', 'cluster', 'replica set', 'multi-az', 'rf', 'quorum'];
const replicaWords = ['replica', 'replicas', 'secondary', 'standby', 'follower', 'read replica'];
const LABEL = { allowNegated: true } as const;

/**
 * A database counts as replicated when it stands for two or more instances
 * (inspector, label "×3", or the notes: "replication factor 3", "read
 * replicas"), is labelled as replicated ("cluster", "replica set"), or is
 * joined to a replica: a replication edge, or an edge to a database labelled
 * as a replica. "Postgres primary" alone names a replica it does not draw.
 */
const isReplicated = (graph: BoardGraph, db: BoardNode): boolean => {
  if (instancesIn(graph, db) >= 2 || findTerm(db.label ?? '', replicatedWords, LABEL) !== null) return true;
  if (outgoers(graph, db.id, 'replication').length > 0 || incomers(graph, db.id, 'replication').length > 0) return true;
  const replicaNear = (id: string): boolean => {
    const n = graph.nodeById.get(id);
    return n !== undefined && databaseKinds.has(roleOf(graph, n)) && findTerm(n.label ?? '', replicaWords, LABEL) !== null;
  };
  return outgoers(graph, db.id).some((e) => replicaNear(e.target)) || incomers(graph, db.id).some((e) => replicaNear(e.source));
};

/** On the write path: something other than a database sends to it (a replication source does not count). */
const isWritten = (graph: BoardGraph, db: BoardNode): boolean =>
  incomers(graph, db.id).some((e) => {
    const source = graph.nodeById.get(e.source);
    return e.protocol !== 'replication' && source !== undefined && !databaseKinds.has(roleOf(graph, source));
  });

/**
 * An anti-pattern detector (a rule's `flaw`, or under `not`): passes when a
 * database on the write path has no replica, so one disk or machine failure
 * loses writes and takes the service down. Not applicable when no database
 * in the design takes writes. Evidence: the unreplicated databases.
 */
export const databaseLacksReplica = defineCheck({
  type: 'database-lacks-replica',
  meta: {
    reads: 'drawing',
    description:
      'Anti-pattern: a database that receives writes has no replica (inspector, label, replication edge or notes). Not applicable when none takes writes.',
    options: z.strictObject({ select: selectorSchema.default({ kind: 'database' }) }),
  },
  evaluate: (graph, { select }) => {
    const written = selectNodes(graph, select).filter((db) => isWritten(graph, db));
    const lacking = written.filter((db) => !isReplicated(graph, db));
    return {
      passed: lacking.length > 0,
      ...(written.length === 0 && { applicable: false }),
      evidence: { nodeIds: lacking.map((n) => n.id), edgeIds: [], notes: [] },
      note:
        lacking.length > 0
          ? `${lacking.map((n) => n.label || n.id).join(', ')} takes writes with no replica`
          : written.length > 0
            ? 'every written database is replicated'
            : 'no database takes writes',
    };
  },
});

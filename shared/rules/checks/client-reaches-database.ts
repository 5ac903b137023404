import { z } from 'zod';
import { edgesBetween, selectNodes } from '../graph';
import { selectorSchema } from '../selector';
import { defineCheck } from '../types';

/**
 * An anti-pattern detector (for a rule's `flaw`, or under `not`): passes when
 * a client has a direct edge to a database (either way round), which exposes
 * credentials and the schema and bypasses validation, caching and rate
 * limiting. Not applicable to a board with no client or no database in the
 * design. Evidence: the offending edges. `client-reaches-datastore` also
 * catches the path through a proxy and a cache.
 */
export const clientReachesDatabase = defineCheck({
  type: 'client-reaches-database',
  meta: {
    reads: 'drawing',
    description: 'Anti-pattern: a client connects straight to a database. Not applicable without both.',
    options: z.strictObject({
      client: selectorSchema.default({ kind: 'client' }),
      database: selectorSchema.default({ kind: 'database' }),
    }),
  },
  evaluate: (graph, { client, database }) => {
    const applicable = selectNodes(graph, client).length > 0 && selectNodes(graph, database).length > 0;
    const edges = edgesBetween(graph, client, database);
    return {
      passed: edges.length > 0,
      ...(!applicable && { applicable: false }),
      evidence: {
        nodeIds: [...new Set(edges.flatMap((e) => [e.source, e.target]))],
        edgeIds: [...new Set(edges.map((e) => e.id))],
        notes: [],
      },
      note:
        edges.length > 0
          ? `${edges.length} client → database edge${edges.length === 1 ? '' : 's'}`
          : applicable
            ? 'no client talks to a database directly'
            : 'no client and database to judge',
    };
  },
});

import { z } from 'zod';
import { edgesBetween } from '../graph';
import { selectorSchema } from '../selector';
import { defineCheck } from '../types';

/**
 * An anti-pattern detector (use it under `not`): passes when a client has a
 * direct edge to a database, which exposes credentials and the schema and
 * bypasses validation, caching and rate limiting. Evidence: the offending edges.
 */
export const clientReachesDatabase = defineCheck({
  type: 'client-reaches-database',
  meta: {
    description: 'Anti-pattern (use under `not`): a client connects straight to a database.',
    options: z.strictObject({
      client: selectorSchema.default({ kind: 'client' }),
      database: selectorSchema.default({ kind: 'database' }),
    }),
  },
  evaluate: (graph, { client, database }) => {
    const edges = edgesBetween(graph, client, database);
    return {
      passed: edges.length > 0,
      evidence: { nodeIds: [...new Set(edges.flatMap((e) => [e.source, e.target]))], edgeIds: edges.map((e) => e.id), notes: [] },
      note:
        edges.length > 0
          ? `${edges.length} client → database edge${edges.length === 1 ? '' : 's'}`
          : 'no client talks to a database directly',
    };
  },
});

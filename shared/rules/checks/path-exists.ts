import { z } from 'zod';
import type { NodeKind } from '../../board/kinds';
import { anywhere, findChain, selectIndices } from '../graph';
import { describeSelector, KIND_GROUPS, protocolSchema, selectorSchema } from '../selector';
import { defineCheck } from '../types';

/**
 * Passes when a directed path visits the `through` selectors in order, e.g.
 * client → load_balancer → service → cache. Other components may sit between
 * stages (a CDN before the load balancer is fine), but not a database, object
 * store, search index or warehouse: data rests there, so a path through one
 * is a chain of boxes, not a request (a cache may sit in front of a store). With `protocol`, every hop
 * uses it; with `avoid`, the path may not pass a component matching that
 * selector between stages (e.g. persistence that does not depend on a pub/sub).
 */
/** Where data rests (the `store` group): a request ends there, it is not passed on (a cache in front of a store may pass it on). */
const AT_REST: ReadonlySet<NodeKind> = new Set<NodeKind>(KIND_GROUPS.store);

export const pathExists = defineCheck({
  type: 'path-exists',
  meta: {
    reads: 'drawing',
    description: 'A directed path visits components matching each selector of `through` in order, optionally over a protocol.',
    options: z.strictObject({
      through: z.array(selectorSchema).min(2),
      protocol: protocolSchema,
      avoid: selectorSchema.optional(),
    }),
  },
  evaluate: (graph, { through, protocol, avoid }) => {
    // What the path may not pass, marked once per call: a search asks about every node it reaches.
    const { roles } = graph;
    const blocked = new Uint8Array(roles.length);
    for (let n = 0; n < roles.length; n++) if (AT_REST.has(roles[n]!)) blocked[n] = 1;
    if (avoid) for (const n of selectIndices(graph, anywhere(avoid))) blocked[n] = 1;
    const path = findChain(graph, through, { protocol, via: (n) => blocked[n] === 0 });
    const route = through.map(describeSelector).join(' → ');
    return path
      ? { passed: true, evidence: { nodeIds: path.nodeIds, edgeIds: path.edgeIds, notes: [] }, note: `path ${route}` }
      : { passed: false, evidence: { nodeIds: [], edgeIds: [], notes: [] }, note: `no path ${route}` };
  },
});

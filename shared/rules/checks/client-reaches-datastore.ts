import { z } from 'zod';
import type { NodeKind } from '../../board/kinds';
import { findChain, selectNodes } from '../graph';
import { selectorSchema } from '../selector';
import { defineCheck } from '../types';

const PASS_THROUGH: ReadonlySet<NodeKind> = new Set<NodeKind>(['load_balancer', 'api_gateway', 'reverse_proxy', 'dns', 'cdn']);

/**
 * An anti-pattern detector for a rule's `flaw`: passes when a client reaches
 * a datastore or cache with no application code in between — straight, or
 * only through load balancers, gateways, proxies, DNS or a CDN (client →
 * reverse proxy → database is the same flaw). Object stores are not
 * datastores here: a CDN or pre-signed URLs in front of one is standard.
 * Not applicable when the design has no client or no such store.
 */
export const clientReachesDatastore = defineCheck({
  type: 'client-reaches-datastore',
  meta: {
    reads: 'drawing',
    description:
      'Anti-pattern: a client reaches a database or cache directly or only through network hops (proxy, LB, gateway, CDN).',
    options: z.strictObject({
      client: selectorSchema.default({ kind: 'client' }),
      store: selectorSchema.default({ kind: ['database', 'cache', 'search_index'] }),
    }),
  },
  evaluate: (graph, { client, store }) => {
    const applicable = selectNodes(graph, client).length > 0 && selectNodes(graph, store).length > 0;
    const path = applicable ? findChain(graph, [client, store], { via: (n) => PASS_THROUGH.has(graph.roles[n]!) }) : null;
    return {
      passed: path !== null,
      ...(!applicable && { applicable: false }),
      evidence: path ? { nodeIds: path.nodeIds, edgeIds: path.edgeIds, notes: [] } : { nodeIds: [], edgeIds: [], notes: [] },
      note: path
        ? `a client reaches ${graph.nodeById.get(path.nodeIds.at(-1)!)?.label || 'a datastore'} without passing any server`
        : applicable
          ? 'clients reach data only through servers'
          : 'no client and datastore to judge',
    };
  },
});

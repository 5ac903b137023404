import { z } from 'zod';
import { selectNodes } from '../graph';
import { instancesIn } from '../redundancy';
import { describeSelector, selectorSchema } from '../selector';
import { defineCheck } from '../types';

/**
 * Passes when enough components match `select`. `min` counts drawn nodes;
 * `minReplicas` counts only nodes whose `replicas` prop is at least that;
 * `minInstances` sums instances (a node with `replicas: 3` counts 3), so
 * three drawn app servers and one marked ×3 both satisfy "≥ 3 instances";
 * instances stated in the notes ("three app servers") count too. Only
 * components that take part in the design count (selector `anywhere` aside),
 * and roles come from labels: a `service` labelled "Redis" is a cache.
 */
export const componentExists = defineCheck({
  type: 'component-exists',
  meta: {
    reads: 'drawing',
    description: 'At least N components match a selector (by kind or label keywords), optionally each with replicas ≥ N.',
    options: z.strictObject({
      select: selectorSchema,
      min: z.int().min(1).default(1),
      minReplicas: z.int().min(1).optional(),
      minInstances: z.int().min(1).optional(),
    }),
  },
  evaluate: (graph, { select, min, minReplicas, minInstances }) => {
    let nodes = selectNodes(graph, select);
    if (minReplicas !== undefined) nodes = nodes.filter((n) => instancesIn(graph, n) >= minReplicas);
    const instances = nodes.reduce((sum, n) => sum + instancesIn(graph, n), 0);
    const passed = nodes.length >= min && (minInstances === undefined || instances >= minInstances);
    const what = describeSelector(select);
    return {
      passed,
      evidence: { nodeIds: nodes.map((n) => n.id), edgeIds: [], notes: [] },
      note:
        nodes.length === 0
          ? `no ${what}${minReplicas ? ` with replicas ≥ ${minReplicas}` : ''}`
          : `${nodes.length} ${what} (${instances} instance${instances === 1 ? '' : 's'})`,
    };
  },
});

import { z } from 'zod';
import { selectNodes } from '../graph';
import { describeSelector, instancesOf, selectorSchema } from '../selector';
import { defineCheck } from '../types';

/**
 * An anti-pattern detector (use it under `not`): passes when the components
 * matching `select` add up to exactly one instance, so its failure stops
 * everything behind it. Pair it with component-exists under `all` so an empty
 * board does not earn the point. Evidence: that component.
 */
export const singlePointOfFailure = defineCheck({
  type: 'single-point-of-failure',
  meta: {
    description: 'Anti-pattern (use under `not`): the components matching a selector amount to a single instance.',
    options: z.strictObject({ select: selectorSchema }),
  },
  evaluate: (graph, { select }) => {
    const nodes = selectNodes(graph, select);
    const instances = nodes.reduce((sum, n) => sum + instancesOf(n), 0);
    const what = describeSelector(select);
    return {
      passed: instances === 1,
      evidence: { nodeIds: instances === 1 ? nodes.map((n) => n.id) : [], edgeIds: [], notes: [] },
      note: instances === 1 ? `a single ${what}` : `${instances} ${what} instances`,
    };
  },
});

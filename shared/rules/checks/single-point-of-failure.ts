import { z } from 'zod';
import { selectNodes } from '../graph';
import { instancesIn } from '../redundancy';
import { describeSelector, selectorSchema } from '../selector';
import { defineCheck } from '../types';

/**
 * An anti-pattern detector (a rule's `flaw`, or under `not`): passes when the
 * components matching `select` add up to exactly one instance (counting
 * replicas from the inspector, the label and the notes: "two load
 * balancers"), so its failure stops everything behind it. Not applicable
 * when none is drawn. Evidence: that component.
 */
export const singlePointOfFailure = defineCheck({
  type: 'single-point-of-failure',
  meta: {
    reads: 'drawing',
    description: 'Anti-pattern: the components matching a selector amount to a single instance. Not applicable when none exists.',
    options: z.strictObject({ select: selectorSchema }),
  },
  evaluate: (graph, { select }) => {
    const nodes = selectNodes(graph, select);
    const instances = nodes.reduce((sum, n) => sum + instancesIn(graph, n), 0);
    const what = describeSelector(select);
    return {
      passed: instances === 1,
      ...(nodes.length === 0 && { applicable: false }),
      evidence: { nodeIds: instances === 1 ? nodes.map((n) => n.id) : [], edgeIds: [], notes: [] },
      note: instances === 1 ? `a single ${what}` : `${instances} ${what} instances`,
    };
  },
});

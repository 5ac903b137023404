import { z } from 'zod';
import { STEP_IDS } from '../../framework/steps';
import type { BoardGraph } from '../graph';
import { noteSources } from '../notes';
import { type Figure, findFigures, formatFigure } from '../quantities';
import { excerptAround } from '../text';
import { defineCheck } from '../types';

const stepId = z.enum(STEP_IDS, { error: (i) => `unknown step ${JSON.stringify(i.input)} (one of ${STEP_IDS.join(', ')})` });

// Several estimate rules read the same notes; parse each text once per scoring call.
const figureCache = new WeakMap<BoardGraph, Map<string, Figure[]>>();
const figuresOf = (graph: BoardGraph, text: string): Figure[] => {
  let perGraph = figureCache.get(graph);
  if (!perGraph) {
    perGraph = new Map();
    figureCache.set(graph, perGraph);
  }
  let figures = perGraph.get(text);
  if (!figures) {
    figures = findFigures(text);
    perGraph.set(text, figures);
  }
  return figures;
};

/**
 * Passes when the notes state a figure of the estimate's quantity (a rate per
 * second, a size, or a bandwidth) within the rubric's tolerance factor of the
 * expected value: "4k QPS" and "4,000 reads/s" both match an expected 4,000/s.
 * `estimate` names an entry of the rubric's `estimates`.
 */
export const estimateWithin = defineCheck({
  type: 'estimate-within',
  meta: {
    description: 'The notes state a figure (e.g. 4k QPS, 3 TB) within the tolerance of one of the rubric’s expected estimates.',
    options: z.strictObject({
      estimate: z.string().min(1),
      steps: z.union([stepId, z.array(stepId).min(1)]).optional(),
    }),
  },
  evaluate: (graph, { estimate, steps }, env) => {
    const expected = env.estimates.get(estimate);
    if (!expected) return { passed: false, evidence: { nodeIds: [], edgeIds: [], notes: [] }, note: `no estimate "${estimate}"` };
    const low = expected.value / expected.tolerance;
    const high = expected.value * expected.tolerance;
    let closest: { value: number; ratio: number } | null = null;
    for (const src of noteSources(graph, steps === undefined ? undefined : [steps].flat())) {
      for (const f of figuresOf(graph, src.text)) {
        if (f.quantity !== expected.quantity) continue;
        if (f.value >= low && f.value <= high)
          return {
            passed: true,
            evidence: {
              nodeIds: src.nodeId ? [src.nodeId] : [],
              edgeIds: [],
              notes: [{ step: src.step, excerpt: excerptAround(src.text, f.index, f.length) }],
            },
            note: `estimated ${f.text.trim()} (expected about ${expected.display})`,
          };
        const ratio = Math.max(f.value / expected.value, expected.value / f.value);
        if (closest === null || ratio < closest.ratio) closest = { value: f.value, ratio };
      }
    }
    return {
      passed: false,
      evidence: { nodeIds: [], edgeIds: [], notes: [] },
      note: closest
        ? `closest figure ${formatFigure(expected.quantity, closest.value)} is off by ${closest.ratio.toFixed(1)}× (expected about ${expected.display}, within ${expected.tolerance}×)`
        : `no ${expected.quantity} figure in the notes (expected about ${expected.display})`,
    };
  },
});

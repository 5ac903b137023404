import { z } from 'zod';
import { type BoundFigure, boundFigures, offMessage, ratioOf, withinTolerance } from '../estimates';
import { fromNotes, type NoteSource } from '../notes';
import { excerptAround } from '../text';
import { type CheckEnv, type CheckOutcome, defineCheck, NO_EVIDENCE } from '../types';
import { passagesFor, stepsOption } from './readsSteps';

/**
 * Passes when the notes state a figure about the estimate's subject (see
 * estimates.ts: the nearest subject words decide) within the rubric's
 * tolerance: "4k QPS of redirects" and "~4,000 redirects a second" both match
 * an expected 4,000/s of reads; a range passes when it overlaps the band; a
 * storage figure stated with replication counts against expected × factor.
 * Reads the rule's steps (or `steps`). The outcome carries the delta, so the
 * UI can say "your 40,000/s is 1,000× the ≈40/s the brief implies".
 */
export const estimateWithin = defineCheck({
  type: 'estimate-within',
  meta: {
    reads: 'writing',
    description:
      'The notes state a figure about the estimate’s subject (e.g. 4k redirects/s, 3 TB) within the tolerance of the rubric’s expected value.',
    options: z.strictObject({
      estimate: z.string().min(1),
      steps: stepsOption,
    }),
  },
  evaluate: (graph, opts, env) => {
    const passages = passagesFor(graph, opts.steps, env);
    return fromNotes(passages, opts, env, () => within(passages, opts.estimate, env));
  },
});

/** estimate-within on the passages it reads. */
const within = (passages: readonly NoteSource[], estimate: string, env: CheckEnv): CheckOutcome => {
  const expected = env.estimates.get(estimate);
  if (!expected) return { passed: false, evidence: NO_EVIDENCE, note: `no estimate "${estimate}"` };
  let closest: { b: BoundFigure; off: number } | null = null;
  for (const src of passages) {
    for (const b of boundFigures(src.text, env.estimates)) {
      if (b.estimate !== estimate) continue;
      const f = b.figure;
      if (withinTolerance(b, expected))
        return {
          passed: true,
          evidence: {
            nodeIds: src.nodeId ? [src.nodeId] : [],
            edgeIds: [],
            notes: [{ step: src.step, excerpt: excerptAround(src.text, f.index, f.length) }],
          },
          note: `estimated ${f.text.trim()} (expected about ${expected.display})`,
          delta: {
            estimate,
            label: expected.label,
            expected: expected.display,
            found: f.text.trim(),
            ratio: ratioOf(b, expected),
            withinTolerance: true,
            message: `${expected.label}: your ${f.text.trim()} is in range (≈${expected.display}).`,
          },
        };
      const r = ratioOf(b, expected);
      const off = Math.max(r, 1 / r);
      if (closest === null || off < closest.off) closest = { b, off };
    }
  }
  if (!closest)
    return {
      passed: false,
      evidence: NO_EVIDENCE,
      note: `no figure about ${expected.label.toLowerCase()} in the notes (expected about ${expected.display})`,
      delta: {
        estimate,
        label: expected.label,
        expected: expected.display,
        withinTolerance: false,
        message: `${expected.label}: not estimated (expected about ${expected.display}).`,
      },
    };
  const message = offMessage(closest.b, expected);
  return {
    passed: false,
    evidence: NO_EVIDENCE,
    note: message,
    delta: {
      estimate,
      label: expected.label,
      expected: expected.display,
      found: closest.b.figure.text.trim(),
      ratio: ratioOf(closest.b, expected),
      withinTolerance: false,
      message,
    },
  };
};

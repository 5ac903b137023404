import { z } from 'zod';
import { type BoundFigure, boundFigures } from '../estimates';
import { fromNotes, type NoteSource } from '../notes';
import { excerptAround } from '../text';
import { type CheckEnv, type CheckOutcome, defineCheck, NO_EVIDENCE } from '../types';
import { passagesFor, stepsOption } from './readsSteps';

/**
 * Passes when the candidate's own figures for two estimates stand in a ratio
 * of at least `atLeast`: "23k feed reads/s … 1.2k posts/s" shows a read-heavy
 * load as plainly as saying so, whatever assumptions gave the figures. The
 * figures are bound to their estimates as estimate-within binds them (the
 * nearest subject words decide); neither needs to be within tolerance.
 */
export const estimateRatio = defineCheck({
  type: 'estimate-ratio',
  meta: {
    reads: 'writing',
    description:
      'The notes state figures for two estimates (e.g. reads and writes per second) whose ratio is at least `atLeast`.',
    options: z.strictObject({
      larger: z.string().min(1),
      smaller: z.string().min(1),
      atLeast: z.number().positive(),
      steps: stepsOption,
    }),
  },
  evaluate: (graph, opts, env) => {
    const passages = passagesFor(graph, opts.steps, env);
    return fromNotes(passages, opts, env, () => ratio(passages, opts.larger, opts.smaller, opts.atLeast, env));
  },
});

interface Found {
  readonly b: BoundFigure;
  readonly src: NoteSource;
}

/** Every figure the passages state for `estimate`, in reading order. */
const figuresFor = (passages: readonly NoteSource[], estimate: string, env: CheckEnv): Found[] => {
  const out: Found[] = [];
  for (const src of passages)
    for (const b of boundFigures(src.text, env.estimates)) if (b.estimate === estimate) out.push({ b, src });
  return out;
};

const excerptOf = ({ b, src }: Found) => ({ step: src.step, excerpt: excerptAround(src.text, b.figure.index, b.figure.length) });

/** estimate-ratio on the passages it reads: the first pair of figures far enough apart. */
const ratio = (
  passages: readonly NoteSource[],
  larger: string,
  smaller: string,
  atLeast: number,
  env: CheckEnv,
): CheckOutcome => {
  const big = figuresFor(passages, larger, env);
  const small = figuresFor(passages, smaller, env);
  if (big.length === 0 || small.length === 0)
    return { passed: false, evidence: NO_EVIDENCE, note: `no figures for both ${larger} and ${smaller}` };
  for (const a of big)
    for (const c of small)
      if (c.b.figure.value > 0 && a.b.figure.value / c.b.figure.value >= atLeast)
        return {
          passed: true,
          evidence: { nodeIds: [], edgeIds: [], notes: [excerptOf(a), excerptOf(c)] },
          note: `${a.b.figure.text.trim()} against ${c.b.figure.text.trim()}`,
        };
  return { passed: false, evidence: NO_EVIDENCE, note: `${larger} is not ${atLeast}× ${smaller} in the notes` };
};

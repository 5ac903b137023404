import { z } from 'zod';
import { STEP_IDS, type StepId } from '../../framework/steps';
import type { BoardGraph } from '../graph';
import { type NoteSource, noteSources } from '../notes';
import type { CheckEnv } from '../types';

const stepId = z.enum(STEP_IDS, { error: (i) => `unknown step ${JSON.stringify(i.input)} (one of ${STEP_IDS.join(', ')})` });

/** The `steps` option of a notes check: one step or several, overriding the rule's own. */
export const stepsOption = z.union([stepId, z.array(stepId).min(1)]).optional();

/** The passages a notes check reads: its `steps` option's, else its rule's (env.steps), with the brief left out. */
export const passagesFor = (
  graph: BoardGraph,
  steps: StepId | readonly StepId[] | undefined,
  env: CheckEnv,
): readonly NoteSource[] => noteSources(graph, steps === undefined ? env.steps : [steps].flat(), env.prompt);

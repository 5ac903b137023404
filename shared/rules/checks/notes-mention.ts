import { z } from 'zod';
import { STEP_IDS } from '../../framework/steps';
import { noteSources } from '../notes';
import { excerptAround, findTerm } from '../text';
import { defineCheck, type NoteExcerpt } from '../types';

const synonyms = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const stepId = z.enum(STEP_IDS, { error: (i) => `unknown step ${JSON.stringify(i.input)} (one of ${STEP_IDS.join(', ')})` });

/**
 * Passes when the notes mention enough of `terms`. Each term is a word or a
 * list of synonyms (`[fan-out, push model]`); matching is case-insensitive,
 * on word boundaries, and treats spaces and hyphens alike ("fan out" =
 * "fan-out" = "fanout"). `min` defaults to all terms.
 */
export const notesMention = defineCheck({
  type: 'notes-mention',
  meta: {
    description: 'The notes (of given steps, or anywhere) mention at least `min` of the terms, each term with synonyms.',
    options: z
      .strictObject({
        steps: z.union([stepId, z.array(stepId).min(1)]).optional(),
        terms: z.array(synonyms).min(1),
        min: z.int().min(1).optional(),
      })
      .refine((o) => o.min === undefined || o.min <= o.terms.length, {
        message: 'min must not exceed the number of terms',
        path: ['min'],
      }),
  },
  evaluate: (graph, { steps, terms, min }) => {
    const sources = noteSources(graph, steps === undefined ? undefined : [steps].flat());
    const found: NoteExcerpt[] = [];
    const nodeIds: string[] = [];
    const missing: string[] = [];
    for (const term of terms) {
      const words = [term].flat();
      let hit = false;
      for (const src of sources) {
        const m = findTerm(src.text, words);
        if (!m) continue;
        found.push({ step: src.step, excerpt: excerptAround(src.text, m.index, m.length) });
        if (src.nodeId && !nodeIds.includes(src.nodeId)) nodeIds.push(src.nodeId);
        hit = true;
        break;
      }
      if (!hit) missing.push(words[0]!);
    }
    const need = min ?? terms.length;
    const count = terms.length - missing.length;
    return {
      passed: count >= need,
      evidence: { nodeIds, edgeIds: [], notes: found },
      note:
        missing.length === 0
          ? `mentions all ${terms.length} terms`
          : `found ${count} of ${need} needed; missing: ${missing.join(', ')}`,
    };
  },
});

import { z } from 'zod';
import { STEP_IDS } from '../../framework/steps';
import { noteSources } from '../notes';
import { excerptAround, findTerm, isKeywordList, type TermSpec, termSpecSchema } from '../text';
import { defineCheck, type NoteExcerpt } from '../types';

const synonyms = z.union([termSpecSchema, z.array(termSpecSchema).min(1)]);
const stepId = z.enum(STEP_IDS, { error: (i) => `unknown step ${JSON.stringify(i.input)} (one of ${STEP_IDS.join(', ')})` });

/** The line around `index`, for telling prose from a bare keyword list. */
const lineAt = (text: string, index: number): string => {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? text.length : end);
};

/**
 * Passes when the notes mention enough of `terms`. Each term is a word or a
 * list of synonyms (`[fan-out, push model]`), a synonym optionally an object
 * with context (`{word: presence, unless: [presence of]}`). Matching is by
 * whole words and phrases with inflections ("rate limit" finds "rate-limited"),
 * spaces and hyphens alike; a term in a negated clause does not count unless
 * `allowNegated`; `prose: true` ignores bare keyword lists (an explanation is a
 * sentence). Reads the rule's own steps unless `steps` says otherwise, and
 * never sentences copied from the brief. `min` defaults to all terms.
 */
export const notesMention = defineCheck({
  type: 'notes-mention',
  meta: {
    description:
      'The notes of the rule’s steps mention at least `min` of the terms (whole words, inflections, not negated), each term with synonyms.',
    options: z
      .strictObject({
        steps: z.union([stepId, z.array(stepId).min(1)]).optional(),
        terms: z.array(synonyms).min(1),
        min: z.int().min(1).optional(),
        prose: z.boolean().optional(),
        allowNegated: z.boolean().optional(),
        exact: z.boolean().optional(),
      })
      .refine((o) => o.min === undefined || o.min <= o.terms.length, {
        message: 'min must not exceed the number of terms',
        path: ['min'],
      }),
  },
  evaluate: (graph, { steps, terms, min, prose, allowNegated, exact }, env) => {
    const sources = noteSources(graph, steps === undefined ? env.steps : [steps].flat(), env.prompt);
    const found: NoteExcerpt[] = [];
    const nodeIds: string[] = [];
    const missing: string[] = [];
    const options = { ...(allowNegated && { allowNegated }), ...(exact && { exact }) };
    for (const term of terms) {
      const words = [term].flat() as TermSpec[];
      let hit = false;
      for (const src of sources) {
        let text = src.text;
        let m = findTerm(text, words, options);
        // A hit in a keyword list does not explain anything: look past it.
        while (m && prose && isKeywordList(lineAt(text, m.index))) {
          text = `${text.slice(0, m.index)}${' '.repeat(m.length)}${text.slice(m.index + m.length)}`;
          m = findTerm(text, words, options);
        }
        if (!m) continue;
        found.push({ step: src.step, excerpt: excerptAround(src.text, m.index, m.length) });
        if (src.nodeId && !nodeIds.includes(src.nodeId)) nodeIds.push(src.nodeId);
        hit = true;
        break;
      }
      if (!hit) {
        const first = words[0]!;
        missing.push(typeof first === 'string' ? first : first.word);
      }
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

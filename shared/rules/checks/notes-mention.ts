import { z } from 'zod';
import { STEP_IDS } from '../../framework/steps';
import { byText } from '../memo';
import { type NoteSource, noteSources } from '../notes';
import { excerptAround, type FindOptions, findTerm, isKeywordList, type TermSpec, termSpecSchema } from '../text';
import { defineCheck, type NoteExcerpt } from '../types';

const synonyms = z.union([termSpecSchema, z.array(termSpecSchema).min(1)]);
const stepId = z.enum(STEP_IDS, { error: (i) => `unknown step ${JSON.stringify(i.input)} (one of ${STEP_IDS.join(', ')})` });

/** The line around `index`, for telling prose from a bare keyword list. */
const lineAt = (text: string, index: number): string => {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? text.length : end);
};

const sentences = byText<string[]>();

/** The sources cut into sentences, minus sentences that contain an `excludeIf` term. */
const sentencesOf = (sources: readonly NoteSource[], excludeIf: readonly TermSpec[] | undefined): NoteSource[] => {
  const out: NoteSource[] = [];
  for (const src of sources)
    for (const s of sentences(src.text, () => src.text.match(/[^\n.!?;]+/g) ?? [])) {
      if (excludeIf && findTerm(s, excludeIf, { allowNegated: true })) continue;
      out.push({ ...src, text: s });
    }
  return out;
};

/** `sameSentence`: passes when one sentence mentions at least `need` of the terms. */
const inOneSentence = (
  sources: readonly NoteSource[],
  terms: readonly (TermSpec | TermSpec[])[],
  need: number,
  options: FindOptions,
) => {
  for (const src of sources) {
    const hits = terms.map((t) => findTerm(src.text, [t].flat() as TermSpec[], options));
    const found = hits.filter((h) => h !== null);
    if (found.length >= need) {
      const first = found[0]!;
      return {
        passed: true,
        evidence: {
          nodeIds: src.nodeId ? [src.nodeId] : [],
          edgeIds: [],
          notes: [{ step: src.step, excerpt: excerptAround(src.text, first.index, first.length) }],
        },
        note: `one sentence mentions ${found.length} of the terms`,
      };
    }
  }
  return { passed: false, evidence: { nodeIds: [], edgeIds: [], notes: [] }, note: 'no sentence mentions them together' };
};

/**
 * Passes when the notes mention enough of `terms`. Each term is a word or a
 * list of synonyms (`[fan-out, push model]`), a synonym optionally an object
 * with context (`{word: presence, unless: [presence of]}`). Matching is by
 * whole words and phrases with inflections ("rate limit" finds "rate-limited"),
 * spaces and hyphens alike; a term in a negated clause does not count unless
 * `allowNegated`; `prose: true` ignores bare keyword lists (an explanation is a
 * sentence); `sameSentence: true` needs them in one sentence; `excludeIf` ignores
 * sentences that contain any of its terms ("clocks drift, so …"). Reads the rule's own steps unless `steps` says otherwise, and
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
        sameSentence: z.boolean().optional(),
        excludeIf: z.array(termSpecSchema).min(1).optional(),
      })
      .refine((o) => o.min === undefined || o.min <= o.terms.length, {
        message: 'min must not exceed the number of terms',
        path: ['min'],
      }),
  },
  evaluate: (graph, { steps, terms, min, prose, allowNegated, exact, sameSentence, excludeIf }, env) => {
    const all = noteSources(graph, steps === undefined ? env.steps : [steps].flat(), env.prompt);
    const sources = sameSentence || excludeIf ? sentencesOf(all, excludeIf) : all;
    if (sameSentence)
      return inOneSentence(sources, terms, min ?? terms.length, {
        ...(allowNegated && { allowNegated }),
        ...(exact && { exact }),
      });
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

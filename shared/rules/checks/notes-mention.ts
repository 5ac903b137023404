import { z } from 'zod';
import { byText } from '../memo';
import { fromNotes, type NoteSource } from '../notes';
import { asSynonyms, candidatePositions, findTerm, sentenceAt, sentencesWith } from '../terms';
import { excerptAround, type FindOptions, isKeywordList, type TermHit, type TermSpec, termSpecSchema } from '../text';
import { type CheckOutcome, defineCheck, type NoteExcerpt } from '../types';
import { sentencesIn } from '../wordIndex';
import { passagesFor, stepsOption } from './readsSteps';

const synonyms = z.union([termSpecSchema, z.array(termSpecSchema).min(1)]);

/** Per text, whether the line starting at an offset is a bare keyword list: a pure function of the text, asked at every candidate hit. */
const keywordLines = byText<Map<number, boolean>>();

/** Whether the line around `index` is a bare keyword list rather than prose: each line of a text is judged once. */
const inKeywordList = (text: string, index: number): boolean => {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const lines = keywordLines(text, () => new Map());
  let listed = lines.get(start);
  if (listed === undefined) {
    const end = text.indexOf('\n', index);
    listed = isKeywordList(text.slice(start, end === -1 ? text.length : end));
    lines.set(start, listed);
  }
  return listed;
};

/** A stretch of one source that is read on its own: the whole of it, or one sentence. */
interface Passage {
  readonly src: NoteSource;
  readonly from: number;
  readonly to: number;
}

const wholeOf = (sources: readonly NoteSource[]): Passage[] => sources.map((src) => ({ src, from: 0, to: src.text.length }));

const NEGATED_TOO = { allowNegated: true } as const;

/** The sentences of `text` with an `excludeIf` term ("clocks drift, so …"): only those holding a candidate are read. */
const excludedIn = (text: string, bounds: readonly number[], excludeIf: readonly TermSpec[] | undefined): Set<number> => {
  const out = new Set<number>();
  if (!excludeIf) return out;
  for (const p of candidatePositions(text, excludeIf, true)) {
    const s = sentenceAt(bounds, p);
    if (!out.has(s) && findTerm(text, excludeIf, NEGATED_TOO, bounds[2 * s]!, bounds[2 * s + 1]!)) out.add(s);
  }
  return out;
};

/** The sources cut into sentences, minus sentences that contain an `excludeIf` term. */
const sentencesOf = (sources: readonly NoteSource[], excludeIf: readonly TermSpec[] | undefined): Passage[] => {
  const out: Passage[] = [];
  for (const src of sources) {
    const bounds = sentencesIn(src.text);
    const excluded = excludedIn(src.text, bounds, excludeIf);
    for (let i = 0; i < bounds.length; i += 2) if (!excluded.has(i / 2)) out.push({ src, from: bounds[i]!, to: bounds[i + 1]! });
  }
  return out;
};

/** `sameSentence`: passes when one sentence (not one with an `excludeIf` term) mentions at least `need` of the terms. */
const inOneSentence = (
  sources: readonly NoteSource[],
  terms: readonly (TermSpec | TermSpec[])[],
  need: number,
  options: FindOptions,
  excludeIf: readonly TermSpec[] | undefined,
) => {
  for (const src of sources) {
    const bounds = sentencesIn(src.text);
    const candidates = sentencesWith(src.text, bounds, terms, need, !options.exact);
    const excluded = candidates.length > 0 ? excludedIn(src.text, bounds, excludeIf) : null;
    for (const s of candidates) {
      if (excluded?.has(s)) continue;
      const from = bounds[2 * s]!;
      const to = bounds[2 * s + 1]!;
      let first: TermHit | null = null;
      let count = 0;
      for (let t = 0; t < terms.length && count + terms.length - t >= need; t++) {
        const hit = findTerm(src.text, asSynonyms(terms[t]!), options, from, to);
        if (!hit) continue;
        first ??= hit;
        count++;
      }
      if (count >= need && first)
        return {
          passed: true,
          evidence: {
            nodeIds: src.nodeId ? [src.nodeId] : [],
            edgeIds: [],
            notes: [{ step: src.step, excerpt: excerptAround(src.text.slice(from, to), first.index - from, first.length) }],
          },
          note: `one sentence mentions ${count} of the terms`,
        };
    }
  }
  return { passed: false, evidence: { nodeIds: [], edgeIds: [], notes: [] }, note: 'no sentence mentions them together' };
};

const mentionOptions = z
  .strictObject({
    steps: stepsOption,
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
  });

/** notes-mention on the passages it reads. */
const mention = (
  all: readonly NoteSource[],
  { terms, min, prose, allowNegated, exact, sameSentence, excludeIf }: z.output<typeof mentionOptions>,
): CheckOutcome => {
  if (sameSentence)
    return inOneSentence(
      all,
      terms,
      min ?? terms.length,
      { ...(allowNegated && { allowNegated }), ...(exact && { exact }) },
      excludeIf,
    );
  const sources = excludeIf ? sentencesOf(all, excludeIf) : wholeOf(all);
  const found: NoteExcerpt[] = [];
  const nodeIds: string[] = [];
  const missing: string[] = [];
  const options = { ...(allowNegated && { allowNegated }), ...(exact && { exact }) };
  for (const term of terms) {
    const words = asSynonyms(term);
    let hit = false;
    for (const { src, from, to } of sources) {
      // A hit in a keyword list does not explain anything: look past it.
      const where = prose ? (index: number) => !inKeywordList(src.text, index) : undefined;
      const m = findTerm(src.text, words, where ? { ...options, where } : options, from, to);
      if (!m) continue;
      const excerpt =
        from === 0 && to === src.text.length
          ? excerptAround(src.text, m.index, m.length)
          : excerptAround(src.text.slice(from, to), m.index - from, m.length);
      found.push({ step: src.step, excerpt });
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
    reads: 'writing',
    description:
      'The notes of the rule’s steps mention at least `min` of the terms (whole words, inflections, not negated), each term with synonyms.',
    options: mentionOptions,
  },
  evaluate: (graph, opts, env) => {
    const all = passagesFor(graph, opts.steps, env);
    return fromNotes(all, opts, env, () => mention(all, opts));
  },
});

import { STEP_IDS, type StepId } from '../framework/steps';
import type { BoardGraph } from './graph';
import { byObjects, bySequence, byText, getOrMake, perGraph } from './memo';
import { isKeywordList } from './text';
import type { CheckEnv, CheckOutcome } from './types';
import { lowerBound, sentencesIn, type WordIndex, wordAt, wordIndex } from './wordIndex';

/** A passage of the candidate's writing: a step's notes, or a text annotation on the canvas. */
export interface NoteSource {
  /** The step id, or "canvas" for a text annotation. */
  readonly step: string;
  /** The writing, with any sentence copied from the brief blanked out (same length, so indices hold). */
  readonly text: string;
  /** Set for a canvas annotation, so the UI can select it. */
  readonly nodeId?: string;
}

/**
 * Steps whose rules also read the text annotations on the canvas (they are
 * part of the drawing), and whose notes must explain: there, a line that is
 * a bare keyword list ("base62, 301, sharding, Kafka, LRU") counts for nothing.
 * Lists are fine when restating features and requirements.
 */
const DRAWING_STEPS: ReadonlySet<string> = new Set<StepId>(['high_level', 'deep_dive', 'bottlenecks']);

/** Texts with their keyword lists blanked: one text is read with and without the brief, and by rubrics with different briefs. */
const unlisted = byText<string>();

/** The text with every keyword-list line blanked (same length, so indices hold). */
const withoutKeywordLists = (text: string): string => unlisted(text, () => blankKeywordLists(text));

const blankKeywordLists = (text: string): string => {
  let out: string | null = null;
  for (const m of text.matchAll(/[^\n]+/g))
    if (isKeywordList(m[0]))
      out = (out ?? text).slice(0, m.index) + ' '.repeat(m[0].length) + (out ?? text).slice(m.index + m[0].length);
  // Unchanged text stays the same string, so its word index is shared with the raw notes'.
  return out ?? text;
};

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface Brief {
  /** The brief's words, lower case, one space apart and padded: " design a chat application … ". */
  readonly text: string;
  readonly words: ReadonlySet<string>;
}
const briefs = byText<Brief>(64);
const briefOf = (prompt: string): Brief =>
  briefs(prompt, () => {
    const n = normalise(prompt);
    return { text: ` ${n} `, words: new Set(n.split(' ')) };
  });

/** Words `first` to `last` (exclusive), one space apart. */
const sentenceWords = (idx: WordIndex, first: number, last: number): string => {
  let out = wordAt(idx, first);
  for (let w = first + 1; w < last; w++) out += ` ${wordAt(idx, w)}`;
  return out;
};

/**
 * The text with every sentence that was copied from the brief blanked out:
 * restating the requirements is not an answer. A sentence counts as copied
 * when it has at least four words and appears in the brief word for word.
 * Sentences are read as the words of the text's index, so one with a word
 * the brief lacks costs a set lookup.
 */
export const withoutBrief = (text: string, prompt: string | undefined): string => {
  if (!prompt) return text;
  const brief = briefOf(prompt);
  const idx = wordIndex(text);
  const { starts } = idx;
  const bounds = sentencesIn(text);
  let out = text;
  for (let i = 0; i < bounds.length; i += 2) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const first = lowerBound(starts, from);
    let last = first;
    while (last < starts.length && starts[last]! < to) last++;
    if (last - first < 4) continue;
    let copied = true;
    // Word by word (wordAt), so a sentence stops costing at its first word the brief lacks.
    for (let w = first; w < last && copied; w++) copied = brief.words.has(wordAt(idx, w));
    if (copied && brief.text.includes(` ${sentenceWords(idx, first, last)} `))
      out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
};

const sources = perGraph<NoteSource[]>();
type ReadingCache = (text: string, compute: () => string) => string;
/** Readings by the brief, then by how the step is read (understand or not, drawing or not): a pure function of the text. */
const readings = byText<Map<string, ReadingCache>>(64);
/** Equal source lists are the same array object across scoring calls, so outcomes can be cached by it (see fromNotes). */
const internedSources = bySequence<NoteSource[]>();

/**
 * One step's notes (or one annotation) as the rules read them: brief
 * sentences and, in drawing steps, keyword dumps blanked. Derived from the
 * text, the brief and how the step is read alone, so it is reused across
 * scoring calls (the notes stay the same while someone draws).
 */
const readingOf = (step: string, text: string, prompt: string | undefined, explains: boolean): string => {
  const drawing = explains || DRAWING_STEPS.has(step) || step === 'canvas';
  const understand = step === 'understand';
  const how = `${understand ? 'u' : ''}${drawing ? 'd' : 'o'}`;
  const cache = getOrMake(
    readings(prompt ?? '', () => new Map()),
    how,
    () => byText<string>(),
  );
  return cache(text, () => {
    // Restating the brief is what the understand step asks for; elsewhere a copied sentence is not an answer.
    const own = understand ? text : withoutBrief(text, prompt);
    return drawing ? withoutKeywordLists(own) : own;
  });
};

/**
 * The writing a notes check reads: the notes of `steps` (every step when
 * omitted), minus sentences copied from `prompt`, plus the canvas annotations
 * when a drawing step is among them (candidates write their deep dive beside
 * the diagram). Cached per graph, so rules sharing steps share the work; the
 * same writing gives the same (frozen) list object on every call.
 */
export const noteSources = (graph: BoardGraph, steps?: readonly StepId[], prompt?: string): readonly NoteSource[] => {
  const wanted = steps ?? STEP_IDS;
  const key = wanted.join(',');
  return sources(graph, `${key}\u0000${prompt === undefined ? '' : prompt.length}`, () => {
    const notes = graph.board.notes;
    // A rule of a drawing step asks for an explanation: a bare list of its terms earns it nothing, in whichever step it is written.
    const explains = DRAWING_STEPS.has(wanted[0]!);
    const out: NoteSource[] = [];
    for (const step of wanted) {
      const text = notes[step];
      if (text) out.push({ step, text: readingOf(step, text, prompt, explains) });
    }
    if (wanted.some((s) => DRAWING_STEPS.has(s)))
      for (const n of graph.nodesByKind.get('text') ?? [])
        if (n.label) out.push({ step: 'canvas', text: readingOf('canvas', n.label, prompt, explains), nodeId: n.id });
    const parts: unknown[] = [key, prompt];
    for (const src of out) parts.push(src.step, src.nodeId, src.text);
    return internedSources(parts, () => Object.freeze(out) as NoteSource[]);
  });
};

const outcomes = byObjects<CheckOutcome>();

/**
 * The outcome of a check that reads only the writing: computed once for the
 * same passages (an interned list from noteSources), parsed options and rule
 * environment, so rescoring a drawing edit re-reads no notes. Never stale:
 * every input is an immutable object and the key is its identity.
 */
export const fromNotes = (
  passages: readonly NoteSource[],
  options: object,
  env: CheckEnv,
  compute: () => CheckOutcome,
): CheckOutcome => outcomes(passages, options, env, compute);

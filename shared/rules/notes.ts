import { STEP_IDS, type StepId } from '../framework/steps';
import type { BoardGraph } from './graph';
import { byText, perGraph } from './memo';
import { isKeywordList } from './text';

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

/** The text with every keyword-list line blanked (same length, so indices hold). */
const withoutKeywordLists = (text: string): string =>
  text.replace(/[^\n]+/g, (line) => (isKeywordList(line) ? ' '.repeat(line.length) : line));

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const briefCache = new Map<string, string>();
const briefOf = (prompt: string): string => {
  let b = briefCache.get(prompt);
  if (b === undefined) {
    b = ` ${normalise(prompt)} `;
    if (briefCache.size > 64) briefCache.clear();
    briefCache.set(prompt, b);
  }
  return b;
};

/**
 * The text with every sentence that was copied from the brief blanked out:
 * restating the requirements is not an answer. A sentence counts as copied
 * when it has at least four words and appears in the brief word for word.
 */
export const withoutBrief = (text: string, prompt: string | undefined): string => {
  if (!prompt) return text;
  const brief = briefOf(prompt);
  let out = text;
  for (const m of text.matchAll(/[^\n.!?;]+/g)) {
    const n = normalise(m[0]);
    if (n.split(' ').length >= 4 && brief.includes(` ${n} `))
      out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
  }
  return out;
};

const sources = perGraph<NoteSource[]>();
const readings = byText<string>();

/** One step's notes as the rules read them (brief sentences and, in drawing steps, keyword dumps blanked). */
const readingOf = (step: string, text: string, prompt: string | undefined): string =>
  readings(`${step.startsWith('canvas') ? 'canvas' : step}\u0000${prompt ?? ''}\u0000${text}`, () => {
    // Restating the brief is what the understand step asks for; elsewhere a copied sentence is not an answer.
    const own = step === 'understand' ? text : withoutBrief(text, prompt);
    return DRAWING_STEPS.has(step) || step === 'canvas' ? withoutKeywordLists(own) : own;
  });

/**
 * The writing a notes check reads: the notes of `steps` (every step when
 * omitted), minus sentences copied from `prompt`, plus the canvas annotations
 * when a drawing step is among them (candidates write their deep dive beside
 * the diagram). Cached per graph, so rules sharing steps share the work.
 */
export const noteSources = (graph: BoardGraph, steps?: readonly StepId[], prompt?: string): NoteSource[] => {
  const wanted = steps ?? STEP_IDS;
  return sources(graph, `${wanted.join(',')}\u0000${prompt === undefined ? '' : prompt.length}`, () => {
    const notes = graph.board.notes;
    const out: NoteSource[] = [];
    for (const step of wanted) {
      const text = notes[step];
      if (text) out.push({ step, text: readingOf(step, text, prompt) });
    }
    if (wanted.some((s) => DRAWING_STEPS.has(s)))
      for (const n of graph.nodesByKind.get('text') ?? [])
        if (n.label) out.push({ step: 'canvas', text: readingOf('canvas', n.label, prompt), nodeId: n.id });
    return out;
  });
};

/** Every step's notes and the annotations, as one text (for whole-board readings such as redundancy). */
export const allWriting = (graph: BoardGraph): string =>
  noteSources(graph)
    .map((s) => s.text)
    .join('\n');

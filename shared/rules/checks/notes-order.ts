import { z } from 'zod';
import { fromNotes, type NoteSource } from '../notes';
import { findTerm, sentencesWith } from '../terms';
import { excerptAround, type TermSpec, termSpecSchema } from '../text';
import { type CheckOutcome, defineCheck, NO_EVIDENCE } from '../types';
import { lowerBound, sentencesIn } from '../wordIndex';
import { passagesFor, stepsOption } from './readsSteps';

const termsSchema = z.array(termSpecSchema).min(1);
const NEGATED_TOO = { allowNegated: true } as const;

// Between two events: "A before B", "A, then B", "A → B" put A first; "A after B", "A once B" put B first.
// The connector nearest the later event relates the two: in "ack as soon as it arrives, before it is stored"
// the "as soon as" is about arriving, and "before" puts the ack first.
const AFTER = 'only after|after|once|when|as soon as';
const BEFORE = 'before|prior to';
const CONNECTOR = new RegExp(`\\b(?:${AFTER}|${BEFORE}|then|followed by|first|and then|until)\\b|->|→`, 'gi');
const BACKWARD = new RegExp(`^(?:${AFTER})$`, 'i');
// In front of the earlier event: "Before B, A" / "After B, A", right before it or opening its clause
// ("Once the message is safely in Cassandra, the server acks", "By the time the sender gets the ack, …").
const leading = (words: string): RegExp => new RegExp(`(?:\\b(?:${words})\\s+|(?:^|[,;:]\\s*)(?:${words})\\b[^,;:]*)$`, 'i');
const LEAD_BACKWARD = leading(`${BEFORE}|by the time`);
const LEAD_FORWARD = leading(AFTER);
const ALREADY = /\balready\b/i;
/** The rest of the later event's clause, where "stored already" says so too. */
const clauseAfter = (sentence: string, from: number): string => sentence.slice(from, from + 40).split(/[,;:]/)[0]!;

/** The connector nearest the end of `between` (the one relating the two events), or null. */
const lastConnector = (between: string): RegExpExecArray | null => {
  let last: RegExpExecArray | null = null;
  for (const m of between.matchAll(CONNECTOR)) last = m;
  return last;
};

/** Whether a connector puts the earlier-written event first (null: no connector, and no "and" to read in order). */
const connectorOrder = (between: string, connector: RegExpExecArray | null): boolean | null =>
  // With no connector, "A and B" tells them in the order they happen ("acks right away and writes it later").
  connector === null ? (/\band\b/i.test(between) ? true : null) : !BACKWARD.test(connector[0]);

type Order = 'forward' | 'backward' | null;

/**
 * Which of two events a sentence says comes first. A clause saying "already"
 * happened first, whatever the connector: "When the server acks, the message
 * has already been stored", "The message is stored already when the ack goes out".
 */
const orderIn = (sentence: string, a: number, aEnd: number, b: number): Order => {
  const [lo, loEnd, hi] = a < b ? [a, aEnd, b] : [b, b, a];
  const lead = sentence.slice(0, lo);
  const between = sentence.slice(loEnd, hi);
  const connector = lastConnector(between);
  const earlierClause = `${lead.split(/[,;:]/).at(-1)} ${connector ? between.slice(0, connector.index) : ''}`;
  const laterClause = `${connector ? between.slice(connector.index + connector[0].length) : between} ${clauseAfter(sentence, hi)}`;
  const earlierAlready = ALREADY.test(earlierClause);
  const laterAlready = ALREADY.test(laterClause);
  let earlierFirst: boolean | null = null;
  if (earlierAlready !== laterAlready) earlierFirst = earlierAlready;
  else if (LEAD_BACKWARD.test(lead)) earlierFirst = false;
  else if (LEAD_FORWARD.test(lead)) earlierFirst = true;
  else earlierFirst = connectorOrder(between, connector);
  if (earlierFirst === null) return null;
  const aFirst = a < b ? earlierFirst : !earlierFirst;
  return aFirst ? 'forward' : 'backward';
};

/**
 * Passes when a sentence of the notes says `first` happens before `next`:
 * "persist the message, then ack", "ack only after the write is durable",
 * "before acking we write to Cassandra". As a `flaw` it finds the reverse
 * claim ("we ack before persisting"). Not applicable when no sentence names
 * both events. Negated sentences ("we never ack before …") say nothing.
 */
export const notesOrder = defineCheck({
  type: 'notes-order',
  meta: {
    reads: 'writing',
    description: 'A sentence of the notes says the `first` event happens before the `next` event (before/after/then/once).',
    options: z.strictObject({
      first: termsSchema,
      next: termsSchema,
      steps: stepsOption,
    }),
  },
  evaluate: (graph, opts, env) => {
    const passages = passagesFor(graph, opts.steps, env);
    return fromNotes(passages, opts, env, () => order(passages, opts.first, opts.next));
  },
});

const NEGATED_SENTENCE = /\b(?:never|not|no|don['’]?t|won['’]?t)\b/i;

/** notes-order on the passages it reads. */
const order = (passages: readonly NoteSource[], first: TermSpec[], next: TermSpec[]): CheckOutcome => {
  let mentioned = false;
  const inOrder = (src: NoteSource, a: number, b: number): CheckOutcome => ({
    passed: true,
    evidence: {
      nodeIds: src.nodeId ? [src.nodeId] : [],
      edgeIds: [],
      notes: [{ step: src.step, excerpt: excerptAround(src.text, Math.min(a, b), Math.abs(a - b) + 4) }],
    },
    note: 'the notes put them in this order',
  });
  for (const src of passages) {
    const bounds = sentencesIn(src.text);
    // Only sentences where both events may be named are read.
    for (const n of sentencesWith(src.text, bounds, [first, next], 2, true)) {
      const from = bounds[2 * n]!;
      const to = bounds[2 * n + 1]!;
      const a = findTerm(src.text, first as TermSpec[], NEGATED_TOO, from, to);
      const b = a && findTerm(src.text, next as TermSpec[], NEGATED_TOO, from, to);
      if (!a || !b || a.index === b.index) continue;
      mentioned = true;
      const sentence = src.text.slice(from, to);
      if (NEGATED_SENTENCE.test(sentence)) continue;
      // orderIn reads offsets within the sentence.
      if (orderIn(sentence, a.index - from, a.index - from + a.length, b.index - from) === 'forward')
        return inOrder(src, a.index, b.index);
    }
  }
  // Events told in sentences of their own: "Persist the message. Then ack." or the steps of a numbered list.
  for (const src of passages) {
    const found = acrossSentences(src.text, first, next);
    if (found === null) continue;
    mentioned = true;
    if (found.order === 'forward') return inOrder(src, found.a, found.b);
  }
  return {
    passed: false,
    ...(!mentioned && { applicable: false }),
    evidence: NO_EVIDENCE,
    note: mentioned ? 'the notes do not put them in this order' : 'no sentence names both',
  };
};

// A sentence opening with one of these follows on from the one before it: "… Then we ack." / "… Before that, …".
const THEN_OPENING =
  /^(?:and\s+)?(?:only\s+)?(?:then|after that|after this|afterwards?|next|subsequently|finally|once (?:that|this|it)|when (?:that|this|it)|with that done)\b/i;
const BEFORE_OPENING = /^(?:but\s+)?(?:before (?:that|this|then)|prior to (?:that|this)|first of all)\b/i;
// A step of a numbered list: "1. Persist", "2) Ack", "Step 3: fan out".
const LIST_STEP = /^(?:\d{1,2}[.)]|step\s+\d{1,2}\b[:.)]?)\s*/i;
const LETTER = /\p{L}/u;

/**
 * The order two events are told in across sentences, when the telling says
 * it: the later sentence opens with "then", "after that", "once that …"
 * (forward) or "before that" (backward), or the two are steps of one numbered
 * list (its order is theirs). Two sentences that merely follow one another
 * order nothing ("We use Cassandra. Acks are sent over the socket.").
 * Each event is its sentence's first mention; negated sentences say nothing.
 */
const acrossSentences = (
  text: string,
  first: TermSpec[],
  next: TermSpec[],
): { readonly order: 'forward' | 'backward'; readonly a: number; readonly b: number } | null => {
  const bounds = sentencesIn(text);
  const lists = listsOf(text);
  // The sentences with words in them ("2. Persist": the "2" before the full stop is no sentence), each with its list.
  const units: { from: number; to: number; list: number }[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    if (LETTER.test(text.slice(from, to))) units.push({ from, to, list: lists(from) });
  }
  const at = (terms: TermSpec[], u: { from: number; to: number }) =>
    NEGATED_SENTENCE.test(text.slice(u.from, u.to)) ? null : findTerm(text, terms, NEGATED_TOO, u.from, u.to);
  for (let k = 0; k + 1 < units.length; k++) {
    const u = units[k]!;
    const a = at(first, u);
    const b = a ? null : at(next, u);
    if (!a && !b) continue;
    for (let j = k + 1; j < units.length; j++) {
      const v = units[j]!;
      const sameList = u.list >= 0 && v.list === u.list;
      // Beyond the next sentence, only a numbered list still orders them.
      if (j > k + 1 && !sameList) break;
      const other = a ? at(next, v) : at(first, v);
      if (!other) continue;
      const opening = text.slice(v.from, v.to).trimStart().replace(LIST_STEP, '');
      const laterFirst = BEFORE_OPENING.test(opening) ? true : THEN_OPENING.test(opening) || sameList ? false : null;
      if (laterFirst === null) break;
      const firstTold = a ? 'first' : 'next';
      const firstHappened = laterFirst ? (firstTold === 'first' ? 'next' : 'first') : firstTold;
      return {
        order: firstHappened === 'first' ? 'forward' : 'backward',
        a: (a ?? other).index,
        b: (a ? other : b!).index,
      };
    }
  }
  return null;
};

/**
 * Which numbered list the line holding an offset belongs to (-1: none): a
 * list is a run of consecutive lines that each open with a step number.
 */
const listsOf = (text: string): ((at: number) => number) => {
  const starts: number[] = [];
  const ids: number[] = [];
  let id = -1;
  let prevStep = false;
  for (let from = 0; from <= text.length; ) {
    const end = text.indexOf('\n', from);
    const to = end === -1 ? text.length : end;
    const step = LIST_STEP.test(text.slice(from, to).trimStart());
    if (step && !prevStep) id++;
    starts.push(from);
    ids.push(step ? id : -1);
    prevStep = step;
    if (end === -1) break;
    from = end + 1;
  }
  return (at) => ids[lowerBound(starts, at + 1) - 1] ?? -1;
};

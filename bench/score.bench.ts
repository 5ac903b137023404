/**
 * Scoring speed: a 500-component / 1,000-edge board with 6 steps of notes
 * (~3,000 characters each), scored with the largest built-in rubric.
 * Target: median under 2 ms, so the score panel can rescore on every change.
 *
 * Honest evaluations: the engine keeps small caches of values derived from a
 * text alone (a note's figures, its sentences), so scoring one board over and
 * over would time mostly cache hits. The target is measured on boards never
 * seen before: each run has its own edges, labels and notes, so no cache can
 * help. A second figure, one edge changed per run with the notes unchanged,
 * shows what rescoring while drawing costs (text caches may hit there); a
 * third, one step's notes one word longer per run, what rescoring while
 * writing costs (the other steps' readings are reused).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';
import { COMPONENT_KINDS } from '../shared/board/kinds';
import type { Board, BoardEdge, BoardNode } from '../shared/board/types';
import { STEP_IDS } from '../shared/framework/steps';
import { parseRubric } from '../shared/rubric/parse';
import type { Rubric } from '../shared/rubric/schema';
import { scoreBoard } from '../shared/rules';

const NODES = 500;
const EDGES = 1000;
const RUNS = 300;
const TARGET_MS = 2;

/** A deterministic pseudo-random generator, so every bench run scores the same boards. */
const lcg = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

const SENTENCES = [
  'We shard the message store by conversation id and replicate each shard three times.',
  'Reads ≈ 4k QPS, writes 40/s, storage 3 TB a year before replication.',
  'Chat servers hold the websockets; a session registry in Redis maps users to servers.',
  'We do not order by client clocks: the server assigns a sequence number per conversation.',
  'The message is persisted before the ack, then fanned out to the recipients through Kafka.',
  'Offline users get a push notification (APNs / FCM) and fetch history when they reconnect.',
];

/** Board number `seed`: its own edges, labels and notes (prose varied by the seed, so no text repeats across boards). */
const boardFor = (seed: number): Board => {
  const rand = lcg(seed);
  const nodes: BoardNode[] = Array.from({ length: NODES }, (_, i) => ({
    id: `n${i}`,
    kind: COMPONENT_KINDS[i % COMPONENT_KINDS.length]!,
    label: `component ${i}${i % 50 === seed % 50 ? ` v${seed}` : ''}`,
    position: { x: (i % 25) * 200, y: Math.floor(i / 25) * 120 },
    ...(i % 7 === 0 && { props: { replicas: 1 + (i % 3) } }),
  }));
  const edges: BoardEdge[] = Array.from({ length: EDGES }, (_, i) => ({
    id: `e${i}`,
    source: `n${Math.floor(rand() * NODES)}`,
    target: `n${Math.floor(rand() * NODES)}`,
    ...(i % 5 === 0 && { protocol: 'http' as const }),
  }));
  const notes = Object.fromEntries(
    STEP_IDS.map((step, s) => {
      const lines = Array.from(
        { length: 40 },
        (_, i) => `${SENTENCES[(i + s + seed) % SENTENCES.length]} (${step} ${seed}.${i})`,
      );
      return [step, lines.join(' ')];
    }),
  );
  return { question: 'bench', nodes, edges, notes };
};

const largestRubric = (): Rubric => {
  const dir = new URL('../rubrics/', import.meta.url);
  const rubrics = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parseRubric(readFileSync(new URL(f, dir), 'utf8'), f))
    .flatMap((r) => (r.ok ? [r.rubric] : []));
  return rubrics.sort((a, b) => b.rules.length - a.rules.length)[0]!;
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Timing {
  /** Wall-clock ms per run, sorted. */
  readonly times: readonly number[];
  /** Mean CPU ms per run (user + system): on a shared machine it moves less than wall time does. */
  readonly cpu: number;
  /** Garbage-collection pauses during the runs (V8's own figures): how many, and their total ms. */
  readonly gc: { readonly pauses: number; readonly ms: number };
}

/**
 * Times scoring `RUNS` boards, each built (untimed) just before it is scored
 * and dropped after, so the heap holds one board as the app does rather than
 * hundreds for the garbage collector to walk.
 */
const timeAll = async (boardNumber: (run: number) => Board, rubric: Rubric): Promise<Timing> => {
  const times: number[] = [];
  let cpuMs = 0;
  // GC pauses land in the wall times of whichever runs they interrupt: shown apart so a median can be read.
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  for (let i = 0; i < RUNS; i++) {
    const board = boardNumber(i);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    scoreBoard(board, rubric);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMs += (cpu.user + cpu.system) / 1000;
  }
  // Entries are delivered on a later turn of the event loop (a timer turn, not setImmediate): let them arrive.
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  const gc = { pauses: pauses.length, ms: pauses.reduce((sum, e) => sum + e.duration, 0) };
  return { times: times.sort((a, b) => a - b), cpu: cpuMs / RUNS, gc };
};

const summary = ({ times, cpu, gc }: Timing): string =>
  `median ${percentile(times, 0.5).toFixed(3)} ms · p95 ${percentile(times, 0.95).toFixed(3)} ms · max ${times.at(-1)!.toFixed(3)} ms · cpu ${cpu.toFixed(3)} ms/run · gc ${gc.pauses} pauses, ${(gc.ms / RUNS).toFixed(3)} ms/run`;

export const run = async (): Promise<void> => {
  const rubric = largestRubric();
  console.log(
    `scoreBoard: ${NODES} components, ${EDGES} edges, 6 × ~3,000 characters of notes, rubric "${rubric.id}" (${rubric.rules.length} rules), ${RUNS} runs; load average ${load()}`,
  );
  // Warm-up boards are different again (JIT only, no cache can carry over).
  for (let i = 0; i < 30; i++) scoreBoard(boardFor(100_000 + i), rubric);
  const fresh = await timeAll(boardFor, rubric);
  const median = percentile(fresh.times, 0.5);
  console.log(`  every run a board never seen (new edges, labels, notes): ${summary(fresh)}`);
  console.log(
    `  target median < ${TARGET_MS} ms: ${median < TARGET_MS ? 'met' : 'MISSED'} (${(median / TARGET_MS).toFixed(2)}× the target)`,
  );
  // Drawing: the same notes, one edge re-targeted per run (what the panel does while someone draws).
  const base = boardFor(RUNS + 1);
  const drawing = await timeAll(
    (i) => ({ ...base, edges: base.edges.map((e, j) => (j === i % EDGES ? { ...e, target: `n${(i * 7) % NODES}` } : e)) }),
    rubric,
  );
  console.log(`  drawing edits (one edge changed per run, notes unchanged): ${summary(drawing)}`);
  // Typing: the same drawing, one step's notes one word longer per run (what the panel does while someone writes).
  const typing = await timeAll(
    (i) => ({ ...base, notes: { ...base.notes, deep_dive: `${base.notes.deep_dive} word${i}` } }),
    rubric,
  );
  console.log(`  typing (one step's notes one word longer per run, drawing unchanged): ${summary(typing)}`);
  console.log(`  load average after ${load()}`);
};

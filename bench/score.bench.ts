/**
 * Scoring speed: a 500-component / 1,000-edge board scored with the largest
 * built-in rubric, 300 times. Target: median under 2 ms, so the score panel
 * can rescore on every change.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { COMPONENT_KINDS } from '../shared/board/kinds';
import type { Board, BoardEdge, BoardNode } from '../shared/board/types';
import { STEP_IDS } from '../shared/framework/steps';
import { parseRubric } from '../shared/rubric/parse';
import type { Rubric } from '../shared/rubric/schema';
import { scoreBoard } from '../shared/rules';

const NODES = 500;
const EDGES = 1000;
const RUNS = 300;

/** A deterministic pseudo-random generator, so every run scores the same board. */
const lcg = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

const bigBoard = (): Board => {
  const rand = lcg(42);
  const nodes: BoardNode[] = Array.from({ length: NODES }, (_, i) => ({
    id: `n${i}`,
    kind: COMPONENT_KINDS[i % COMPONENT_KINDS.length]!,
    label: `component ${i}`,
    position: { x: (i % 25) * 200, y: Math.floor(i / 25) * 120 },
    ...(i % 7 === 0 && { props: { replicas: 1 + (i % 3) } }),
  }));
  const edges: BoardEdge[] = Array.from({ length: EDGES }, (_, i) => ({
    id: `e${i}`,
    source: `n${Math.floor(rand() * NODES)}`,
    target: `n${Math.floor(rand() * NODES)}`,
    ...(i % 5 === 0 && { protocol: 'http' as const }),
  }));
  const prose = 'We shard by key and replicate; reads ≈ 4k QPS, writes 40/s, storage 3 TB. '.repeat(40);
  return { question: 'bench', nodes, edges, notes: Object.fromEntries(STEP_IDS.map((s) => [s, prose])) };
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

export const run = async (): Promise<void> => {
  const board = bigBoard();
  const rubric = largestRubric();
  for (let i = 0; i < 20; i++) scoreBoard(board, rubric); // warm-up: JIT and the per-rubric caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    scoreBoard(board, rubric);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  console.log(
    `scoreBoard: ${NODES} components, ${EDGES} edges, rubric "${rubric.id}" (${rubric.rules.length} rules), ${RUNS} runs`,
  );
  console.log(
    `  median ${median.toFixed(3)} ms · p95 ${percentile(times, 0.95).toFixed(3)} ms · max ${times.at(-1)!.toFixed(3)} ms`,
  );
  console.log(`  target median < 2 ms: ${median < 2 ? 'met' : 'MISSED'} (${(2 / median).toFixed(1)}× headroom)`);
  console.log(
    `  load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
};

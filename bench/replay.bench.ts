/**
 * Replay budgets for a 60-minute mock with 200 components (plus moves,
 * renames, deletions, 6,000 characters of notes typed key by key, and the
 * five step changes with their snapshots), recorded as the app records it:
 *   - replay data (the stored timeline JSON) < 1 MB;
 *   - seek to any moment < 100 ms: rebuild the doc there, read the board and
 *     score it with the largest built-in rubric (the replay view's work per
 *     seek). Random seeks back and forth, on a cold replay (the first seek
 *     builds the in-memory checkpoints) and a warm one.
 * `BENCH_QUICK=1` runs a 6-minute, 20-component mock instead (a smoke run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createReplay } from '../shared/interview/replay';
import { recordTimeline, timelineSize, timelineToJson } from '../shared/interview/timeline';
import { parseRubric } from '../shared/rubric/parse';
import { scoreBoard } from '../shared/rules';
import { lcg, simulateMock } from '../test/fixtures/timeline/simulateMock';

const QUICK = process.env.BENCH_QUICK === '1';
const MINUTES = QUICK ? 6 : 60;
const COMPONENTS = QUICK ? 20 : 200;
const SEEKS = QUICK ? 20 : 200;
const SIZE_BUDGET = 1024 * 1024;
const SEEK_BUDGET_MS = 100;

const largestRubric = () => {
  const dir = new URL('../rubrics/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parseRubric(readFileSync(new URL(f, dir), 'utf8'), f))
    .flatMap((r) => (r.ok ? [r.rubric] : []))
    .sort((a, b) => b.rules.length - a.rules.length)[0]!;
};

const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

export const run = async (): Promise<void> => {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const sim = simulateMock({
    seed: 60,
    durationMs: MINUTES * 60_000,
    components: COMPONENTS,
    noteChars: QUICK ? 600 : 6000,
    moves: COMPONENTS * 3,
  });
  const rec = recordTimeline(sim.doc, { attemptId: 'bench', now: () => sim.clock.now });
  sim.run();
  rec.stop();
  const timeline = rec.timeline();
  const bytes = timelineSize(timeline);
  const json = JSON.stringify(timelineToJson(timeline));
  console.log(
    `mock: ${MINUTES} min, ${COMPONENTS} components added, ${timeline.entries.length} timeline entries, final board ${
      createReplay(timeline).frameAt(timeline.entries.length).board.nodes.length
    } components`,
  );
  console.log(
    `  replay data ${(bytes / 1024).toFixed(1)} KiB (${json.length} chars) · budget < 1 MB: ${verdict(bytes < SIZE_BUDGET)} (${(
      SIZE_BUDGET / bytes
    ).toFixed(1)}× headroom)`,
  );

  const rubric = largestRubric();
  const seek = (replay: ReturnType<typeof createReplay>, t: number) => {
    const t0 = performance.now();
    const frame = replay.frameAt(replay.countAt(t));
    scoreBoard(frame.board, rubric);
    return performance.now() - t0;
  };
  const rand = lcg(7);
  const moments = Array.from({ length: SEEKS }, () => timeline.startedAt + rand() * (sim.clock.now - timeline.startedAt));

  // Warm-up on a replay of its own: JIT and the rubric's caches, as in a running app.
  const warmUp = createReplay(timeline);
  for (let i = 0; i < 20; i++) seek(warmUp, moments[i % moments.length]!);

  // What the replay view does when it opens, in idle slices: walk every entry once (building the
  // in-memory checkpoints) and score each moment for the chart.
  const replay = createReplay(timeline);
  const walker = replay.cursor();
  const p0 = performance.now();
  for (let i = 0; i <= replay.length; i++) scoreBoard(walker.frameAt(i).board, rubric);
  const prepare = performance.now() - p0;
  const cold = seek(createReplay(timeline), sim.clock.now); // the far end, before any checkpoint exists
  const warm = moments.map((t) => seek(replay, t)).sort((a, b) => a - b);
  console.log(`  opening: score every moment for the chart, in the background ${prepare.toFixed(0)} ms`);
  console.log(`  seek (rebuild + read board + score "${rubric.id}"), ${SEEKS} random moments back and forth:`);
  console.log(
    `    p50 ${pct(warm, 0.5).toFixed(1)} ms · p95 ${pct(warm, 0.95).toFixed(1)} ms · max ${warm.at(-1)!.toFixed(1)} ms`,
  );
  console.log(`    (a seek to the end before the background pass built any checkpoint: ${cold.toFixed(1)} ms)`);
  const worst = warm.at(-1)!;
  console.log(
    `  budget every seek < ${SEEK_BUDGET_MS} ms: ${verdict(worst < SEEK_BUDGET_MS)} (worst ${worst.toFixed(1)} ms, ${(
      SEEK_BUDGET_MS / worst
    ).toFixed(1)}× headroom)`,
  );
};

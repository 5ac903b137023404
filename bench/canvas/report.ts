/** Figures of the canvas bench: per-run rows, then ours/bare against the targets of issue 2. */

import type { Mode } from './grid';
import type { DragFigures } from './probes';

export interface Sample {
  readonly n: number;
  readonly mode: Mode;
  readonly run: number;
  readonly drawnMs: number;
  readonly drag: DragFigures;
  /** Per remote call, ms until the node's transform changed; NaN when it never did. */
  readonly remoteMs: readonly number[];
}

interface Figures {
  readonly drawn: number;
  readonly updatesPerS: number;
  readonly stepAvg: number;
  readonly stepP95: number;
  readonly remoteP50: number;
  readonly remoteP95: number;
  readonly missed: number;
}

/** Nearest-rank percentile of the finite values. */
export const percentile = (values: readonly number[], p: number): number => {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  return xs.length === 0 ? Number.NaN : xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

const figuresOf = (s: Sample): Figures => ({
  drawn: s.drawnMs,
  updatesPerS: s.drag.updates / (s.drag.durationMs / 1000),
  stepAvg: mean(s.drag.stepMs),
  stepP95: percentile(s.drag.stepMs, 95),
  remoteP50: percentile(s.remoteMs, 50),
  remoteP95: percentile(s.remoteMs, 95),
  missed: s.remoteMs.filter((x) => !Number.isFinite(x)).length,
});

const COLUMNS = ['page', 'run', 'drawn ms', 'updates/s', 'ms/step avg', 'ms/step p95', 'remote p50', 'remote p95'];
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const row = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 6 : 4) : c.padStart(12))).join(' ');
const cellsOf = (f: Figures) => [f1(f.drawn), f1(f.updatesPerS), f1(f.stepAvg), f1(f.stepP95), f1(f.remoteP50), f1(f.remoteP95)];

/** One target: ours/bare of a figure, and the bound it must meet. */
const TARGETS = [
  { label: 'updates/s', pick: (f: Figures) => f.updatesPerS, bound: 0.9, atLeast: true },
  { label: 'ms per step', pick: (f: Figures) => f.stepAvg, bound: 1.2, atLeast: false },
  { label: 'change→DOM p95', pick: (f: Figures) => f.remoteP95, bound: 1.2, atLeast: false },
] as const;

export function printReport(samples: readonly Sample[], load: readonly string[]): void {
  for (const n of [...new Set(samples.map((s) => s.n))]) {
    console.log(`\nN = ${n}`);
    console.log(row(COLUMNS));
    const avg: Partial<Record<Mode, Figures>> = {};
    for (const mode of ['bare', 'ours'] as const) {
      const runs = samples.filter((s) => s.n === n && s.mode === mode).sort((a, b) => a.run - b.run);
      const figs = runs.map(figuresOf);
      runs.forEach((s, i) => {
        const f = figs[i]!;
        console.log(row([mode, String(s.run), ...cellsOf(f)]) + (f.missed > 0 ? `  (${f.missed} remote moves never drawn)` : ''));
      });
      const m = (k: keyof Figures) => mean(figs.map((f) => f[k]));
      avg[mode] = {
        drawn: m('drawn'),
        updatesPerS: m('updatesPerS'),
        stepAvg: m('stepAvg'),
        stepP95: m('stepP95'),
        remoteP50: m('remoteP50'),
        remoteP95: m('remoteP95'),
        missed: m('missed'),
      };
      console.log(row([mode, 'mean', ...cellsOf(avg[mode])]));
    }
    const { bare, ours } = avg;
    if (!bare || !ours) continue;
    const ratios = TARGETS.map((t) => {
      const ratio = t.pick(ours) / t.pick(bare);
      const met = t.atLeast ? ratio >= t.bound : ratio <= t.bound;
      return `${t.label} ${ratio.toFixed(2)}× (target ${t.atLeast ? '≥' : '≤'} ${t.bound}×) ${met ? 'met' : 'MISSED'}`;
    });
    console.log(`ours/bare: ${ratios.join(' · ')} · drawn ${(ours.drawn / bare.drawn).toFixed(2)}×`);
  }
  console.log(
    '\nReference (bare React Flow 12, Chromium 156): N=300 56 updates/s, 10.8 ms/step, setNodes→DOM p95 3.6 ms; N=625 50 updates/s, 16 ms/step.',
  );
  console.log(`Machine load (1/5/15 min): ${load.join(' · ')}`);
}

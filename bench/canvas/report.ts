/** Figures of the canvas bench: per-run rows, then ours/bare with met/missed against the targets of issue 2. */

import type { DragFigures } from './probes';

/** `ours` is full detail at every zoom; `ours+lod` simplifies components below zoom 0.4 as the app does. */
export type PageKind = 'bare' | 'ours' | 'ours+lod';
/** A zoom to centre the dragged node at, or the whole grid fitted. */
export type View = number | 'fit';

export interface Sample {
  readonly n: number;
  readonly page: PageKind;
  readonly view: View;
  readonly run: number;
  /** The zoom the page was measured at (read back from React Flow). */
  readonly zoom: number;
  /** Whether our level of detail had simplified the components. */
  readonly simplified: boolean;
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

const meanFigures = (figs: readonly Figures[]): Figures => {
  const m = (k: keyof Figures) => mean(figs.map((f) => f[k]));
  return {
    drawn: m('drawn'),
    updatesPerS: m('updatesPerS'),
    stepAvg: m('stepAvg'),
    stepP95: m('stepP95'),
    remoteP50: m('remoteP50'),
    remoteP95: m('remoteP95'),
    missed: m('missed'),
  };
};

const COLUMNS = ['page', 'run', 'zoom', 'drawn ms', 'updates/s', 'ms/step avg', 'ms/step p95', 'remote p50', 'remote p95'];
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const row = (cells: readonly string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 9 : 4) : c.padStart(i === 2 ? 5 : 12))).join(' ');
const cellsOf = (f: Figures) => [f1(f.drawn), f1(f.updatesPerS), f1(f.stepAvg), f1(f.stepP95), f1(f.remoteP50), f1(f.remoteP95)];

/** One target: ours/bare of a figure, and the bound it must meet. */
const TARGETS = [
  { label: 'updates/s', pick: (f: Figures) => f.updatesPerS, bound: 0.9, atLeast: true },
  { label: 'ms per step', pick: (f: Figures) => f.stepAvg, bound: 1.2, atLeast: false },
  { label: 'change→DOM p95', pick: (f: Figures) => f.remoteP95, bound: 1.2, atLeast: false },
] as const;

const viewText = (v: View) => (v === 'fit' ? 'fit to view' : `zoom ${v.toFixed(1)}`);

/** The comparisons printed per N: the targets hold at full detail; the level of detail is shown where it applies. */
const COMPARISONS: readonly { title: string; page: PageKind; view: View }[] = [
  { title: 'full detail', page: 'ours', view: 1 },
  { title: 'full detail', page: 'ours', view: 'fit' },
  { title: 'level of detail', page: 'ours+lod', view: 'fit' },
];

/** Per-run rows and the mean of one page in one view; undefined when it was not measured. */
function table(samples: readonly Sample[], page: PageKind): Figures | undefined {
  const runs = [...samples].filter((s) => s.page === page).sort((a, b) => a.run - b.run);
  if (runs.length === 0) return undefined;
  const figs = runs.map(figuresOf);
  runs.forEach((s, i) => {
    const f = figs[i]!;
    const note = f.missed > 0 ? `  (${f.missed} remote moves never drawn)` : '';
    console.log(row([page, String(s.run), s.zoom.toFixed(2), ...cellsOf(f)]) + note);
  });
  const avg = meanFigures(figs);
  console.log(row([page, 'mean', '', ...cellsOf(avg)]));
  return avg;
}

export function printReport(samples: readonly Sample[], load: readonly string[]): void {
  const verdicts: string[] = [];
  for (const n of [...new Set(samples.map((s) => s.n))]) {
    for (const c of COMPARISONS) {
      const here = samples.filter((s) => s.n === n && s.view === c.view && (s.page === 'bare' || s.page === c.page));
      const mine = here.filter((s) => s.page === c.page);
      if (mine.length === 0) continue;
      const heading = `N = ${n}, ${c.title}, ${viewText(c.view)}`;
      if (c.page === 'ours+lod' && !mine.every((s) => s.simplified)) {
        console.log(`\n${heading}: the level of detail does not apply at zoom ${mine[0]!.zoom.toFixed(2)}`);
        continue;
      }
      console.log(`\n${heading}`);
      console.log(row(COLUMNS));
      const bare = table(here, 'bare');
      const ours = table(here, c.page);
      if (!bare || !ours) continue;
      const ratios = TARGETS.map((t) => {
        const ratio = t.pick(ours) / t.pick(bare);
        const met = t.atLeast ? ratio >= t.bound : ratio <= t.bound;
        return `${t.label} ${ratio.toFixed(2)}× (target ${t.atLeast ? '≥' : '≤'} ${t.bound}×) ${met ? 'met' : 'MISSED'}`;
      });
      const line = `${c.page}/bare: ${ratios.join(' · ')} · drawn ${(ours.drawn / bare.drawn).toFixed(2)}×`;
      console.log(line);
      verdicts.push(`${heading}: ${line}`);
    }
  }
  console.log('\nSummary (targets: ≥ 0.9× updates/s, ≤ 1.2× ms per step and change→DOM p95, at full detail):');
  for (const v of verdicts) console.log(`  ${v}`);
  console.log(`Machine load (1/5/15 min): ${load.join(' · ')}`);
}

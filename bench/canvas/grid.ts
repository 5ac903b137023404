import { z } from 'zod';

/**
 * The benchmark board: N nodes in a grid, each linked to the next, as in React
 * Flow's stress example (examples/react/src/examples/Stress/utils.ts). Both
 * pages and the runner build it from here so they agree on ids and positions.
 */

export interface GridCell {
  readonly id: string;
  readonly position: { readonly x: number; readonly y: number };
}

export interface GridLink {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/**
 * One grid pitch for both pages: our 176 × 56 components need 240 × 96 (the
 * stress example uses 100 × 50 for its 50 × 30 nodes). With the same pitch a
 * fitted grid sits at the same zoom on both pages, so they draw the same
 * number of nodes at the same scale.
 */
export const PITCH = { x: 240, y: 96 } as const;
export type Mode = 'bare' | 'ours';

/** Our component's box (renderer/src/styles/app.css `.component`), the larger of the two pages' nodes. */
export const NODE_BOX = { width: 176, height: 56 } as const;

/**
 * The view that shows the whole grid with 10 % padding, for both pages alike
 * (React Flow's own fitView would zoom the bare page's smaller nodes closer).
 */
export function fittedView(
  n: number,
  screen: { width: number; height: number },
): { zoom: number; centre: { x: number; y: number } } {
  const cols = columnsFor(n);
  const rows = Math.ceil(n / cols);
  const width = (cols - 1) * PITCH.x + NODE_BOX.width;
  const height = (rows - 1) * PITCH.y + NODE_BOX.height;
  const zoom = Math.min(screen.width / (width * 1.2), screen.height / (height * 1.2));
  return { zoom, centre: { x: width / 2, y: height / 2 } };
}

/** Square-ish: 300 → 18 columns, 625 → 25 × 25. */
export const columnsFor = (n: number): number => Math.ceil(Math.sqrt(n));

export function gridCells(n: number): GridCell[] {
  const cols = columnsFor(n);
  return Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    position: { x: (i % cols) * PITCH.x, y: Math.floor(i / cols) * PITCH.y },
  }));
}

/** A chain through the grid in reading order: n − 1 edges. */
export function gridLinks(n: number): GridLink[] {
  return Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i + 1}`, source: String(i + 1), target: String(i + 2) }));
}

const Query = z.object({
  mode: z.enum(['bare', 'ours']),
  n: z.coerce.number().int().min(2).max(5000).default(300),
  /** Our level of detail (icons and kind lines dropped when zoomed out); bare React Flow has none. */
  lod: z.enum(['on', 'off']).default('on'),
});

/** Reads `?mode=bare|ours&n=300&lod=on|off`; a wrong query is a clear one-line error. */
export function parseQuery(search: string): { mode: Mode; n: number; lod: boolean } {
  const q = new URLSearchParams(search);
  const parsed = Query.safeParse({
    mode: q.get('mode') ?? undefined,
    n: q.get('n') ?? undefined,
    lod: q.get('lod') ?? undefined,
  });
  if (!parsed.success) throw new Error(`bench page: expected ?mode=bare|ours&n=2..5000&lod=on|off, got "${search}"`);
  return { mode: parsed.data.mode, n: parsed.data.n, lod: parsed.data.lod === 'on' };
}

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

/** Grid pitch per page: the stress example's 100 × 50 for its 50 × 30 nodes; our 176 × 56 components need more room. */
export const PITCH = { bare: { x: 100, y: 50 }, ours: { x: 240, y: 96 } } as const;
export type Mode = keyof typeof PITCH;

/** Square-ish: 300 → 18 columns, 625 → 25 × 25. */
export const columnsFor = (n: number): number => Math.ceil(Math.sqrt(n));

export function gridCells(n: number, mode: Mode): GridCell[] {
  const cols = columnsFor(n);
  const pitch = PITCH[mode];
  return Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    position: { x: (i % cols) * pitch.x, y: Math.floor(i / cols) * pitch.y },
  }));
}

/** A chain through the grid in reading order: n − 1 edges. */
export function gridLinks(n: number): GridLink[] {
  return Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i + 1}`, source: String(i + 1), target: String(i + 2) }));
}

const Query = z.object({
  mode: z.enum(['bare', 'ours']),
  n: z.coerce.number().int().min(2).max(5000).default(300),
});

/** Reads `?mode=bare|ours&n=300`; a wrong query is a clear one-line error. */
export function parseQuery(search: string): { mode: Mode; n: number } {
  const q = new URLSearchParams(search);
  const parsed = Query.safeParse({ mode: q.get('mode') ?? undefined, n: q.get('n') ?? undefined });
  if (!parsed.success) throw new Error(`bench page: expected ?mode=bare|ours&n=2..5000, got "${search}"`);
  return parsed.data;
}

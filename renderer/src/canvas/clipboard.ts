import { newId } from '@shared/board/doc';
import type { BoardEdge, BoardNode } from '@shared/board/types';

/** What Copy takes: the selected nodes and the edges among them. */
export interface Fragment {
  readonly nodes: readonly BoardNode[];
  readonly edges: readonly BoardEdge[];
}

export const fragmentOf = (nodes: readonly BoardNode[], edges: readonly BoardEdge[], nodeIds: ReadonlySet<string>): Fragment => ({
  nodes: nodes.filter((n) => nodeIds.has(n.id)),
  edges: edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
});

/** Copies a fragment with fresh ids, shifted by `offset`, edges rewired to the copies. */
export const cloneFragment = (fragment: Fragment, offset: { x: number; y: number }): Fragment => {
  const ids = new Map(fragment.nodes.map((n) => [n.id, newId(n.kind === 'text' || n.kind === 'group' ? n.kind : 'n')]));
  return {
    nodes: fragment.nodes.map((n) => ({
      ...n,
      id: ids.get(n.id) as string,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    })),
    edges: fragment.edges.map((e) => ({
      ...e,
      id: newId('e'),
      source: ids.get(e.source) as string,
      target: ids.get(e.target) as string,
    })),
  };
};

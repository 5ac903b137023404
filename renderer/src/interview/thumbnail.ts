import type { Board } from '@shared/board/types';
import { kindInfo } from '@shared/catalogue/catalogue';
import { nodeBox } from '@shared/export/nodeLayout';

/** A board reduced to boxes and lines for a small picture: no React Flow, no icons, no text. */
export interface Thumbnail {
  readonly viewBox: string;
  readonly boxes: readonly {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    /** `group` and `text` draw differently; components are coloured by category. */
    readonly look: 'group' | 'text' | 'network' | 'compute' | 'storage' | 'messaging' | 'other';
  }[];
  readonly lines: readonly {
    readonly id: string;
    readonly x1: number;
    readonly y1: number;
    readonly x2: number;
    readonly y2: number;
  }[];
}

const PAD = 24;

/** Boxes at the nodes' positions, lines between their centres, framed by the bounds plus padding. */
export const thumbnailOf = (board: Board): Thumbnail => {
  // The boxes the canvas and the export draw (a long name wraps and grows its component; a note has its own size).
  const boxes = board.nodes.map((n) => {
    const look: Thumbnail['boxes'][number]['look'] = n.kind === 'group' || n.kind === 'text' ? n.kind : kindInfo(n.kind).category;
    return { id: n.id, ...nodeBox(n), look };
  });
  if (boxes.length === 0) return { viewBox: '0 0 320 180', boxes, lines: [] };
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const lines = board.edges.flatMap((e) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) return [];
    return [{ id: e.id, x1: s.x + s.width / 2, y1: s.y + s.height / 2, x2: t.x + t.width / 2, y2: t.y + t.height / 2 }];
  });
  const minX = Math.min(...boxes.map((b) => b.x)) - PAD;
  const minY = Math.min(...boxes.map((b) => b.y)) - PAD;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + PAD;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + PAD;
  return { viewBox: `${minX} ${minY} ${maxX - minX} ${maxY - minY}`, boxes, lines };
};

import type { Board } from '@shared/board/types';
import { describe, expect, it } from 'vitest';
import { thumbnailOf } from '../../../renderer/src/interview/thumbnail';

describe('snapshot thumbnails', () => {
  it('an empty board still has a frame to draw', () => {
    expect(thumbnailOf({ nodes: [], edges: [], notes: {} })).toEqual({ viewBox: '0 0 320 180', boxes: [], lines: [] });
  });

  it('frames every node with padding and joins edges centre to centre', () => {
    const board: Board = {
      nodes: [
        { id: 'c', kind: 'client', position: { x: 0, y: 0 } },
        { id: 'db', kind: 'sql_db', position: { x: 300, y: 100 } },
        { id: 'g', kind: 'group', position: { x: -50, y: -50 }, size: { width: 100, height: 100 } },
      ],
      edges: [
        { id: 'e', source: 'c', target: 'db' },
        { id: 'dangling', source: 'c', target: 'gone' },
      ],
      notes: {},
    };
    const t = thumbnailOf(board);
    expect(t.viewBox).toBe('-74 -74 558 254');
    expect(t.boxes.map((b) => b.look)).toEqual(['network', 'storage', 'group']);
    expect(t.lines).toEqual([{ id: 'e', x1: 80, y1: 28, x2: 380, y2: 128 }]);
  });
});

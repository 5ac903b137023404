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
    // A component the canvas never resized is 176 × 56 (it was drawn 160 wide, narrower than on the canvas).
    expect(t.viewBox).toBe('-74 -74 574 254');
    expect(t.boxes.map((b) => b.look)).toEqual(['network', 'storage', 'group']);
    expect(t.lines).toEqual([{ id: 'e', x1: 88, y1: 28, x2: 388, y2: 128 }]);
  });

  it('draws each node the size the canvas gives it: a note its own default, a long name a taller box', () => {
    const t = thumbnailOf({
      nodes: [
        { id: 'short', kind: 'service', label: 'API', position: { x: 0, y: 0 } },
        {
          id: 'long',
          kind: 'service',
          label: 'Fan-out workers that write each post into every follower timeline',
          position: { x: 0, y: 200 },
        },
        { id: 'note', kind: 'text', label: 'why', position: { x: 400, y: 0 } },
      ],
      edges: [],
      notes: {},
    });
    const [short, long, note] = t.boxes;
    expect(long!.height).toBeGreaterThan(short!.height);
    expect(note).toMatchObject({ width: 200, height: 80 });
  });
});

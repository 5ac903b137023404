import type { Board } from '@shared/board/types';
import { useMemo } from 'react';
import { thumbnailOf } from './thumbnail';

/** A board as plain SVG boxes and lines: cheap enough to show five of them on the scorecard. */
export function BoardThumbnail({ board, label }: { board: Board; label: string }) {
  const t = useMemo(() => thumbnailOf(board), [board]);
  return (
    <svg className="board-thumb" viewBox={t.viewBox} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      {/* The first steps are often notes only: say so, rather than show a blank box that looks broken. */}
      {t.boxes.length === 0 && (
        <text className="thumb-empty" x="50%" y="50%" textAnchor="middle" dominantBaseline="middle">
          No components yet
        </text>
      )}
      {t.boxes
        .filter((b) => b.look === 'group')
        .map((b) => (
          <rect key={b.id} className="thumb-group" x={b.x} y={b.y} width={b.width} height={b.height} rx={8} />
        ))}
      {t.lines.map((l) => (
        <line key={l.id} className="thumb-edge" x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
      ))}
      {t.boxes
        .filter((b) => b.look !== 'group')
        .map((b) => (
          <rect key={b.id} className={`thumb-node thumb-${b.look}`} x={b.x} y={b.y} width={b.width} height={b.height} rx={8} />
        ))}
    </svg>
  );
}

import type { Board } from '@shared/board/types';
import { kindInfo } from '@shared/catalogue/catalogue';
import type { TimelineParticipant } from '@shared/interview/timeline';
import { useMemo } from 'react';
import { thumbnailOf } from '../thumbnail';

export interface ReplayBoardProps {
  readonly board: Board;
  /** The frame used for every moment (the final board's bounds), so nothing jumps while scrubbing. */
  readonly viewBox: string;
  /** Node and edge id → who created it; coloured only when more than one person took part. */
  readonly authors: Readonly<Record<string, number>>;
  readonly participants: Readonly<Record<string, TimelineParticipant>>;
}

/**
 * The board at one moment of a replay, drawn as SVG: boxes with their
 * labels and kind, lines between them. Read-only by construction (it has no
 * handlers and no doc), and cheap enough to redraw on every scrubber move.
 * In a pair session each component's outline is its author's colour.
 */
export function ReplayBoard({ board, viewBox, authors, participants }: ReplayBoardProps) {
  const t = useMemo(() => thumbnailOf(board), [board]);
  const labels = useMemo(() => new Map(board.nodes.map((n) => [n.id, n])), [board]);
  const pair = Object.keys(participants).length > 1;
  const colourOf = (id: string) => (pair ? participants[String(authors[id])]?.colour : undefined);
  const nameOf = (id: string) => participants[String(authors[id])]?.name;

  return (
    <svg className="replay-board" viewBox={viewBox} role="img" aria-label="The board at this moment" data-testid="replay-board">
      {t.boxes
        .filter((b) => b.look === 'group')
        .map((b) => (
          <rect key={b.id} className="thumb-group" x={b.x} y={b.y} width={b.width} height={b.height} rx={8} />
        ))}
      {t.lines.map((l) => (
        <line
          key={l.id}
          className="replay-edge"
          x1={l.x1}
          y1={l.y1}
          x2={l.x2}
          y2={l.y2}
          data-testid="replay-edge"
          style={colourOf(l.id) ? { stroke: colourOf(l.id) } : undefined}
        />
      ))}
      {t.boxes
        .filter((b) => b.look !== 'group')
        .map((b) => {
          const node = labels.get(b.id);
          const colour = colourOf(b.id);
          const kind = node?.kind ?? 'text';
          const label = node?.label ?? (kind === 'text' || kind === 'group' ? '' : kindInfo(kind).label);
          return (
            <g
              key={b.id}
              data-testid="replay-node"
              data-kind={kind}
              data-author={nameOf(b.id)}
              data-author-colour={colour}
              className={`replay-node thumb-${b.look}`}
            >
              <title>{`${label}${nameOf(b.id) ? ` · added by ${nameOf(b.id)}` : ''}`}</title>
              <rect
                className={`thumb-node thumb-${b.look}`}
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                rx={8}
                style={colour ? { stroke: colour, strokeWidth: 4 } : undefined}
              />
              <text x={b.x + b.width / 2} y={b.y + b.height / 2} textAnchor="middle" dominantBaseline="middle">
                {label.length > 22 ? `${label.slice(0, 21)}…` : label}
              </text>
            </g>
          );
        })}
    </svg>
  );
}

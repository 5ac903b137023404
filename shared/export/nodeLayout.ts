import type { BoardNode } from '../board/types';
import { displayName, kindInfo } from '../catalogue/catalogue';
import { measureText, type Wrapped, wrapText } from './textMeasure';

/**
 * A component's box as drawn on the canvas and in every export (px, flow
 * units). The canvas renders exactly these lines at exactly this size
 * (ComponentNode.tsx), so the two agree by construction.
 */
export const COMPONENT_BOX = {
  minWidth: 176,
  /** Wide enough for most names on one line, narrow enough to keep a 220 px grid apart. */
  maxWidth: 208,
  minHeight: 56,
  padX: 10,
  padY: 8,
  border: 1.5,
  /** The coloured band on the left (the category). */
  band: 5,
  icon: 20,
  gap: 8,
  name: { size: 13, bold: true, line: 16, maxLines: 2 },
  kind: { size: 11, bold: false, line: 14, maxLines: 2 },
  badge: { size: 11, bold: true, height: 18, padX: 6 },
  radius: 8,
} as const;

/** Slack for the few pixels a renderer's glyph rounding may add to a measured line. */
const SLACK = 2;

export interface ComponentLayout {
  readonly width: number;
  readonly height: number;
  /** The name as typed (or the kind's name), and its drawn lines. */
  readonly name: string;
  readonly nameLines: Wrapped;
  /** "Kind · tech" under a name that is not just the kind, or ''. */
  readonly kindText: string;
  readonly kindLines: Wrapped;
  /** "×3" for more than one replica, with its chip width. */
  readonly badge: { readonly text: string; readonly width: number } | null;
  /** Width available to the text column. */
  readonly textWidth: number;
  /** Top of the first text line, from the box's top. */
  readonly textTop: number;
  /** Shown on hover: the whole name and kind line when either was cut, else ''. */
  readonly tooltip: string;
}

/** The kind line: the kind's name when the label says something else, and the technology. */
export const kindLineOf = (node: BoardNode): string => {
  const info = kindInfo(node.kind);
  // A label that only repeats the kind ("Client") needs no kind line under it.
  const named = Boolean(node.label) && node.label?.toLowerCase() !== info.label.toLowerCase();
  const tech = node.props?.tech;
  return [named ? info.label : '', typeof tech === 'string' ? tech : ''].filter(Boolean).join(' · ');
};

/** Everything left of the text column and right of it, in the box's width. */
const CHROME = COMPONENT_BOX.border + COMPONENT_BOX.band + 2 * COMPONENT_BOX.padX + COMPONENT_BOX.icon + COMPONENT_BOX.gap;

/**
 * Size and lines of a component: it grows to fit its name on one line up to
 * `maxWidth`, then the name wraps to two lines (and the kind line too); only
 * past two lines is text cut, and then the tooltip holds all of it.
 */
export const componentLayout = (node: BoardNode): ComponentLayout => {
  const B = COMPONENT_BOX;
  const name = displayName(node);
  const kindText = kindLineOf(node);
  const replicas = node.props?.replicas;
  const badgeText = typeof replicas === 'number' && replicas > 1 ? `×${replicas}` : null;
  const badge = badgeText ? { text: badgeText, width: Math.ceil(measureText(badgeText, B.badge) + 2 * B.badge.padX) } : null;
  const reserved = CHROME + (badge ? badge.width + B.gap : 0);
  const natural = Math.max(measureText(name, B.name), kindText ? measureText(kindText, B.kind) : 0) + SLACK;
  const width = Math.min(B.maxWidth, Math.max(B.minWidth, Math.ceil(reserved + natural)));
  const textWidth = width - reserved;
  const nameLines = wrapText(name, textWidth - SLACK, B.name, B.name.maxLines);
  const kindLines = kindText ? wrapText(kindText, textWidth - SLACK, B.kind, B.kind.maxLines) : { lines: [], truncated: false };
  const textHeight = nameLines.lines.length * B.name.line + kindLines.lines.length * B.kind.line;
  const inner = Math.max(B.icon, textHeight);
  const height = Math.max(B.minHeight, Math.ceil(inner + 2 * (B.padY + B.border)));
  const truncated = nameLines.truncated || kindLines.truncated;
  return {
    width,
    height,
    name,
    nameLines,
    kindText,
    kindLines,
    badge,
    textWidth,
    textTop: (height - textHeight) / 2,
    tooltip: truncated ? [name, kindText].filter(Boolean).join('\n') : '',
  };
};

/** Text notes and group frames when a file gives no size. */
export const DEFAULT_SIZE = { text: { width: 200, height: 80 }, group: { width: 360, height: 240 } } as const;

/** A text note's padding and lines (13 px, 18 px apart), as the canvas draws them. */
export const TEXT_NOTE = { padX: 8, padY: 6, size: 13, line: 18 } as const;

/** A group frame's title: above its top edge, on the left. */
export const GROUP_TITLE = { size: 13, bold: true, line: 16, offsetY: -22, offsetX: 4 } as const;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box a node occupies, from the board alone (no DOM): what edges float between and exports frame. */
export const nodeBox = (node: BoardNode): Box => {
  if (node.kind === 'text' || node.kind === 'group') {
    const size = node.size ?? DEFAULT_SIZE[node.kind];
    return { x: node.position.x, y: node.position.y, width: size.width, height: size.height };
  }
  const { width, height } = componentLayout(node);
  return { x: node.position.x, y: node.position.y, width, height };
};

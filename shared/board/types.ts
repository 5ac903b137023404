import type { NodeKind, Protocol } from './kinds';

/** Values a component's props may hold (the board format allows no nesting). */
export type PropValue = string | number | boolean;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A component, text note or group frame, as the board file and the rules engine see it. */
export interface BoardNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label?: string;
  /** Top-left corner in flow coordinates. */
  readonly position: Point;
  readonly props?: Readonly<Record<string, PropValue>>;
  /** Set for text notes and group frames, which the user resizes. */
  readonly size?: Size;
  /** Fields this version does not know, kept so a round-trip loses nothing. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A directed connection: `source` sends to / calls `target`. */
export interface BoardEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
  readonly protocol?: Protocol;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A whole board: the document part of a session (no selection, viewport or presence). */
export interface Board {
  /** Rubric id of the question being practised, e.g. `url-shortener`. */
  readonly question?: string;
  readonly nodes: readonly BoardNode[];
  readonly edges: readonly BoardEdge[];
  /** Notes per interview step id; unknown keys are kept. */
  readonly notes: Readonly<Record<string, string>>;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export const emptyBoard = (question?: string): Board =>
  question === undefined ? { nodes: [], edges: [], notes: {} } : { question, nodes: [], edges: [], notes: {} };

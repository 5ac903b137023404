import { PROTOCOLS, type Protocol } from '../board/kinds';
import type { BoardEdge } from '../board/types';

/** Arrowhead shapes; each protocol has its own so edges read without their labels. */
export type MarkerShape = 'arrow' | 'chevron' | 'hollow' | 'dot';

/** How one protocol is drawn, on the canvas and in every export. */
export interface ProtocolStyle {
  /** Legend and label text. */
  readonly label: string;
  readonly width: number;
  readonly dash?: string;
  readonly end: MarkerShape;
  /** A mark at the source end too: a dot for gRPC calls, an arrow for two-way WebSockets. */
  readonly start?: MarkerShape;
  /** What the legend says the style means. */
  readonly meaning: string;
}

/**
 * Line style and marker per protocol: solid request/response, dashed
 * asynchronous hops, dotted replication, two-headed WebSockets.
 */
export const PROTOCOL_STYLE: Readonly<Record<Protocol | 'none', ProtocolStyle>> = {
  none: { label: '', width: 1.6, end: 'arrow', meaning: 'connection' },
  http: { label: 'HTTP', width: 1.8, end: 'arrow', meaning: 'request / response' },
  grpc: { label: 'gRPC', width: 2.4, end: 'arrow', start: 'dot', meaning: 'RPC call' },
  websocket: { label: 'WebSocket', width: 2, dash: '10 4 2 4', end: 'arrow', start: 'arrow', meaning: 'two-way stream' },
  tcp: { label: 'TCP', width: 1.4, end: 'chevron', meaning: 'raw connection' },
  async: { label: 'async', width: 1.8, dash: '7 5', end: 'chevron', meaning: 'queue or stream hop' },
  replication: { label: 'replication', width: 2, dash: '2 4', end: 'hollow', meaning: 'copies data' },
  other: { label: 'other', width: 1.4, dash: '3 3', end: 'arrow', meaning: 'other' },
};

export const protocolOf = (edge: BoardEdge): Protocol | 'none' => edge.protocol ?? 'none';

/**
 * The text shown on an edge: its label, then the protocol unless the label
 * already names it ("HTTPS" says HTTP).
 */
export const edgeLabelText = (edge: BoardEdge): string => {
  const protocol = protocolOf(edge);
  const style = PROTOCOL_STYLE[protocol];
  const label = edge.label ?? '';
  const showProtocol = protocol !== 'none' && protocol !== 'other' && !label.toLowerCase().includes(style.label.toLowerCase());
  return [label, showProtocol ? style.label : ''].filter(Boolean).join(' · ');
};

/** The protocols a board's edges use, in the format's order: the legend's rows. */
export const protocolsUsed = (edges: readonly BoardEdge[]): Protocol[] => {
  const used = new Set(edges.map(protocolOf));
  return PROTOCOLS.filter((p) => used.has(p));
};

/** Marker geometry in a 12 × 12 box whose origin is the line's end (tip at 0,0, pointing +x). */
export const MARKER_SHAPES: Readonly<Record<MarkerShape, { readonly d: string; readonly fill: boolean }>> = {
  arrow: { d: 'M0,0 L-10,-4.5 L-10,4.5 Z', fill: true },
  chevron: { d: 'M-9,-5 L0,0 L-9,5', fill: false },
  hollow: { d: 'M0,0 L-10,-5 L-10,5 Z', fill: false },
  dot: { d: 'M-7,0 a3.5,3.5 0 1,0 7,0 a3.5,3.5 0 1,0 -7,0', fill: true },
};

/** Marker element id for a shape (and a page-unique prefix, e.g. per theme). */
export const markerId = (prefix: string, shape: MarkerShape): string => `${prefix}-${shape}`;

/** The marker box: fixed size in user space (the same at any stroke width), turned to follow the line, reversed at the start. */
export const MARKER_BOX = {
  viewBox: '-12 -6 13 12',
  width: 13,
  height: 12,
  units: 'userSpaceOnUse',
  orient: 'auto-start-reverse',
  /** Stroke width of the outline shapes (chevron, hollow). */
  outline: 1.6,
} as const;

/** A `<marker>` element as markup, in `colour`; a hollow head is filled with `background`. */
export const markerMarkup = (id: string, shape: MarkerShape, colour: string, background: string): string => {
  const { d, fill } = MARKER_SHAPES[shape];
  const B = MARKER_BOX;
  const paint = fill
    ? `fill="${colour}" stroke="${colour}" stroke-width="1"`
    : `fill="${shape === 'hollow' ? background : 'none'}" stroke="${colour}" stroke-width="${B.outline}"`;
  return `<marker id="${id}" viewBox="${B.viewBox}" refX="0" refY="0" markerWidth="${B.width}" markerHeight="${B.height}" markerUnits="${B.units}" orient="${B.orient}"><path d="${d}" ${paint} stroke-linejoin="round" stroke-linecap="round"/></marker>`;
};

import type { Board, BoardEdge, BoardNode } from '../board/types';
import { kindInfo } from '../catalogue/catalogue';
import { EDGE_LABEL, floatingEndpoints, type LabelPlacement, placeEdgeLabel } from './edgeLayout';
import { ICON_ELEMENTS } from './icons.generated';
import { type Box, COMPONENT_BOX, type ComponentLayout, componentLayout, GROUP_TITLE, nodeBox, TEXT_NOTE } from './nodeLayout';
import { edgeLabelText, type MarkerShape, markerId, markerMarkup, PROTOCOL_STYLE, protocolOf, protocolsUsed } from './protocols';
import { attrs, num, xmlEscape } from './svgMarkup';
import { baselineOf, DIAGRAM_FONT, ellipsize, measureText, wrapText } from './textMeasure';
import { THEMES, type ThemeName, type ThemeTokens } from './theme';

/** How a picture of the board is drawn. */
export interface SvgOptions {
  readonly theme: ThemeName;
  /** `theme`: the theme's canvas colour. */
  readonly background: 'theme' | 'white' | 'transparent';
  /** Space around the drawing (px). */
  readonly padding: number;
  /** Drawn in a band above the board; null or '' for none. */
  readonly title?: string | null;
  /** A key to the line styles of the protocols the board uses (none when it uses none). */
  readonly legend?: boolean;
  /** Prefix of element ids, for pages that inline several pictures. */
  readonly idPrefix?: string;
}

/** The drawing and its size in CSS pixels (flow units). */
export interface RenderedSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Height of the title band above the board. */
export const TITLE_BAND = 48;
const TITLE = { size: 22, line: 40 } as const;
/** Height of the legend band below the board. */
export const LEGEND_BAND = 30;
const LEGEND = { size: 11, sample: 30, gap: 6, itemGap: 18 } as const;

/** A user-facing export failure (its message is shown as is). */
export class ExportError extends Error {}

interface DrawnEdge {
  readonly edge: BoardEdge;
  readonly ends: { sx: number; sy: number; tx: number; ty: number };
  readonly label: (LabelPlacement & { text: string }) | null;
}

const layoutEdges = (board: Board, boxes: ReadonlyMap<string, Box>): DrawnEdge[] =>
  board.edges.flatMap((edge) => {
    const a = boxes.get(edge.source);
    const b = boxes.get(edge.target);
    if (!a || !b) return [];
    const ends = floatingEndpoints(a, b);
    const text = edgeLabelText(edge);
    return [{ edge, ends, label: text ? { ...placeEdgeLabel(text, ends, [a, b]), text } : null }];
  });

const union = (boxes: readonly Box[]): Box => {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
};

const text = (t: string, x: number, y: number, a: Readonly<Record<string, string | number | undefined>>) =>
  `<text${attrs({ x, y, ...a })}>${xmlEscape(t)}</text>`;

const component = (node: BoardNode, l: ComponentLayout, t: ThemeTokens, prefix: string): string => {
  const B = COMPONENT_BOX;
  const info = kindInfo(node.kind);
  const cat = t.category[info.category];
  const { x, y } = node.position;
  const { width: w, height: h } = l;
  // The band's inner edge is straight; CSS curves it by a pixel at the corners, which no one sees.
  const cut = B.radius - Math.sqrt(B.radius ** 2 - (B.radius - B.band) ** 2);
  const parts = [
    `<rect${attrs({ x: x + B.border / 2, y: y + B.border / 2, width: w - B.border, height: h - B.border, rx: B.radius - B.border / 2, fill: t.panel, stroke: t.border, 'stroke-width': B.border })}/>`,
    `<path d="M${num(x + B.band)},${num(y + cut)}A${B.radius},${B.radius} 0 0 0 ${num(x)},${num(y + B.radius)}V${num(y + h - B.radius)}A${B.radius},${B.radius} 0 0 0 ${num(x + B.band)},${num(y + h - cut)}Z" fill="${cat}"/>`,
    `<use${attrs({ 'xlink:href': `#${prefix}-i-${ICON_ELEMENTS[info.icon] ? info.icon : 'server'}`, x: x + B.band + B.padX, y: y + (h - B.icon) / 2, width: B.icon, height: B.icon, color: cat })}/>`,
  ];
  const tx = x + B.band + B.padX + B.icon + B.gap;
  let top = y + l.textTop;
  for (const line of l.nameLines.lines) {
    parts.push(
      text(line, tx, baselineOf(top, B.name.line, B.name.size), { 'font-size': B.name.size, 'font-weight': 600, fill: t.fg }),
    );
    top += B.name.line;
  }
  for (const line of l.kindLines.lines) {
    parts.push(
      text(line, tx, baselineOf(top, B.kind.line, B.kind.size), { 'font-size': B.kind.size, 'font-weight': 400, fill: t.muted }),
    );
    top += B.kind.line;
  }
  if (l.badge) {
    const bx = x + w - B.border - B.padX - l.badge.width;
    const by = y + (h - B.badge.height) / 2;
    parts.push(
      `<rect${attrs({ x: bx, y: by, width: l.badge.width, height: B.badge.height, rx: B.badge.height / 2, fill: cat })}/>`,
      text(l.badge.text, bx + l.badge.width / 2, baselineOf(by, B.badge.height, B.badge.size), {
        'font-size': B.badge.size,
        'font-weight': 700,
        fill: '#ffffff',
        'text-anchor': 'middle',
      }),
    );
  }
  const tooltip = l.tooltip ? `<title>${xmlEscape(l.tooltip)}</title>` : '';
  return `<g data-id="${xmlEscape(node.id)}" font-size="${B.name.size}" font-weight="600" fill="${t.fg}">${tooltip}${parts.join('')}</g>`;
};

const group = (node: BoardNode, t: ThemeTokens): string => {
  const b = nodeBox(node);
  const frame = `<rect${attrs({ x: b.x + 0.75, y: b.y + 0.75, width: b.width - 1.5, height: b.height - 1.5, rx: 9.25, fill: t.accent, 'fill-opacity': 0.04, stroke: t.muted, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' })}/>`;
  const label = node.label
    ? text(
        ellipsize(node.label, b.width - GROUP_TITLE.offsetX, GROUP_TITLE),
        b.x + GROUP_TITLE.offsetX,
        baselineOf(b.y + GROUP_TITLE.offsetY, GROUP_TITLE.line, GROUP_TITLE.size),
        { 'font-size': GROUP_TITLE.size, 'font-weight': 600, fill: t.muted },
      )
    : '';
  return `<g data-id="${xmlEscape(node.id)}">${frame}${label}</g>`;
};

const note = (node: BoardNode, t: ThemeTokens): string => {
  const b = nodeBox(node);
  const N = TEXT_NOTE;
  const fits = Math.max(0, Math.floor((b.height - 2 * N.padY) / N.line));
  const { lines } = wrapText(node.label ?? '', b.width - 2 * N.padX, N, fits);
  const drawn = lines.map((line, i) =>
    text(line, b.x + N.padX, baselineOf(b.y + N.padY + i * N.line, N.line, N.size), { 'font-size': N.size, fill: t.fg }),
  );
  return `<g data-id="${xmlEscape(node.id)}">${drawn.join('')}</g>`;
};

/** An edge's line; colour and fill come from the edges' <g>. */
const edgeLine = ({ edge, ends }: DrawnEdge, prefix: string): string => {
  const style = PROTOCOL_STYLE[protocolOf(edge)];
  return `<path${attrs({
    'data-id': edge.id,
    d: `M${num(ends.sx)},${num(ends.sy)}L${num(ends.tx)},${num(ends.ty)}`,
    'stroke-width': style.width,
    'stroke-dasharray': style.dash,
    'marker-end': `url(#${markerId(prefix, style.end)})`,
    'marker-start': style.start && `url(#${markerId(prefix, style.start)})`,
  })}/>`;
};

/** An edge's label on its panel-coloured chip; size and anchor come from the labels' <g>. */
const edgeTag = ({ label }: DrawnEdge, t: ThemeTokens): string =>
  label
    ? `<rect${attrs({ x: label.x - label.width / 2, y: label.y - label.height / 2, width: label.width, height: label.height, rx: EDGE_LABEL.radius, fill: t.panel })}/>${text(
        label.text,
        label.x,
        baselineOf(label.y - label.height / 2, label.height, EDGE_LABEL.size),
        {},
      )}`
    : '';

const iconSymbols = (names: ReadonlySet<string>, prefix: string): string =>
  [...names]
    .map((name) => {
      const els = (ICON_ELEMENTS[name] ?? []).map(([tag, a]) => `<${tag}${attrs(a)}/>`).join('');
      return `<symbol id="${prefix}-i-${name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${els}</symbol>`;
    })
    .join('');

/** The legend's rows: a sample line with its markers and the protocol's name. */
const legendMarkup = (used: ReturnType<typeof protocolsUsed>, x: number, y: number, t: ThemeTokens, prefix: string) => {
  let at = x;
  const items = used.map((p) => {
    const s = PROTOCOL_STYLE[p];
    const mid = y + LEGEND_BAND / 2;
    const sample = `<path${attrs({
      d: `M${num(at + (s.start ? 8 : 2))},${num(mid)}H${num(at + LEGEND.sample)}`,
      stroke: t.edge,
      'stroke-width': s.width,
      'stroke-dasharray': s.dash,
      'marker-end': `url(#${markerId(prefix, s.end)})`,
      'marker-start': s.start && `url(#${markerId(prefix, s.start)})`,
    })}/>`;
    const label = text(s.label, at + LEGEND.sample + LEGEND.gap, baselineOf(mid - 8, 16, LEGEND.size), {
      'font-size': LEGEND.size,
      fill: t.muted,
    });
    at += LEGEND.sample + LEGEND.gap + legendLabelWidth(s.label) + LEGEND.itemGap;
    return sample + label;
  });
  return { markup: `<g class="legend">${items.join('')}</g>`, width: at - x - LEGEND.itemGap };
};

const legendLabelWidth = (label: string) => Math.ceil(measureText(label, LEGEND));

/**
 * Draws the whole board (not a viewport) as native SVG: shapes, paths and
 * `<text>`, no `<foreignObject>`, no style sheet, fonts named not embedded.
 * Pure: the same board and options give the same string everywhere (app, CLI,
 * reports). Throws ExportError for a board with nothing to draw.
 */
export const renderBoardSvg = (board: Board, options: SvgOptions): RenderedSvg => {
  if (board.nodes.length === 0) throw new ExportError('The board is empty: add a component before exporting a picture.');
  const t = THEMES[options.theme];
  const prefix = options.idPrefix ?? 'ad';
  // Each component is laid out once, for its box (edges, frame) and for its drawing.
  const layouts = new Map<string, ComponentLayout>();
  const boxes = new Map(
    board.nodes.map((n) => {
      if (n.kind === 'text' || n.kind === 'group') return [n.id, nodeBox(n)] as const;
      const l = componentLayout(n);
      layouts.set(n.id, l);
      return [n.id, { x: n.position.x, y: n.position.y, width: l.width, height: l.height }] as const;
    }),
  );
  const edges = layoutEdges(board, boxes);
  const extents: Box[] = [...boxes.values()];
  for (const n of board.nodes)
    if (n.kind === 'group' && n.label) {
      const b = boxes.get(n.id) as Box;
      extents.push({ x: b.x, y: b.y + GROUP_TITLE.offsetY, width: 1, height: GROUP_TITLE.line });
    }
  for (const e of edges)
    if (e.label)
      extents.push({
        x: e.label.x - e.label.width / 2,
        y: e.label.y - e.label.height / 2,
        width: e.label.width,
        height: e.label.height,
      });
  const bounds = union(extents);
  const pad = Math.max(0, Math.round(options.padding));
  const title = options.title?.trim() ? options.title.trim() : null;
  const band = title ? TITLE_BAND : 0;
  const used = options.legend === false ? [] : protocolsUsed(board.edges);
  const legendBand = used.length > 0 ? LEGEND_BAND : 0;
  const x0 = Math.floor(bounds.x) - pad;
  const y0 = Math.floor(bounds.y) - pad - band;
  const bottom = Math.ceil(bounds.y + bounds.height) + pad;
  const legend = used.length > 0 ? legendMarkup(used, x0 + pad, bottom - pad / 2, t, prefix) : null;
  const width = Math.max(Math.ceil(bounds.x + bounds.width) + pad - x0, legend ? Math.ceil(legend.width) + 2 * pad : 0);
  const height = bottom - y0 + legendBand;
  const background =
    options.background === 'transparent'
      ? ''
      : `<rect${attrs({ x: x0, y: y0, width, height, fill: options.background === 'white' ? '#ffffff' : t.canvas })}/>`;

  const markers = new Set<MarkerShape>();
  for (const { edge } of edges) {
    const s = PROTOCOL_STYLE[protocolOf(edge)];
    markers.add(s.end);
    if (s.start) markers.add(s.start);
  }
  for (const p of used) {
    markers.add(PROTOCOL_STYLE[p].end);
    const start = PROTOCOL_STYLE[p].start;
    if (start) markers.add(start);
  }
  const bg = options.background === 'white' ? '#ffffff' : t.panel;
  const icons = new Set(
    board.nodes
      .filter((n) => n.kind !== 'text' && n.kind !== 'group')
      .map((n) => {
        const icon = kindInfo(n.kind).icon;
        return ICON_ELEMENTS[icon] ? icon : 'server';
      }),
  );
  const defs = `<defs>${[...markers].map((m) => markerMarkup(markerId(prefix, m), m, t.edge, bg)).join('')}${iconSymbols(icons, prefix)}</defs>`;
  const titleMarkup = title
    ? text(
        ellipsize(title, width - 2 * pad, { size: TITLE.size, bold: true }),
        x0 + pad,
        baselineOf(y0 + pad, TITLE.line, TITLE.size),
        {
          'font-size': TITLE.size,
          'font-weight': 600,
          fill: t.fg,
        },
      )
    : '';
  const groups = board.nodes.filter((n) => n.kind === 'group').map((n) => group(n, t));
  const rest = board.nodes
    .filter((n) => n.kind !== 'group')
    .map((n) => (n.kind === 'text' ? note(n, t) : component(n, layouts.get(n.id) as ComponentLayout, t, prefix)));
  const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs({
    width,
    height,
    viewBox: `${x0} ${y0} ${width} ${height}`,
    'font-family': DIAGRAM_FONT,
  })} style="font-kerning:none">`;
  const accessible = `<title>${xmlEscape(title ?? 'Architecture diagram')}</title>`;
  const svg = `${head}${accessible}${defs}${background}${titleMarkup}<g class="groups">${groups.join('')}</g><g class="edges" fill="none" stroke="${t.edge}">${edges.map((e) => edgeLine(e, prefix)).join('')}</g><g class="edge-labels" font-size="${EDGE_LABEL.size}" text-anchor="middle" fill="${t.fg}">${edges.map((e) => edgeTag(e, t)).join('')}</g><g class="nodes">${rest.join('')}</g>${legend?.markup ?? ''}</svg>\n`;
  return { svg, width, height };
};

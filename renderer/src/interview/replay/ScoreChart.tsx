import { useEffect, useRef, useSyncExternalStore } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartMarker {
  /** Same unit as the x values. */
  readonly x: number;
  readonly label: string;
}

export interface ScoreChartProps {
  /** x values, ascending (seconds into the interview, or epoch seconds for dates). */
  readonly xs: readonly number[];
  /** One or more series of y values (0–100, null for a gap), aligned with `xs`. */
  readonly series: readonly {
    readonly label: string;
    readonly values: readonly (number | null)[];
    readonly colour: string;
    /** Line width in CSS px (2 by default). */
    readonly width?: number;
  }[];
  /** Vertical lines (step boundaries) with a label at the top. */
  readonly markers?: readonly ChartMarker[];
  /** A vertical line where the replay is now. */
  readonly cursorX?: number;
  /** Clicking the chart asks to go to that x. */
  readonly onSeek?: (x: number) => void;
  /** x domain; defaults to the data's. */
  readonly range?: readonly [number, number];
  readonly time?: boolean;
  readonly height?: number;
  readonly formatX?: (x: number) => string;
  readonly label: string;
  readonly testId?: string;
  /** Draw points only (attempts over time), not a stepped line (a score moving during one interview). */
  readonly points?: boolean;
}

/** The page's theme (`data-theme` on <html>), so the chart redraws in the new colours at once. */
const useTheme = (): string =>
  useSyncExternalStore(
    (notify) => {
      const o = new MutationObserver(notify);
      o.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
      return () => o.disconnect();
    },
    () => document.documentElement.dataset.theme ?? 'light',
  );

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
/** A canvas cannot use `var(--x)`: resolve it. */
const colourOf = (c: string) => (c.startsWith('var(') ? css(c.slice(4, -1)) : c);

/**
 * A small uPlot chart of scores (see the README for why uPlot: about 50 KB,
 * canvas drawing that stays fast with thousands of points). React owns the
 * box; uPlot draws into it and is resized with it. Markers and the replay
 * cursor are drawn in uPlot's `draw` hook, so they move without rebuilding.
 */
export function ScoreChart(props: ScoreChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const { xs, series, time, height = 140, points, range } = props;
  const theme = useTheme();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt on a theme change, because the colours are read from CSS
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = css('--fg');
    const grid = css('--border');
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: series.length > 1, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: time ?? false, ...(range && { range: () => [range[0], range[1]] as [number, number] }) },
        y: { range: [0, 100] },
      },
      axes: [
        {
          stroke: text,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          // Seconds axis: whole-second ticks, so a clock label never repeats.
          ...(!time && { incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] }),
          ...(latest.current.formatX && { values: (_u, vals) => vals.map((v) => latest.current.formatX!(v)) }),
        },
        {
          stroke: text,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          values: (_u, vals) => vals.map((v) => `${v}%`),
          // Wide enough for "100%" beside its tick at the axis font (at 44 px it lost its first digit).
          size: 56,
        },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: colourOf(s.colour),
          width: s.width ?? 2,
          spanGaps: points ?? false,
          ...(points
            ? { points: { show: true, size: 8, fill: colourOf(s.colour) } }
            : { paths: uPlot.paths.stepped?.({ align: 1 }) }),
        })),
      ],
      hooks: {
        draw: [
          (u) => {
            const { markers, cursorX } = latest.current;
            const ctx = u.ctx;
            const { top, height: h } = u.bbox;
            ctx.save();
            ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
            // uPlot leaves its axis text settings on the context.
            ctx.textBaseline = 'alphabetic';
            const right = u.bbox.left + u.bbox.width;
            let lastLabelEnd = Number.NEGATIVE_INFINITY;
            let row = 0;
            for (const m of markers ?? []) {
              const x = u.valToPos(m.x, 'x', true);
              ctx.strokeStyle = grid;
              ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
              ctx.lineWidth = devicePixelRatio;
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + h);
              ctx.stroke();
              ctx.fillStyle = text;
              // Steps a few seconds apart would print over each other: drop the next label a line.
              row = x < lastLabelEnd ? row + 1 : 0;
              const width = ctx.measureText(m.label).width;
              // A label that would run past the right edge goes on the line's left instead.
              const flip = x + width + 3 * devicePixelRatio > right;
              ctx.textAlign = flip ? 'right' : 'left';
              ctx.fillText(m.label, x + (flip ? -3 : 3) * devicePixelRatio, top + (12 + row * 13) * devicePixelRatio);
              lastLabelEnd = Math.max(row === 0 ? x + width + 6 * devicePixelRatio : lastLabelEnd, x + width);
            }
            if (cursorX !== undefined) {
              const x = u.valToPos(cursorX, 'x', true);
              ctx.setLineDash([]);
              ctx.strokeStyle = css('--accent');
              ctx.lineWidth = 2 * devicePixelRatio;
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + h);
              ctx.stroke();
            }
            ctx.restore();
          },
        ],
      },
    };
    const data = [xs as number[], ...series.map((s) => s.values as (number | null)[])] as uPlot.AlignedData;
    const u = new uPlot(opts, data, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [xs, series, time, height, points, range, theme]);

  // The cursor and markers redraw without rebuilding the chart (the draw hook reads them from `latest`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are the values the redraw shows
  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [props.cursorX, props.markers]);

  // Pressing on the plotting area goes to that x (on press, as a scrubber does), whichever uPlot instance is current.
  const onPointerDown = (e: React.PointerEvent) => {
    const u = plot.current;
    if (!u || !props.onSeek) return;
    const rect = u.over.getBoundingClientRect();
    if (e.clientX < rect.left || e.clientX > rect.right || e.clientY < rect.top || e.clientY > rect.bottom) return;
    props.onSeek(u.posToVal(e.clientX - rect.left, 'x'));
  };
  return (
    <div
      ref={box}
      className={`score-chart${props.onSeek ? ' seeks' : ''}`}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      onPointerDown={onPointerDown}
    />
  );
}

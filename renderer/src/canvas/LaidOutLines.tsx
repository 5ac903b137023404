import { Fragment } from 'react';

interface LaidOutLinesProps {
  /** The text the lines were cut from, to tell a break at a space from one inside a word. */
  readonly source: string;
  readonly lines: readonly string[];
}

/**
 * Lines chosen by shared/export's layout, one block each. Where the layout
 * broke at a space, a space stays between the blocks: it draws nothing, but
 * the node's text (what screen readers, copy and search read) keeps its words
 * apart ("API gateway + limiter", not "API gateway +limiter").
 */
export function LaidOutLines({ source, lines }: LaidOutLinesProps) {
  let cursor = 0;
  return lines.map((line, i) => {
    const at = source.indexOf(line, cursor);
    if (at >= 0) cursor = at + line.length;
    const spaceAfter = i < lines.length - 1 && /\s/.test(source.charAt(cursor));
    return (
      <Fragment key={i}>
        <span className="line">{line}</span>
        {spaceAfter ? ' ' : null}
      </Fragment>
    );
  });
}

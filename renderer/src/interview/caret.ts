/**
 * Where a caret at `pos` in `prev` belongs in `next` after someone else edited
 * the text: before the changed span it stays, after it shifts by the length
 * change, inside it moves to the end of the new span. Keeps the caret steady
 * while a partner types into the same notes.
 */
export const mapCaret = (prev: string, next: string, pos: number): number => {
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (pos <= start) return Math.min(pos, next.length);
  if (pos >= endPrev) return pos + (next.length - prev.length);
  return endNext;
};

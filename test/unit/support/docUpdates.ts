import type * as Y from 'yjs';

/** Counts the doc updates a function causes: what would go on the wire and into the doc's history forever. */
export const updatesDuring = (doc: Y.Doc, fn: () => void): number => {
  let count = 0;
  const onUpdate = () => count++;
  doc.on('update', onUpdate);
  fn();
  doc.off('update', onUpdate);
  return count;
};

import type { BoardGraph } from './graph';

/**
 * A cache of values derived from one scoring call's graph, by key: several
 * rules read the same notes, so each text is parsed once per call. Entries
 * go with the graph (a WeakMap), so nothing outlives the call.
 * @example const figures = perGraph<Figure[]>(); figures(graph, text, () => findFigures(text))
 */
export const perGraph = <T>() => {
  const cache = new WeakMap<BoardGraph, Map<string, T>>();
  return (graph: BoardGraph, key: string, compute: () => T): T => {
    let map = cache.get(graph);
    if (!map) {
      map = new Map();
      cache.set(graph, map);
    }
    let value = map.get(key);
    if (value === undefined) {
      value = compute();
      map.set(key, value);
    }
    return value;
  };
};

/**
 * A bounded cache of values derived from a text alone (its figures, its
 * stated redundancy, its sentences). Pure functions of the text, so reusing
 * them across scoring calls changes no result: the score panel rescores on
 * every edit of the drawing while the notes stay the same.
 */
export const byText = <T>(limit = 256) => {
  const cache = new Map<string, T>();
  return (text: string, compute: () => T): T => {
    let value = cache.get(text);
    if (value === undefined) {
      value = compute();
      if (cache.size >= limit) cache.clear();
      cache.set(text, value);
    }
    return value;
  };
};

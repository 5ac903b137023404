import type { BoardGraph } from './graph';

/** The value under `key`, made by `make` and kept the first time it is asked for (an undefined result is made again). */
export const getOrMake = <K, V>(store: { get(k: K): V | undefined; set(k: K, v: V): unknown }, key: K, make: () => V): V => {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
};

/**
 * A cache of values derived from one scoring call's graph, by key: several
 * rules read the same notes, so each text is parsed once per call. Entries
 * go with the graph (a WeakMap), so nothing outlives the call.
 * @example const figures = perGraph<Figure[]>(); figures(graph, text, () => findFigures(text))
 */
export const perGraph = <T>() => {
  const cache = new WeakMap<BoardGraph, Map<string, T>>();
  return (graph: BoardGraph, key: string, compute: () => T): T => {
    return getOrMake(
      getOrMake(cache, graph, () => new Map<string, T>()),
      key,
      compute,
    );
  };
};

/**
 * How many long texts a cache keeps: a board's notes as each kind of step
 * reads them (six steps, some with brief or keyword lists blanked) and a few
 * long annotations, so a drawing edit finds them all. Not many more: every
 * entry kept survives young-generation collections, which copy it.
 */
export const NOTES_KEPT = 32;
/** How many passage lists are interned: one per distinct set of steps the rubric's rules read, for one or two boards. */
export const PASSAGE_LISTS_KEPT = 128;

/**
 * A bounded cache of values derived from a text alone (its figures, its
 * stated redundancy, its sentences). Pure functions of the text, so reusing
 * them across scoring calls changes no result: the score panel rescores on
 * every edit of the drawing while the notes stay the same.
 */
export const byText = <T>(limit = NOTES_KEPT) => {
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

interface Trie<T> {
  readonly next: Map<unknown, Trie<T>>;
  value?: T;
}

/**
 * A bounded cache keyed by a sequence of values (strings, numbers), compared
 * element by element: the same sequence gets the same value object back, so
 * caches keyed by that object's identity hit on the next scoring call.
 */
export const bySequence = <T>(limit = PASSAGE_LISTS_KEPT) => {
  let root: Trie<T> = { next: new Map() };
  let size = 0;
  return (parts: readonly unknown[], compute: () => T): T => {
    if (size >= limit) {
      root = { next: new Map() };
      size = 0;
    }
    let at = root;
    for (const p of parts) {
      let child = at.next.get(p);
      if (!child) {
        child = { next: new Map() };
        at.next.set(p, child);
      }
      at = child;
    }
    if (at.value === undefined) {
      at.value = compute();
      size++;
    }
    return at.value;
  };
};

/**
 * A cache by the identity of three objects (nested WeakMaps), for values
 * derived from immutable objects only: a notes check's outcome from the
 * interned passages it reads, its parsed options and its environment.
 */
export const byObjects = <T>() => {
  const root = new WeakMap<object, WeakMap<object, WeakMap<object, T>>>();
  return (a: object, b: object, c: object, compute: () => T): T => {
    const byB = getOrMake(root, a, () => new WeakMap());
    return getOrMake(
      getOrMake(byB, b, () => new WeakMap()),
      c,
      compute,
    );
  };
};

import { z } from 'zod';
import { type ComponentKind, NODE_KINDS, type NodeKind, PROTOCOLS } from '../board/kinds';
import type { BoardNode } from '../board/types';
import { asSynonyms, findTerm } from './terms';
import type { TermSpec } from './text';

/**
 * Named groups of kinds, so a rubric can say "any database" once instead of
 * listing four kinds in every rule.
 */
export const KIND_GROUPS = {
  database: ['sql_db', 'nosql_db', 'graph_db', 'timeseries_db'],
  store: ['sql_db', 'nosql_db', 'graph_db', 'timeseries_db', 'object_store', 'search_index', 'data_warehouse'],
  compute: ['service', 'websocket_server', 'worker'],
  entry: ['load_balancer', 'api_gateway', 'reverse_proxy'],
  queue: ['message_queue', 'event_stream', 'pubsub'],
} as const satisfies Record<string, readonly ComponentKind[]>;
export type KindGroup = keyof typeof KIND_GROUPS;

const KIND_NAMES = [...NODE_KINDS, ...(Object.keys(KIND_GROUPS) as KindGroup[])] as const;
const kindName = z.enum(KIND_NAMES, {
  error: (i) => `unknown kind ${JSON.stringify(i.input)} (a component kind or one of ${Object.keys(KIND_GROUPS).join(', ')})`,
});
const keywords = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/**
 * Which components a check looks at. Every given field must match:
 * - `kind`: a role or group, or a list of them (any of). A component's role
 *   is its kind, or what its label or `tech` names (a `service` labelled
 *   "Redis" is a `cache`; see shared/catalogue/roles.ts);
 * - `label`: keywords, any of which appears in the label or the `tech` prop
 *   (whole words with inflections, case-insensitive): `{kind: service, label: [shorten, url]}`;
 * - `unless`: keywords that exclude a component (`{kind: cache, unless: [session]}`);
 * - `props`: exact prop values, e.g. `{tech: redis}` (strings compare case-insensitively);
 * - `anywhere: true`: also components that take part in no design (unconnected
 *   ones are otherwise invisible to every check).
 */
export const selectorSchema = z.strictObject({
  kind: z.union([kindName, z.array(kindName).min(1)]).optional(),
  label: keywords.optional(),
  unless: keywords.optional(),
  props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  anywhere: z.boolean().optional(),
});
export type Selector = z.infer<typeof selectorSchema>;

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v as T]);

const kindsOf = new WeakMap<Selector, readonly NodeKind[] | null>();
/** The concrete node kinds a selector's `kind` names, or null for "any kind"; worked out once per selector object. */
export const selectorKinds = (selector: Selector): readonly NodeKind[] | null => {
  let found = kindsOf.get(selector);
  if (found !== undefined) return found;
  const names = asList(selector.kind);
  if (names.length === 0) found = null;
  else {
    const kinds = new Set<NodeKind>();
    for (const name of names) {
      if (name in KIND_GROUPS) for (const k of KIND_GROUPS[name as KindGroup]) kinds.add(k);
      else kinds.add(name as NodeKind);
    }
    found = [...kinds];
  }
  kindsOf.set(selector, found);
  return found;
};

const sameValue = (a: unknown, b: string | number | boolean): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

const LABEL_MATCH = { allowNegated: true } as const;

const withTech = new WeakMap<BoardNode, string>();
/** What a selector's keywords are matched against: the label, and the `tech` prop when there is one. */
const labelText = (node: BoardNode): string => {
  const tech = node.props?.tech;
  if (typeof tech !== 'string') return node.label ?? '';
  let text = withTech.get(node);
  if (text === undefined) {
    text = `${node.label ?? ''} ${tech}`;
    withTech.set(node, text);
  }
  return text;
};

/** Whether `node` matches the label and props parts of `selector` (the kind is matched by the index). */
export const matchesDetails = (node: BoardNode, selector: Selector): boolean => {
  const d = detailsOf(selector);
  if (d.words.length > 0 || d.unless.length > 0) {
    const text = labelText(node);
    let matches = d.byLabel.get(text);
    if (matches === undefined) {
      matches =
        (d.words.length === 0 || findTerm(text, d.words, LABEL_MATCH) !== null) &&
        (d.unless.length === 0 || findTerm(text, d.unless, LABEL_MATCH) === null);
      if (d.byLabel.size >= LABELS_KEPT) d.byLabel.clear();
      d.byLabel.set(text, matches);
    }
    if (!matches) return false;
  }
  for (const [key, want] of d.props) if (!sameValue(node.props?.[key], want)) return false;
  return true;
};

/** Labels whose match a selector remembers: every label of a large board, so a rescoring re-reads none. */
const LABELS_KEPT = 4096;

interface Details {
  readonly words: readonly TermSpec[];
  readonly unless: readonly TermSpec[];
  readonly props: readonly (readonly [string, string | number | boolean])[];
  /**
   * Whether a label (with its tech) matches `words` and not `unless`: a pure
   * function of the text, kept across scoring calls, as labels rarely change
   * between two rescorings and many rules of a rubric share a selector.
   */
  readonly byLabel: Map<string, boolean>;
}
const details = new WeakMap<Selector, Details>();
/** Details by the selector's canonical key: equal selectors of different rules and rubrics share one. */
const detailsByKey = new Map<string, Details>();
/** A selector's label, unless and props parts, read once per selector object (rubric selectors live as long as the rubric). */
const detailsOf = (selector: Selector): Details => {
  let d = details.get(selector);
  if (!d) {
    const key = selectorKey(selector);
    d = detailsByKey.get(key);
    if (!d) {
      d = {
        words: selector.label === undefined ? [] : asSynonyms(selector.label),
        unless: selector.unless === undefined ? [] : asSynonyms(selector.unless),
        props: Object.entries(selector.props ?? {}),
        byLabel: new Map(),
      };
      // Rubrics are few and their selectors fixed; a program building selectors per call must not grow this forever.
      if (detailsByKey.size >= LABELS_KEPT) detailsByKey.clear();
      detailsByKey.set(key, d);
    }
    details.set(selector, d);
  }
  return d;
};

const keys = new WeakMap<Selector, string>();
/**
 * A selector as a string, equal for equal selectors whatever their fields'
 * order: rules of one rubric repeat selectors ({kind: client} in most path
 * rules), so a graph resolves each distinct one once (graph.ts).
 */
export const selectorKey = (selector: Selector): string => {
  let key = keys.get(selector);
  if (key === undefined) {
    key = JSON.stringify(canonical(selector));
    keys.set(selector, key);
  }
  return key;
};

const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;

const LABEL_COUNT = /(?:[×x*]\s?(\d{1,3})\b|\((\d{1,3})\)|\b(\d{1,3})\s?[×x]\b)/i;

/**
 * How many instances a node stands for as drawn: its `replicas` prop when it
 * is a whole number ≥ 1, or a count in its label ("App ×3", "LB (2)"), else 1.
 * Redundancy stated in the notes is added by `instancesIn` (redundancy.ts).
 */
export const instancesOf = (node: BoardNode): number => {
  const r = node.props?.replicas;
  const n = typeof r === 'number' ? r : typeof r === 'string' ? Number(r) : Number.NaN;
  if (Number.isInteger(n) && n >= 1) return n;
  const m = node.label ? LABEL_COUNT.exec(node.label) : null;
  const fromLabel = m ? Number(m[1] ?? m[2] ?? m[3]) : 1;
  return Math.max(fromLabel, 1);
};

/** Short human text for a selector, used in check notes: "load_balancer", "service “shorten”". */
export const describeSelector = (selector: Selector): string => {
  const kinds = asList(selector.kind).join('/') || 'component';
  const words = asList(selector.label);
  return words.length > 0 ? `${kinds} “${words.join('/')}”` : kinds;
};

/** One protocol or a list (any of), as written in check options. */
export const protocolSchema = z.union([z.enum(PROTOCOLS), z.array(z.enum(PROTOCOLS)).min(1)]).optional();

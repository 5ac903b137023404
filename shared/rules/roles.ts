import type { ComponentKind, NodeKind } from '../board/kinds';
import type { BoardNode } from '../board/types';
import { ROLE_TERMS, refinableRoles } from '../catalogue/roles';
import { wordIndex } from './wordIndex';

/** A term or a run of label words, compared without case, spaces or punctuation: "Pub/Sub" = "pubsub". */
const keyOf = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** The longest role term, in words: labels are matched by runs of up to this many words. */
const MAX_WORDS = 4;

/** Every role term, longest first (so "snowflake db" wins over "snowflake"), and the roles each names. */
const TERM_ROLES = new Map<string, Set<ComponentKind>>();
for (const [role, terms] of Object.entries(ROLE_TERMS) as [ComponentKind, readonly string[]][])
  for (const t of terms) {
    const k = keyOf(t);
    const set = TERM_ROLES.get(k) ?? new Set<ComponentKind>();
    set.add(role);
    TERM_ROLES.set(k, set);
  }
/** Category words that make a generic box a store, but do not re-type a box already drawn as one. */
const WEAK: ReadonlySet<string> = new Set(['database', 'db', 'queue', 'cache', 'store']);

/**
 * The roles a plural run names ("load balancers", "caches", "proxies"): tried
 * only when the run itself names none, so "Redis" or "SQS" never lose a letter.
 */
const singular = (run: string): string =>
  run.length < 4 || !run.endsWith('s') ? run : run.endsWith('ies') ? `${run.slice(0, -3)}y` : run.slice(0, -1);

/**
 * The role a node plays: its drawn kind, unless that kind may be refined
 * (a generic `service`, a database, a queue) and its label or `tech` names
 * another role ("Redis" → cache, "Cassandra" → nosql_db, "KGS" → id_generator).
 * Deterministic: the most specific role named wins (see ROLE_ORDER).
 */
export const resolveRole = (node: BoardNode): NodeKind => {
  const order = refinableRoles(node.kind);
  if (order.length === 0) return node.kind;
  const tech = node.props?.tech;
  const text = typeof tech === 'string' ? `${node.label ?? ''} ${tech}` : (node.label ?? '');
  // Runs of whole words, so "Redis" names a cache but "Rediscover" does not: a map lookup per run, no regex scan.
  // The words come from the label's index, cut once for all the rules that read it.
  const { words } = wordIndex(text);
  if (words.length === 0) return node.kind;
  const named = new Set<ComponentKind>();
  const generic = node.kind === 'service' || node.kind === 'external_api';
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let n = 0; n < MAX_WORDS && i + n < words.length; n++) {
      run += words[i + n];
      // "Messages DB" on a NoSQL box says nothing about its engine; on a generic box it makes it a store.
      const roles = TERM_ROLES.get(run) ?? TERM_ROLES.get(singular(run));
      if (!roles || (!generic && (WEAK.has(run) || WEAK.has(singular(run))))) continue;
      for (const r of roles) named.add(r);
    }
  }
  if (named.size === 0) return node.kind;
  return order.find((r) => named.has(r)) ?? node.kind;
};

import type { ComponentKind, NodeKind } from '../board/kinds';
import type { BoardNode } from '../board/types';
import { ROLE_TERMS, refinableRoles } from '../catalogue/roles';
import { termPattern } from './text';

const keyOf = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, '');

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
const ALL_TERMS = [...new Set(Object.values(ROLE_TERMS).flat())].sort((a, b) => b.length - a.length);

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
  const text = `${node.label ?? ''} ${typeof tech === 'string' ? tech : ''}`;
  if (text.trim() === '') return node.kind;
  const named = new Set<ComponentKind>();
  const re = termPattern(ALL_TERMS, false);
  re.lastIndex = 0;
  const generic = node.kind === 'service' || node.kind === 'external_api';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const k = keyOf(m[0]);
    // "Messages DB" on a NoSQL box says nothing about its engine; on a generic box it makes it a store.
    if (!generic && WEAK.has(k)) continue;
    for (const r of TERM_ROLES.get(k) ?? []) named.add(r);
  }
  if (named.size === 0) return node.kind;
  return order.find((r) => named.has(r)) ?? node.kind;
};

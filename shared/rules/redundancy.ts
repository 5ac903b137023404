import type { NodeKind } from '../board/kinds';
import type { BoardNode } from '../board/types';
import { ROLE_TERMS } from '../catalogue/roles';
import { type BoardGraph, roleOf } from './graph';
import { byText } from './memo';
import { type NoteSource, noteSources } from './notes';
import { instancesOf } from './selector';
import { isNegated } from './text';
import { matchesAtWords, sentencesIn, wordIndex } from './wordIndex';

/**
 * Redundancy the candidate states in words rather than in the inspector:
 * "two load balancers (active-passive)", "3 app servers", "replication factor 3",
 * "Postgres with read replicas". Read from every step's notes and the canvas
 * annotations; a negated statement ("we don't need two LBs") does not count.
 */

const DATABASES: readonly NodeKind[] = ['sql_db', 'nosql_db', 'graph_db', 'timeseries_db'];
const ENTRIES: readonly NodeKind[] = ['load_balancer', 'api_gateway', 'reverse_proxy'];

/** Extra words people use for a tier, besides the role table's. */
const TIER_WORDS: Readonly<Partial<Record<NodeKind, readonly string[]>>> = {
  service: ['server', 'app server', 'application server', 'instance', 'node', 'service', 'backend', 'api server'],
  sql_db: ['database', 'db'],
  load_balancer: ['load balancer', 'lb'],
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  several: 2,
  multiple: 2,
  many: 2,
  redundant: 2,
  pair: 2,
  pairs: 2,
};
// The patterns below are tried only at the start of a word beginning with one of their first words (wordIndex.ts).
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
// A count, then up to three words naming the tier: "two load balancers", "3 app server instances", "multiple LBs".
// Not the digits after a decimal point or a thousands separator ("1.5 TB", "4,000 servers").
const COUNTED =
  /(?<![.,])(\d{1,3}|two|three|four|five|six|several|multiple|many|redundant|pairs? of)\s+([\p{L}/-]+(?:\s+[\p{L}/-]+){0,2})/iuy;
// A longer word starting with a count word ("twofold") is tried too, and fails: the pattern wants a space after it.
const COUNTED_FIRST = [...DIGITS, ...Object.keys(NUMBER_WORDS)];
const DB_REPLICATION =
  /\breplication factor(?:\s*(?:of|=|:|is))?\s*(\d)|\bRF\s*[=:]?\s*(\d)\b|\b(\d)\s*(?:replicas|copies|replica nodes)\b|\bread replicas?\b|\b(?:primary|master|leader)\s*[-/–,+&]?\s*(?:and\s+|with\s+(?:a\s+|one\s+|\d\s+)?)?(?:replicas?|secondary|secondaries|standby|followers?|slaves?)\b|\breplica set\b|\bmulti-?az\b|\bhot standby\b|\b(?:synchronous|asynchronous|async|sync|semi-sync|quorum)\s+replication\b|\breplicated\s+(?:across|to|over|in)\b|\breplicates?\s+(?:each|every|all|data|writes)\b|\bwith\s+(?:a|one|its)\s+replicas?\b|\breplicas?\s+(?:per|for each|on each|in each)\s+(?:shard|partition|node|region)\b|\beach\s+(?:shard|partition|node)\s+(?:has|gets|keeps)\s+(?:a|one|two|\d)\s+replicas?\b/iuy;
const DB_REPLICATION_STARTS = [
  'replica',
  'rf',
  'read',
  'primary',
  'master',
  'leader',
  'multi',
  'hot',
  'async',
  'sync',
  'semi',
  'quorum',
  'with',
  'each',
];
const DB_REPLICATION_FIRST = [...DIGITS, ...DB_REPLICATION_STARTS];
const ENTRY_PAIR = /\bactive[-\s/]+(?:passive|active|standby)\b|\bfloating ip\b|\bkeepalived\b|\bvrrp\b|\banycast\b/iuy;
const ENTRY_PAIR_STARTS = ['active', 'floating', 'keepalived', 'vrrp', 'anycast'];
const ENTRY_PAIR_FIRST = ENTRY_PAIR_STARTS;

const keyOf = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, '');

/** Word → roles, from the role table plus the tier words. */
const WORD_ROLES = new Map<string, NodeKind[]>();
const addWord = (word: string, role: NodeKind): void => {
  const k = keyOf(word);
  const list = WORD_ROLES.get(k) ?? [];
  if (!list.includes(role)) list.push(role);
  WORD_ROLES.set(k, list);
};
for (const [role, words] of Object.entries(ROLE_TERMS)) for (const w of words) addWord(w, role as NodeKind);
for (const [role, words] of Object.entries(TIER_WORDS)) for (const w of words ?? []) addWord(w, role as NodeKind);

/** keyOf for one word (no spaces in it): a regex only when it has a hyphen. */
const wordKey = (w: string): string => {
  const lower = w.toLowerCase();
  return lower.includes('-') ? lower.replace(/-+/g, '') : lower;
};
const NO_ROLES: readonly NodeKind[] = [];
const rolesOf = (k: string): readonly NodeKind[] => WORD_ROLES.get(k) ?? NO_ROLES;

/**
 * The roles the words after a count name: the longest leading run of words that is a tier word.
 * A run's key is its words' keys joined, and it is tried as written, less a plural "es", less
 * a plural "s": every figure with a word after it ("3 TB a year") comes here, so no regex.
 */
const rolesNamed = (phrase: string): readonly NodeKind[] => {
  const keys = phrase.split(/\s+/).map(wordKey);
  for (let n = keys.length; n >= 1; n--)
    for (let start = 0; start + n <= keys.length; start++) {
      let k = keys[start]!;
      for (let i = start + 1; i < start + n; i++) k += keys[i];
      const plain = rolesOf(k);
      const es = k.endsWith('es') ? rolesOf(k.slice(0, -2)) : plain;
      const s = k.endsWith('s') ? rolesOf(k.slice(0, -1)) : plain;
      if (plain.length + es.length + s.length > 0) return [...plain, ...es, ...s];
    }
  return NO_ROLES;
};

/** By the interned list of passages (see noteSources): the same writing is read once across scoring calls. */
const cache = new WeakMap<readonly NoteSource[], ReadonlyMap<NodeKind, number>>();
const byWriting = byText<ReadonlyMap<NodeKind, number>>();

const raise = (map: Map<NodeKind, number>, roles: readonly NodeKind[], n: number): void => {
  for (const r of roles) map.set(r, Math.max(map.get(r) ?? 1, n));
};

/** The same map again for the same graph: asked once per node a check counts, so it skips even the passages lookup. */
const perGraph = new WeakMap<BoardGraph, ReadonlyMap<NodeKind, number>>();

/** Instances per role stated in the writing (only roles stated with two or more): the most any passage states. */
export const statedRedundancy = (graph: BoardGraph): ReadonlyMap<NodeKind, number> => {
  const known = perGraph.get(graph);
  if (known) return known;
  const passages = noteSources(graph);
  const hit = cache.get(passages);
  if (hit) {
    perGraph.set(graph, hit);
    return hit;
  }
  const out = new Map<NodeKind, number>();
  for (const src of passages) for (const [role, n] of byWriting(src.text, () => readRedundancy(src.text))) raise(out, [role], n);
  cache.set(passages, out);
  perGraph.set(graph, out);
  return out;
};

const readRedundancy = (text: string): ReadonlyMap<NodeKind, number> => {
  const out = new Map<NodeKind, number>();
  if (text === '') return out;
  const idx = wordIndex(text);
  for (const m of matchesAtWords(idx, COUNTED, COUNTED_FIRST)) {
    const word = m[1]!.toLowerCase();
    const n = /^\d/.test(word) ? Number(word) : (NUMBER_WORDS[word.replace(/\s+of$/, '')] ?? 0);
    if (n < 2 || n > 500) continue;
    // "3 TB", "40 writes": a figure, not a count of machines, unless a tier word follows.
    const roles = rolesNamed(m[2]!);
    if (roles.length === 0 || isNegated(text, m.index + m[0].length - m[2]!.length)) continue;
    raise(out, roles.includes('sql_db') ? [...roles, ...DATABASES] : roles, n);
  }
  for (const m of matchesAtWords(idx, DB_REPLICATION, DB_REPLICATION_FIRST)) {
    if (isNegated(text, m.index)) continue;
    const n = Number(m[1] ?? m[2] ?? m[3] ?? 2);
    raise(out, replicatedRoles(text, m.index), Math.max(n, 2));
  }
  for (const m of matchesAtWords(idx, ENTRY_PAIR, ENTRY_PAIR_FIRST)) if (!isNegated(text, m.index)) raise(out, ENTRIES, 2);
  return out;
};

const CACHES: readonly NodeKind[] = ['cache'];
const isDatabase = (r: NodeKind): boolean => DATABASES.includes(r);

/**
 * The stores a replication phrase is about: the cache when its sentence names
 * a cache and no database ("Redis primary with a replica, Sentinel failover"),
 * else the databases (replication is said of them nearly always).
 */
const replicatedRoles = (text: string, at: number): readonly NodeKind[] => {
  const bounds = sentencesIn(text);
  let from = 0;
  let to = text.length;
  for (let i = 0; i < bounds.length; i += 2)
    if (bounds[i]! <= at && at < bounds[i + 1]!) {
      from = bounds[i]!;
      to = bounds[i + 1]!;
      break;
    }
  let cache = false;
  // Single words of the role table (the same one counts are read with): "Postgres", "db", "Redis".
  for (const w of text
    .slice(from, to)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    const roles = rolesOf(w);
    if (roles.some(isDatabase)) return DATABASES;
    if (roles.includes('cache')) cache = true;
  }
  return cache ? CACHES : DATABASES;
};

/**
 * A word every DB_REPLICATION alternative contains (same flags, so the same
 * case folding): a label without one states no replication, and most labels
 * ("component 12", "API") are told so without a word index of their own.
 */
const MAY_STATE_REPLICATION = /replic|rf|copies|secondar|standby|follower|slave|multi-?az/iu;

/** Replication a node's own label states ("Cassandra, RF=3", "Redis primary + replica", "MySQL, 2 replicas"). */
const byLabel = byText<number>();
const labelledReplicas = (label: string | undefined): number =>
  label && MAY_STATE_REPLICATION.test(label)
    ? byLabel(label, () => {
        let n = 1;
        for (const m of matchesAtWords(wordIndex(label), DB_REPLICATION, DB_REPLICATION_FIRST))
          if (!isNegated(label, m.index)) n = Math.max(n, Number(m[1] ?? m[2] ?? m[3] ?? 2), 2);
        return n;
      })
    : 1;

/**
 * Instances a node stands for: as drawn (replicas, a count or a replication
 * phrase in its label) or as the notes state for its role, whichever is more.
 */
export const instancesIn = (graph: BoardGraph, node: BoardNode): number =>
  Math.max(instancesOf(node), labelledReplicas(node.label), statedRedundancy(graph).get(roleOf(graph, node)) ?? 1);

import type { NodeKind } from '../board/kinds';
import type { BoardNode } from '../board/types';
import { ROLE_TERMS } from '../catalogue/roles';
import { type BoardGraph, roleOf } from './graph';
import { byText } from './memo';
import { type NoteSource, noteSources } from './notes';
import { instancesOf } from './selector';
import { isNegated } from './text';
import { matchesAtWords, wordIndex } from './wordIndex';

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
const startsWithDigit = (w: string): boolean => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57;
// A count, then up to three words naming the tier: "two load balancers", "3 app server instances", "multiple LBs".
// Not the digits after a decimal point or a thousands separator ("1.5 TB", "4,000 servers").
const COUNTED =
  /(?<![.,])(\d{1,3}|two|three|four|five|six|several|multiple|many|redundant|pairs? of)\s+([\p{L}/-]+(?:\s+[\p{L}/-]+){0,2})/iuy;
const COUNT_WORDS: ReadonlySet<string> = new Set(Object.keys(NUMBER_WORDS));
const COUNTED_FIRST = (w: string): boolean => startsWithDigit(w) || COUNT_WORDS.has(w);
const DB_REPLICATION =
  /\breplication factor(?:\s*(?:of|=|:|is))?\s*(\d)|\bRF\s*[=:]?\s*(\d)\b|\b(\d)\s*(?:replicas|copies|replica nodes)\b|\bread replicas?\b|\b(?:primary|master|leader)\s*[-/–,]?\s*(?:and\s+)?(?:replicas?|secondary|secondaries|standby|followers?|slaves?)\b|\breplica set\b|\bmulti-?az\b|\bhot standby\b|\b(?:synchronous|asynchronous|async|sync|semi-sync|quorum)\s+replication\b|\breplicated\s+(?:across|to|over|in)\b|\breplicates?\s+(?:each|every|all|data|writes)\b/iuy;
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
];
const DB_REPLICATION_FIRST = (w: string): boolean => startsWithDigit(w) || DB_REPLICATION_STARTS.some((p) => w.startsWith(p));
const ENTRY_PAIR = /\bactive[-\s/]+(?:passive|active|standby)\b|\bfloating ip\b|\bkeepalived\b|\bvrrp\b|\banycast\b/iuy;
const ENTRY_PAIR_STARTS = ['active', 'floating', 'keepalived', 'vrrp', 'anycast'];
const ENTRY_PAIR_FIRST = (w: string): boolean => ENTRY_PAIR_STARTS.some((p) => w.startsWith(p));

const keyOf = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, '');
const singular = (k: string): string[] => [k, k.replace(/es$/, ''), k.replace(/s$/, '')];

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

/** The roles the words after a count name: the longest leading run of words that is a tier word. */
const rolesNamed = (phrase: string): NodeKind[] => {
  const words = phrase.split(/\s+/);
  for (let n = words.length; n >= 1; n--)
    for (let start = 0; start + n <= words.length; start++) {
      const roles = singular(keyOf(words.slice(start, start + n).join(' '))).flatMap((k) => WORD_ROLES.get(k) ?? []);
      if (roles.length > 0) return roles;
    }
  return [];
};

/** By the interned list of passages (see noteSources): the same writing is read once across scoring calls. */
const cache = new WeakMap<readonly NoteSource[], ReadonlyMap<NodeKind, number>>();
const byWriting = byText<ReadonlyMap<NodeKind, number>>();

const raise = (map: Map<NodeKind, number>, roles: readonly NodeKind[], n: number): void => {
  for (const r of roles) map.set(r, Math.max(map.get(r) ?? 1, n));
};

/** Instances per role stated in the writing (only roles stated with two or more): the most any passage states. */
export const statedRedundancy = (graph: BoardGraph): ReadonlyMap<NodeKind, number> => {
  const passages = noteSources(graph);
  const hit = cache.get(passages);
  if (hit) return hit;
  const out = new Map<NodeKind, number>();
  for (const src of passages) for (const [role, n] of byWriting(src.text, () => readRedundancy(src.text))) raise(out, [role], n);
  cache.set(passages, out);
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
    raise(out, DATABASES, Math.max(n, 2));
  }
  for (const m of matchesAtWords(idx, ENTRY_PAIR, ENTRY_PAIR_FIRST)) if (!isNegated(text, m.index)) raise(out, ENTRIES, 2);
  return out;
};

/** Instances a node stands for: as drawn (replicas, label) or as the notes state for its role, whichever is more. */
export const instancesIn = (graph: BoardGraph, node: BoardNode): number =>
  Math.max(instancesOf(node), statedRedundancy(graph).get(roleOf(graph, node)) ?? 1);

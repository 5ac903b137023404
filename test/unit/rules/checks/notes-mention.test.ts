import { describe } from 'vitest';
import { board, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const notes = (deep_dive: string) => board([], [], { deep_dive });
const fanOut = [['fan-out', 'push model']];

describe('notes-mention', () => {
  testCheck('notes-mention', {
    valid: [
      {
        name: '"fan out" with a space',
        board: notes('We fan out on write.'),
        options: { terms: fanOut },
        evidence: { excerpts: ['fan out'] },
      },
      { name: '"fan-out" with a hyphen', board: notes('Fan-out on write'), options: { terms: fanOut } },
      { name: '"fanout" in one word, upper case', board: notes('FANOUT workers'), options: { terms: fanOut } },
      { name: 'a synonym', board: notes('a push model for most users'), options: { terms: fanOut } },
      {
        name: 'numbers as terms',
        board: notes('Return 302 rather than 301.'),
        options: { terms: ['301', '302'], allowNegated: true },
      },
      {
        name: 'min of several terms',
        board: notes('base62 ids'),
        options: { terms: ['base62', 'snowflake', 'zookeeper'], min: 1 },
      },
      {
        name: 'restricted to a step',
        board: board([], [], { deep_dive: 'cursor pagination' }),
        options: { steps: 'deep_dive', terms: ['cursor'] },
      },
      {
        name: 'inflection: "rate-limited" for "rate limit"',
        board: notes('Creation is rate-limited per IP.'),
        options: { terms: ['rate limit'] },
      },
      {
        name: 'inflection: "limiting" and plural',
        board: notes('rate limiting at the edge; shards'),
        options: { terms: ['rate limit', 'shard'] },
      },
      { name: '"ms" after a number', board: notes('p99 under 50 ms'), options: { terms: ['ms'] } },
      { name: '"ms" glued to its number', board: notes('p99 under 50ms'), options: { terms: ['ms'] } },
      { name: '"TB" glued to its number', board: notes('about 3TB a year'), options: { terms: ['tb'] } },
      {
        name: 'an affirmed clause after a negated one',
        board: notes('Not SQL, but Cassandra.'),
        options: { terms: ['cassandra'] },
      },
      {
        name: '"instead" opens an affirmed clause ("skip X and instead Y")',
        board: notes('For celebrities we skip the fan-out and instead merge their posts at read time.'),
        options: { terms: ['at read time'] },
      },
      {
        name: '"and" before a new verb opens an affirmed clause',
        board: notes('Messages must not be lost and must arrive in real time.'),
        options: { terms: ['real time'] },
      },
      {
        name: '"and" before a verb opens an affirmed clause ("skip X and merge Y")',
        board: notes('We skip fan-out for celebrities and merge their posts at read time.'),
        options: { terms: ['merge'] },
      },
      {
        name: 'a term that ends or starts with punctuation, inside a URL ("page=", "?page")',
        board: notes('Pagination: GET /feed?page=3&limit=20'),
        options: { terms: [['page='], ['?page']] },
      },
      {
        name: 'a unit after a number with its magnitude ("100k followers")',
        board: notes('Accounts with more than ~100k followers are merged at read time.'),
        options: { terms: [[{ word: 'followers', afterNumber: true }]] },
      },
      {
        name: '"otherwise" opens an affirmed clause',
        board: notes('Never cache private links, otherwise cache-aside with LRU.'),
        options: { terms: ['lru'] },
      },
      {
        name: '"not only … but also" affirms',
        board: notes('not only caching but also sharding'),
        options: { terms: ['caching'] },
      },
      {
        name: 'the rule’s own step (from the scorer)',
        board: board([], [], { deep_dive: 'cursor pagination' }),
        options: { terms: ['cursor'] },
        steps: ['deep_dive'],
      },
      {
        name: 'a list of requirements in the scope step, for a scope rule',
        board: board([], [], { scope: 'Shorten, redirect, custom alias, expiry, analytics, rate limits' }),
        options: { terms: ['custom alias'] },
        steps: ['scope'],
      },
      {
        name: 'prose that explains, with prose required',
        board: notes('We fan out on write through Kafka so reads are one lookup.'),
        options: { terms: fanOut, prose: true },
      },
      {
        name: 'a negative term allowed when asked ("no single point of failure")',
        board: notes('There is no single point of failure.'),
        options: { terms: ['single point of failure'], allowNegated: true },
      },
      {
        name: 'a text annotation on the canvas counts when no step is given',
        board: board([node('t', 'text', { label: 'shard by user id' })]),
        options: { terms: ['shard'] },
        evidence: { nodeIds: ['t'] },
      },
    ],
    invalid: [
      { name: 'no notes', board: notes(''), options: { terms: fanOut } },
      { name: 'part of a longer word', board: notes('fanoutish designs'), options: { terms: fanOut } },
      { name: '"3010" is not "301"', board: notes('status 3010'), options: { terms: ['301'] } },
      { name: 'only one of two required terms', board: notes('we return 301'), options: { terms: ['301', '302'] } },
      { name: 'negated: "we will not use NoSQL"', board: notes('We will not use NoSQL here.'), options: { terms: ['nosql'] } },
      { name: 'negated: "instead of"', board: notes('Postgres instead of Cassandra'), options: { terms: ['cassandra'] } },
      {
        name: 'a unit with no number before it',
        board: notes('Accounts with many followers are merged at read time.'),
        options: { terms: [[{ word: 'followers', afterNumber: true }]] },
      },
      {
        name: 'negated: "skip X and Y" (no clause word between)',
        board: notes('We skip the cache and the replicas.'),
        options: { terms: ['replicas'] },
      },
      { name: 'negated: "rather than"', board: notes('rather than a cache we add replicas'), options: { terms: ['cache'] } },
      { name: 'negated: "without"', board: notes('A design without sharding.'), options: { terms: ['sharding'] } },
      {
        name: 'negated: an "Out of scope:" list',
        board: notes('Out of scope: analytics, custom alias'),
        options: { terms: ['custom alias'] },
      },
      { name: '"MS SQL" is not milliseconds', board: notes('We use MS SQL.'), options: { terms: ['ms'] } },
      {
        name: 'a unit inside a word is not the unit ("2fms", "ms2")',
        board: notes('codes 2fms and ms2'),
        options: { terms: ['ms'] },
      },
      {
        name: '"the presence of a cache" is not the presence feature',
        board: notes('the presence of a cache'),
        options: { terms: ['presence'] },
      },
      { name: '"base64" is not "base62"', board: notes('codes in base64'), options: { terms: ['base62'] } },
      {
        name: 'an "unless" phrase',
        board: notes('end-to-end latency under 200 ms'),
        options: { terms: [[{ word: 'end-to-end', unless: ['end-to-end latency'] }]] },
      },
      {
        name: 'a keyword dump when prose is required',
        board: notes('cache, sharding, fan-out, base62, 301, kafka, websocket'),
        options: { terms: fanOut, prose: true },
      },
      {
        name: 'a sentence copied from the brief',
        board: notes('Links expire after a configurable time; users may pick a custom alias.'),
        options: { terms: ['custom alias'] },
        prompt: 'Requirements\n- Links expire after a configurable time; users may pick a custom alias.',
      },
      {
        name: 'another step than the rule’s own (from the scorer)',
        board: board([], [], { understand: 'cursor pagination' }),
        options: { terms: ['cursor'] },
        steps: ['deep_dive'],
      },
      {
        name: 'the same list read by a deep-dive rule: a list of mechanisms explains none of them',
        board: board([], [], { scope: 'Shorten, redirect, custom alias, expiry, analytics, rate limits' }),
        options: { terms: ['custom alias'] },
        steps: ['deep_dive', 'scope'],
      },
      {
        name: 'mentioned in another step than the one asked',
        board: board([], [], { understand: 'cursor pagination' }),
        options: { steps: ['deep_dive', 'bottlenecks'], terms: ['cursor'] },
      },
    ],
  });
});

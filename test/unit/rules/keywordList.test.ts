import { describe, expect, it } from 'vitest';
import { isKeywordList } from '../../../shared/rules/text';

// In the drawing steps a keyword-list line counts for nothing; notes people really take must still count.
describe('isKeywordList', () => {
  it.each([
    ['a comma-separated dump', 'cache, sharding, fan-out, base62, 301, kafka, websocket'],
    ['a space-separated dump', 'base62 kgs 302 analytics async collision alias expiry ttl hot keys'],
    ['a dump of component names', 'cdn load balancer gateway cache database nosql queue worker'],
    ['a dump of bottleneck buzzwords', 'replication sharding rate limiting monitoring failover'],
    ['a dump with bullets', 'Redis · Kafka · Cassandra · LRU · CDN · quorum'],
    [
      'a long list of short phrases behind "we use", with an aside',
      'We use a CDN, caching with Redis, sharding, replication, base62 ids, fan-out (hybrid), cursor pagination, a queue with workers, 302 redirects and monitoring.',
    ],
  ])('%s is a keyword list', (_name, line) => expect(isKeywordList(line)).toBe(true));

  it.each([
    ['a sentence', 'Generate the code by base62 encoding an auto-increment id from MySQL.'],
    ['a terse bullet that still says how', 'shard Cassandra by code hash, quorum reads'],
    ['a short list under a heading', 'Monitoring: p99, errors, hit ratio'],
    ['a schema', 'short_code (PK), long_url, created_at, expires_at'],
    ['tables with their columns', 'Schema: users (id, name), posts (id, author, text, created), follows (follower, followee)'],
    ['a flow drawn with arrows', 'client -> LB -> app servers -> Redis -> Postgres primary'],
    ['a flow drawn with unicode arrows', 'browser → CDN → load balancer → API → Redis cache → DB'],
    ['five bare words', 'Redis Kafka Cassandra LRU CDN'],
    ['a list whose items are phrases', 'cache the hot codes in Redis, shard the table by code, replicate it three ways'],
  ])('%s is not', (_name, line) => expect(isKeywordList(line)).toBe(false));
});

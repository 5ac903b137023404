import { describe } from 'vitest';
import { board, node, wired } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

describe('component-exists', () => {
  testCheck('component-exists', {
    valid: [
      {
        name: 'a kind is drawn',
        board: wired([node('c', 'cache')]),
        options: { select: { kind: 'cache' } },
        evidence: { nodeIds: ['c'] },
      },
      {
        name: 'a group matches any of its kinds',
        board: wired([node('d', 'nosql_db')]),
        options: { select: { kind: 'database' } },
        evidence: { nodeIds: ['d'] },
      },
      {
        name: 'a generic service matched by a label keyword, case-insensitively',
        board: wired([node('s', 'service', { label: 'URL Shortener service' })]),
        options: { select: { kind: 'service', label: ['shortener', 'shorten'] } },
      },
      {
        name: 'the tech prop counts as a label',
        board: wired([node('c', 'cache', { props: { tech: 'Redis' } })]),
        options: { select: { label: 'redis' } },
      },
      {
        name: 'count: three drawn servers',
        board: wired([node('a', 'service'), node('b', 'service'), node('c', 'service')]),
        options: { select: { kind: 'service' }, min: 3 },
      },
      {
        name: 'instances: one node marked ×3',
        board: wired([node('a', 'service', { props: { replicas: 3 } })]),
        options: { select: { kind: 'service' }, minInstances: 3 },
      },
      {
        name: 'replicas ≥ N on the node itself',
        board: wired([node('lb', 'load_balancer', { props: { replicas: 2 } })]),
        options: { select: { kind: 'load_balancer' }, minReplicas: 2 },
      },
      {
        name: 'replication stated in the node’s own label ("Redis primary + replica")',
        board: wired([node('c', 'cache', { label: 'Redis primary + replica' })]),
        options: { select: { kind: 'cache' }, minInstances: 2 },
      },
      {
        name: 'replication factor in a generic box’s label ("Cassandra, RF=3")',
        board: wired([node('d', 'service', { label: 'Cassandra, RF=3' })]),
        options: { select: { kind: 'nosql_db' }, minInstances: 3 },
      },
      {
        name: 'a cache’s replica stated in the notes',
        board: wired([node('c', 'cache', { label: 'Redis' })], [], {
          bottlenecks: 'Redis runs with a replica and Sentinel failover.',
        }),
        options: { select: { kind: 'cache' }, minInstances: 2 },
      },
      {
        name: 'replicas per shard stated in the notes',
        board: wired([node('c', 'cache')], [], { bottlenecks: 'The cache is sharded by key, replica per shard.' }),
        options: { select: { kind: 'cache' }, minInstances: 2 },
      },
      {
        name: 'props match',
        board: wired([node('c', 'cache', { props: { tech: 'Redis' } })]),
        options: { select: { kind: 'cache', props: { tech: 'redis' } } },
      },
    ],
    invalid: [
      { name: 'an empty board', board: board([]), options: { select: { kind: 'cache' } } },
      { name: 'another kind', board: wired([node('d', 'sql_db')]), options: { select: { kind: 'cache' } } },
      {
        name: 'a label keyword is a whole word, not a substring',
        board: wired([node('s', 'service', { label: 'Unshortenable' })]),
        options: { select: { kind: 'service', label: 'shorten' } },
      },
      {
        name: 'too few drawn',
        board: wired([node('a', 'service'), node('b', 'service')]),
        options: { select: { kind: 'service' }, min: 3 },
      },
      {
        name: 'replicas below the minimum',
        board: wired([node('lb', 'load_balancer', { props: { replicas: 1 } })]),
        options: { select: { kind: 'load_balancer' }, minReplicas: 2 },
      },
      {
        name: 'a database’s replicas said beside a cache are the database’s, not the cache’s',
        board: wired([node('c', 'cache', { label: 'Redis' })], [], {
          bottlenecks: 'Postgres primary with read replicas; Redis in front.',
        }),
        options: { select: { kind: 'cache' }, minInstances: 2 },
      },
      {
        name: 'a label naming a primary alone is one instance',
        board: wired([node('c', 'cache', { label: 'Redis primary' })]),
        options: { select: { kind: 'cache' }, minInstances: 2 },
      },
      {
        name: 'a single instance when two are needed',
        board: wired([node('a', 'service')]),
        options: { select: { kind: 'service' }, minInstances: 2 },
      },
    ],
  });
});

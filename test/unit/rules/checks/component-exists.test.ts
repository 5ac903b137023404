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
        name: 'a single instance when two are needed',
        board: wired([node('a', 'service')]),
        options: { select: { kind: 'service' }, minInstances: 2 },
      },
    ],
  });
});

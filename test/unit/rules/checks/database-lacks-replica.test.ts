import { describe } from 'vitest';
import { board, chain, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const app = node('app', 'service');

// A detector: "passes" means an unreplicated database takes writes; rubrics wrap it in `not`.
describe('database-lacks-replica', () => {
  testCheck('database-lacks-replica', {
    valid: [
      {
        name: 'one database written by the service',
        board: board([app, node('db', 'sql_db')], chain('app', 'db')),
        options: {},
        evidence: { nodeIds: ['db'] },
      },
      {
        name: 'replicas: 1 is still one copy',
        board: board([app, node('db', 'nosql_db', { props: { replicas: 1 } })], chain('app', 'db')),
        options: {},
      },
    ],
    invalid: [
      {
        name: 'replicas ≥ 2',
        board: board([app, node('db', 'sql_db', { props: { replicas: 3 } })], chain('app', 'db')),
        options: {},
      },
      {
        name: 'a replica joined by a replication edge',
        board: board([app, node('db', 'sql_db'), node('r', 'sql_db')], [edge('app', 'db'), edge('db', 'r', 'replication')]),
        options: {},
      },
      {
        name: 'labelled as a cluster',
        board: board([app, node('db', 'nosql_db', { label: 'Cassandra cluster' })], chain('app', 'db')),
        options: {},
      },
      {
        name: 'a database nothing writes to (not applicable)',
        board: board([node('db', 'sql_db')]),
        options: {},
        applicable: false,
      },
      { name: 'an empty board (not applicable)', board: board([]), options: {}, applicable: false },
    ],
  });
});

import { describe } from 'vitest';
import { board, chain, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const u = node('u', 'client');
const db = node('db', 'sql_db');
const app = node('app', 'service');

// A detector: "passes" means the flaw is on the board.
describe('client-reaches-datastore', () => {
  testCheck('client-reaches-datastore', {
    valid: [
      { name: 'client → database', board: board([u, db], [edge('u', 'db')]), options: {}, evidence: { edgeIds: ['u>db'] } },
      { name: 'client → cache', board: board([u, node('c', 'cache')], [edge('u', 'c')]), options: {} },
      {
        name: 'client → reverse proxy → database: a proxy runs no application code',
        board: board([u, node('p', 'reverse_proxy'), db], chain('u', 'p', 'db')),
        options: {},
        evidence: { nodeIds: ['u', 'p', 'db'] },
      },
      {
        name: 'a database drawn pointing at the client is the same edge',
        board: board([u, db], [edge('db', 'u')]),
        options: {},
      },
      {
        name: 'a generic box labelled "Cassandra" is a datastore',
        board: board([u, node('x', 'service', { label: 'Cassandra' })], [edge('u', 'x')]),
        options: {},
      },
    ],
    invalid: [
      { name: 'through a service', board: board([u, app, db], chain('u', 'app', 'db')), options: {} },
      {
        name: 'client → CDN → object store is standard',
        board: board(
          [u, node('cdn', 'cdn'), node('s3', 'object_store'), app, db],
          [...chain('u', 'cdn', 's3'), ...chain('u', 'app', 'db')],
        ),
        options: {},
      },
      {
        name: 'no datastore at all (not applicable)',
        board: board([u, app], [edge('u', 'app')]),
        options: {},
        applicable: false,
      },
      { name: 'no client (not applicable)', board: board([app, db], [edge('app', 'db')]), options: {}, applicable: false },
    ],
  });
});

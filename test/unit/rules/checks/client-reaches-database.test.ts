import { describe } from 'vitest';
import { board, chain, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const nodes = [node('u', 'client'), node('app', 'service'), node('db', 'sql_db')];

// A detector: "passes" means the anti-pattern is present; rubrics wrap it in `not`.
describe('client-reaches-database', () => {
  testCheck('client-reaches-database', {
    valid: [
      {
        name: 'a client wired straight to a database',
        board: board(nodes, [edge('u', 'db')]),
        options: {},
        evidence: { edgeIds: ['u>db'], nodeIds: ['u', 'db'] },
      },
      { name: 'to a NoSQL store too', board: board([node('u', 'client'), node('n', 'nosql_db')], [edge('u', 'n')]), options: {} },
    ],
    invalid: [
      { name: 'through a service', board: board(nodes, chain('u', 'app', 'db')), options: {} },
      {
        name: 'a client next to a cache has no database to judge (not applicable)',
        board: board([node('u', 'client'), node('c', 'cache')], [edge('u', 'c')]),
        options: {},
        applicable: false,
      },
      { name: 'an empty board (not applicable)', board: board([]), options: {}, applicable: false },
    ],
  });
});

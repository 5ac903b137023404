import { describe } from 'vitest';
import { board, chain, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const u = node('u', 'client');
const app = node('app', 'service', { props: { replicas: 3 } });

// A detector: "passes" means one instance is the only way in.
describe('single-entry-point', () => {
  testCheck('single-entry-point', {
    valid: [
      {
        name: 'one load balancer in front of the servers',
        board: board([u, node('lb', 'load_balancer'), app], chain('u', 'lb', 'app')),
        options: {},
        evidence: { nodeIds: ['lb'] },
      },
      {
        name: 'two load balancers feeding one gateway: the gateway is still the only way in',
        board: board(
          [u, node('lb1', 'load_balancer'), node('lb2', 'load_balancer'), node('gw', 'api_gateway'), app],
          [edge('u', 'lb1'), edge('u', 'lb2'), edge('lb1', 'gw'), edge('lb2', 'gw'), edge('gw', 'app')],
        ),
        options: {},
        evidence: { nodeIds: ['gw'] },
      },
      {
        name: 'no load balancer: the one server is the only way in',
        board: board([u, node('s', 'service'), node('db', 'sql_db')], chain('u', 's', 'db')),
        options: {},
        evidence: { nodeIds: ['s'] },
      },
    ],
    invalid: [
      {
        name: 'two load balancers in parallel',
        board: board(
          [u, node('lb1', 'load_balancer'), node('lb2', 'load_balancer'), app],
          [edge('u', 'lb1'), edge('u', 'lb2'), edge('lb1', 'app'), edge('lb2', 'app')],
        ),
        options: {},
      },
      {
        name: 'one load balancer marked replicas: 2',
        board: board([u, node('lb', 'load_balancer', { props: { replicas: 2 } }), app], chain('u', 'lb', 'app')),
        options: {},
      },
      {
        name: 'the notes say there are two load balancers',
        board: board([u, node('lb', 'load_balancer'), app], chain('u', 'lb', 'app'), {
          bottlenecks: 'We run two load balancers, active-passive with a floating IP.',
        }),
        options: {},
      },
      { name: 'no client reaches a server (not applicable)', board: board([u, app]), options: {}, applicable: false },
    ],
  });
});
